"""The only code that knows the internals of httpx, httpcore or aiohttp.

Each use of another library's private names says the versions it was tested with, and does
nothing (plain httpx behaviour) where those names are not what it expects.
"""
