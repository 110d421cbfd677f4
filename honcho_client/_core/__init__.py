"""Pure code, no I/O: operations and calls, validation, request building, parsing, errors, retry
rules, SSE decoding and settings. Nothing here sends a byte or knows another library's internals."""
