"""The clients and what they hand back: resources and their methods, responses, pages and streams.

The async modules are written by hand; each `sync_*.py` twin is generated from its `async_*.py`
by `python -m codegen` (see codegen/_unasync.py).
"""
