"""``python -m tui`` is the ``flagpole`` command."""

from tui.cli import main

raise SystemExit(main())
