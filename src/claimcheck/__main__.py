"""`python -m claimcheck` and the `claimcheck` command."""

from __future__ import annotations

import logging
import sys

from claimcheck.workers import EXIT_INTERRUPTED, INTERRUPTED_MESSAGE, leave_now


def main() -> None:
    # The library logs what the user should know but that does not stop a run (an encoding guessed
    # with low confidence); the command shows it as a warning line.
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("claimcheck: warning: %(message)s"))
    logger = logging.getLogger("claimcheck")
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    try:
        from claimcheck.cli import main as run

        run()
    except KeyboardInterrupt:
        # Ctrl-C before a command runs (loading spaCy and the commands takes a second or two).
        sys.stderr.write(INTERRUPTED_MESSAGE + "\n")
        leave_now(EXIT_INTERRUPTED)


if __name__ == "__main__":
    main()
