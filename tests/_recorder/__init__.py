"""Recordings of a live Honcho server, and their replay against another server.

A *cassette* holds scenarios; a scenario is an ordered list of exchanges (request and
response) whose ids, keys, timestamps and model-written text are symbolic, so it can be
sent again to any Honcho server and the answers compared.

- ``python -m tests._recorder``: run the scenarios against live servers, write cassettes.
- ``python -m tests._recorder.differential``: a seeded random differential of two servers.
"""
