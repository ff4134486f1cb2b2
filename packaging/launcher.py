"""Entry script of the frozen app (packaging): the same as the ``desktop-app`` command.

PyInstaller needs a script, not a console-script entry point; importing through the package keeps
every module inside ``desktop_app`` and its absolute imports working.
"""

import sys

from desktop_app.bootstrap import main

if __name__ == "__main__":
    sys.exit(main())
