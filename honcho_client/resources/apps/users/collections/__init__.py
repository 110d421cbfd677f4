# Generated from openapi.yaml by `python -m codegen`. Do not edit: change the spec or the templates.
"""`client.apps.users.collections` and the resources below it."""
