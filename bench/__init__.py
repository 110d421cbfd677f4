"""Benchmarks of honcho_client against raw httpx and honcho-ai 0.2.0: run `python -m bench`.

Each part lives in its own module (`_overhead`, `_imports`, `_throughput`, `_pagination`); the
table is assembled by `_table` and the whole run is driven by `__main__`.
"""
