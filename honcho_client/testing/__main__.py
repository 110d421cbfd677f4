"""Command line: serve a FakeHoncho over HTTP until Ctrl-C.

python -m honcho_client.testing --port 8000 [--host 127.0.0.1]
    [--require-auth [--api-key KEY ...]] [--seed N] [--quiet]
    [--no-server-defects] [--request-log-size N]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence

from ._fake import DEFAULT_API_KEY, FakeHoncho
from ._log import DEFAULT_LOG_SIZE


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m honcho_client.testing",
        description="Serve an in-memory Honcho API 1.1.0 (FakeHoncho) over HTTP.",
    )
    parser.add_argument("--port", type=int, default=8000, help="port (0 picks a free one)")
    parser.add_argument("--host", default="127.0.0.1", help="interface to bind")
    parser.add_argument("--require-auth", action="store_true", help="demand a bearer key")
    parser.add_argument(
        "--api-key",
        action="append",
        dest="api_keys",
        metavar="KEY",
        help=f"accepted admin key, repeatable (default {DEFAULT_API_KEY!r})",
    )
    parser.add_argument("--seed", type=int, default=None, help="reproducible ids")
    parser.add_argument("--quiet", action="store_true", help="no access log")
    parser.add_argument(
        "--no-server-defects",
        action="store_true",
        help="behave as the server was meant to, not as v1.1.0 does (see SERVER_DEFECTS)",
    )
    parser.add_argument(
        "--request-log-size",
        type=int,
        default=DEFAULT_LOG_SIZE,
        metavar="N",
        help=f"requests kept in the request log (default {DEFAULT_LOG_SIZE})",
    )
    args = parser.parse_args(argv)
    if args.request_log_size < 0:
        parser.error("--request-log-size must be at least 0")

    fake = FakeHoncho(
        require_auth=args.require_auth,
        api_keys=args.api_keys or (DEFAULT_API_KEY,),
        seed=args.seed,
        server_defects=not args.no_server_defects,
        request_log_size=args.request_log_size,
    )
    server = fake.serve(port=args.port, host=args.host, log=not args.quiet)
    print(f"FakeHoncho (Honcho API 1.1.0) listening on {server.url}", flush=True)
    if args.require_auth:
        print(f"API key: {fake.api_key}", flush=True)
    print("Press Ctrl-C to stop.", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
