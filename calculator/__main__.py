"""``python -m calculator``: size a team from a scenario (see :mod:`calculator.cli`)."""

from .cli import main

raise SystemExit(main())
