"""The only code that knows the internals of httpx, httpcore, h11 or aiohttp. Each use says the
versions it was tested with, and does nothing (plain httpx behaviour) where they differ."""
