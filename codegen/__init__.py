"""Generates the typed part of honcho_client from openapi.yaml.

`python -m codegen` writes the models (honcho_client/types/), the resource tree
(honcho_client/resources/), the sync twins of the async core (honcho_client/_sync/), the
provenance record (honcho_client/_spec_info.py) and api.md. `python -m codegen --check` exits 1,
naming every stale file, when the committed output differs from what the spec produces.
"""
