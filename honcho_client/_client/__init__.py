"""The clients and what they hand back: resources and their methods, responses, pages and streams.

Each `sync_*.py` is generated from its hand-written `async_*.py` by `python -m codegen`.
"""
