# Generated from openapi.yaml by `python -m codegen`. Do not edit: change the spec or the templates.
"""Where the generated code comes from: the spec it was generated from, and by what."""

API_TITLE = "Honcho API"
API_VERSION = "1.1.0"
SPEC_FILE = "openapi.yaml"
SPEC_SHA256 = "ff3fd997b854c5271af3adb35cb12fa5814e5c938629e6dfbbb3cf884b8fa529"
GENERATOR = "honcho_client codegen 2 (ruff 0.17.6)"
OPERATIONS = 41
SCHEMAS = 36
