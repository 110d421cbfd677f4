"""Recordings of a live Honcho server, and their replay against another server.

A *cassette* holds scenarios; a scenario is an ordered list of exchanges (request and
response) whose ids, keys, timestamps and model-written text are symbolic, so it can be
sent again to any Honcho server and the answers compared.

Entry points (run from the repository root):

- ``python -m tests._recorder``: run the scenarios against live servers (REAL_HONCHO,
  REAL_HONCHO_AUTH, REAL_HONCHO_ADMIN_KEY) and write ``tests/cassettes``;
- ``python -m tests._recorder.check``: replay the cassettes against the served
  FakeHoncho (or ``--against real``) and list every exchange that differs;
- ``python -m tests._recorder.differential``: a seeded random differential of the real
  server and the served fake, optionally recorded into ``tests/cassettes/differential``.
"""
