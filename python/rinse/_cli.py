"""The ``rinse`` command installed with the package: the command line, run in this process through the extension."""

import os
import signal
import sys


def main() -> None:
    """Runs ``rinse`` with this process's arguments and exits with its code (0, 1 or 2, as the binary does)."""
    from rinse._rinse import run_cli

    # Ctrl-C ends the command at once, as it ends the binary: Python's handler would only raise once the
    # command returned.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    args = [b"rinse"] + [os.fsencode(arg) for arg in sys.argv[1:]]
    sys.stdout.flush()
    sys.exit(run_cli(args))


if __name__ == "__main__":
    main()
