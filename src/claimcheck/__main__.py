"""`python -m claimcheck` and the `claimcheck` command."""

from __future__ import annotations

import sys

from claimcheck.workers import EXIT_INTERRUPTED, INTERRUPTED_MESSAGE, leave_now


def main() -> None:
    try:
        from claimcheck.cli import main as run

        run()
    except KeyboardInterrupt:
        # Ctrl-C before a command runs (loading spaCy and the commands takes a second or two).
        sys.stderr.write(INTERRUPTED_MESSAGE + "\n")
        leave_now(EXIT_INTERRUPTED)


if __name__ == "__main__":
    main()
