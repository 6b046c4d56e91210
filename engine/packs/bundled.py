"""Where the rule packs and the requirements catalogue shipped inside the installed package are."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def packs_folder() -> Path:
    """The rule packs shipped inside the installed package."""
    return Path(str(files("govcheck") / "rules"))
