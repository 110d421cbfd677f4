# Generated from openapi.yaml by `python -m codegen`. Do not edit: change the spec or the templates.
"""Where the generated code comes from: the spec it was generated from, and by what."""

API_TITLE = "Honcho API"
API_VERSION = "1.1.0"
SPEC_FILE = "openapi.yaml"
SPEC_SHA256 = "1c1d2b53474937b9c9da069c4df211d3e7f5e7517adaf333ea731764ba47858d"
GENERATOR = "honcho_client codegen 1 (openapi-python-client 0.29.1, ruff 0.17.6)"
OPERATIONS = 41
SCHEMAS = 41
