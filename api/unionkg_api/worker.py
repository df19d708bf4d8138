"""Entry point of a query worker process: ``python -m unionkg_api.worker FD STORE_PATH``.

Started by :class:`unionkg_api.executor.ProcessQueryRunner`; FD is its end of
a socket pair.  The worker opens the store read-only and answers jobs until
the socket closes or it is killed at the time limit.
"""

from __future__ import annotations

import sys
from multiprocessing.connection import Connection

from unionkg_api.executor import worker_main


def main(argv: list[str]) -> None:
    fd, store_path = int(argv[0]), argv[1]
    worker_main(Connection(fd), store_path)


if __name__ == "__main__":
    main(sys.argv[1:])
