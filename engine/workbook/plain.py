"""Plain facts data (what a facts file holds once read) by path: reading a value, setting one, finding a list."""

from __future__ import annotations

from typing import Any

from govcheck.engine.core.paths import PathKey


def value_at(data: Any, path: PathKey) -> Any:
    """The value at ``path``, or None where any step is absent."""
    for part in path:
        if isinstance(part, int):
            data = data[part] if isinstance(data, list) and part < len(data) else None
        else:
            data = data.get(part) if isinstance(data, dict) else None
    return data


def list_at(data: dict[str, Any], path: PathKey) -> list[Any]:
    """The list at ``path``, made (empty) if there is none yet."""
    found = value_at(data, path)
    if not isinstance(found, list):
        found = []
        set_at(data, path, found)
    return found


def set_at(data: Any, path: PathKey, value: Any) -> None:
    """Set the value at ``path``, making the mappings above it as needed (the lists must exist)."""
    for part in path[:-1]:
        data = data[part] if isinstance(part, int) else data.setdefault(part, {})
    data[path[-1]] = value
