"""Addresses that refuse at once, for tests that must not reach the network by chance."""

#: A proxy that refuses (port 9, discard): the package registries, for a test outside the `network` tier.
REFUSING_PROXY = "http://127.0.0.1:9"
#: Where a test site looks for Pyodide's distribution: an address that refuses at once, so the site is the
#: same (without numpy and pandas) whether or not the machine reaches Pyodide's own.
UNREACHABLE_DISTRIBUTION = "http://127.0.0.1:9/pyodide/full/"
