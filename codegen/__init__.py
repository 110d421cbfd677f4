"""Generates the typed part of honcho_client from openapi.yaml, or a client package from any
OpenAPI 3.0/3.1 document as FastAPI emits it.

`python -m codegen` writes the models (honcho_client/types/), the resource tree
(honcho_client/resources/, its root `HonchoResources` in resources/_root.py), the sync twins of
the async core (honcho_client/_client/sync_*.py), the provenance record (honcho_client/_spec_info.py) and
api.md. `python -m codegen --check` exits 1, naming every stale file, when the committed output
differs from what the spec produces. `python -m codegen --spec other.json --package name --out dir`
writes a package for another document, with its own `Client` and `AsyncClient` on this runtime.
A construct the generator cannot express stops it with exit code 2 and a message naming the
operation (or schema) and the construct.

Names. An operation's `x-sdk-resource` (dotted) and `x-sdk-method` name it when given. Otherwise:

1. Resource: the path's segments, less version segments (`v1`, `v2`) and parameters (`{id}`),
   snake_cased and joined by dots. The last segment of a path is an *action*, not a resource,
   when it is not the first segment and no route of the document has anything below it:
   `/v2/workspaces/{id}/peers/list` is resource `workspaces.peers`, while `peers` itself is a
   resource because `/v2/workspaces/{id}/peers/{peer_id}` exists.
2. Method: the function name, which is the operationId without FastAPI's route suffix (the path
   with every non-word character as `_`, then `_<http method>`), snake_cased; without an
   operationId, the HTTP method, plus `_<action>` if the path ends in one. From it the words
   naming the resource or any resource above it (as written or singular: `peers`, `peer`) are
   dropped, then connectors left at either end (for, to, from, with, of, in, on, by, at, and); if
   nothing is left, the HTTP method. `add_peers_to_session` in `workspaces.sessions.peers` is
   `add`; `get_or_create_workspace` in `workspaces` is `get_or_create`; `metrics_metrics_get` on
   `/metrics` is `metrics.get`.
3. Clashes: operations of one resource that would share a name keep their whole function names
   (`get_messages`, `get_message`); a name still taken gets `_<http method>` appended. A name
   given by `x-sdk-method` is never taken by a derived one. Python keywords get a trailing `_`,
   and so does a top-level resource, or a method of the client itself (a path with no static
   segment, such as `/`), that would take one of the client's own names (`close`, `timeout`).

Parameters are snake_cased wire names (`X-Request-Id` becomes `x_request_id`); one that would
take another's name is prefixed by its location (`query_`, `body_`, `header_`, `cookie_`).

Other `x-sdk-*` annotations: `x-sdk-read-only` (a POST that only reads: may be re-sent like a
GET), `x-sdk-creates` (a GET/PUT that creates: never re-sent after an unknown outcome),
`x-sdk-response-schema: Name` (the result type of a response whose schema is open, from
`components/x-sdk-schemas`), and the top-level `x-sdk-resources` (one line about each resource).
An operation may be re-sent after an unknown outcome when it is a GET, HEAD, OPTIONS, PUT or
DELETE, is marked read-only, or returns a page.
"""
