"""``python -m desktop_app``: the same as the ``desktop-app`` command (application shell)."""

import sys

from desktop_app.bootstrap import main

sys.exit(main())
