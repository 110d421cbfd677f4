# Generated from openapi.yaml by `python -m codegen`. Do not edit: change the spec or the templates.
"""Where the generated code comes from: the spec it was generated from, and by what."""

API_TITLE = "Honcho API"
API_VERSION = "1.1.0"
SPEC_FILE = "openapi.yaml"
SPEC_SHA256 = "83d974aa4f275882c67dc12aa5f416022807492eeffbd1426e08d5d80d4f5365"
GENERATOR = "honcho_client codegen 2 (ruff 0.17.6)"
OPERATIONS = 41
SCHEMAS = 36
