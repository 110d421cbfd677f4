# Generated from openapi.yaml by `python -m codegen`. Do not edit: change the spec or the templates.
"""The client's resource tree, one module per resource; see api.md."""
