# Generated from openapi.yaml by `python -m codegen`. Do not edit: change the spec or the templates.
"""Where the generated code comes from: the spec it was generated from, and by what."""

API_TITLE = "Honcho API"
API_VERSION = "1.1.0"
SPEC_FILE = "openapi.yaml"
SPEC_SHA256 = "7765e38f5294f60e8fa0112af734ea26cbfa90b84847342ea591d160c4f82d02"
GENERATOR = "honcho_client codegen 2 (ruff 0.17.6)"
OPERATIONS = 41
SCHEMAS = 36
