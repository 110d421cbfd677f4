# Generated from openapi.yaml by `python -m codegen`. Do not edit: change the spec or the templates.
"""Where the generated code comes from: the spec it was generated from, and by what."""

API_TITLE = "Honcho API"
API_VERSION = "1.1.0"
SPEC_FILE = "openapi.yaml"
<<<<<<< HEAD
SPEC_SHA256 = "83d974aa4f275882c67dc12aa5f416022807492eeffbd1426e08d5d80d4f5365"
=======
SPEC_SHA256 = "b47c68f3d57fb073b9f11d1c401c5d075b112ec4f77c90f9d54baf04de098a6e"
>>>>>>> docs
GENERATOR = "honcho_client codegen 2 (ruff 0.17.6)"
OPERATIONS = 41
SCHEMAS = 36
