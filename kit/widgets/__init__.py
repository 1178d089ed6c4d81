"""Reusable workshop components (ipywidgets + plotly), each testable without a browser.

Widgets build figures and texts from the engine's tables and the message catalogs; they never write
what a teen types anywhere.
"""
