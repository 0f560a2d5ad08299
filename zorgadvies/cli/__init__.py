"""The ``zorgadvies`` command line (click): a thin front end over the library.

``main`` is the click group (the console script ``zorgadvies``); each command lives in its own
module of this package and is imported only when it is used (see ``main.LAZY_COMMANDS``).
"""

from .main import main

__all__ = ["main"]
