"""Command line: serve a FakeHoncho over HTTP until Ctrl-C.

python -m honcho_client.testing --port 8000 [--host 127.0.0.1]
    [--require-auth [--api-key KEY ...]] [--seed N] [--quiet]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence

from ._fake import DEFAULT_API_KEY, FakeHoncho


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
    args = parser.parse_args(argv)

    fake = FakeHoncho(
        require_auth=args.require_auth,
        api_keys=args.api_keys or (DEFAULT_API_KEY,),
        seed=args.seed,
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
