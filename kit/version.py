"""The kit's version, in a module of its own: the engine (data package descriptors) and the guide (the book's
title page) read it without importing the package root, whose `load` and `trail` sit above the engine."""

__version__ = "0.1.0"
