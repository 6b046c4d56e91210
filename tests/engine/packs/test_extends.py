"""A pack's `extends:` names a folder: loops are found whatever way the folder is written, and chains are bounded."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from govcheck.engine.core.errors import InputError
from govcheck.engine.packs.loading import MAX_EXTENDS, load_pack

HEADER = """\
id: {id}
title: A pack
edition: test
publisher: govcheck tests
published_on: 2019-01-01
in_force: {{from: 2019-01-01}}
topics: {{t: T}}
"""


def _pack(root: Path, pack_id: str, extends: str | None = None) -> Path:
    folder = root / pack_id
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pack.yaml").write_text(HEADER.format(id=pack_id) + (f"extends: {extends}\n" if extends else ""))
    return folder


@pytest.mark.parametrize("written", ["./a", "a/", "./a/", "b/../a", "a/."])
def test_a_loop_is_found_however_the_folder_is_written(tmp_path: Path, written: str) -> None:
    _pack(tmp_path, "b")
    _pack(tmp_path, "a", extends=written)
    with pytest.raises(InputError) as caught:
        load_pack(tmp_path / "a")
    assert (
        str(caught.value) == f"{tmp_path / 'a' / 'pack.yaml'}:8:10: packs extend each other in a loop: a -> {written}"
    )


def test_a_loop_through_two_packs(tmp_path: Path) -> None:
    _pack(tmp_path, "a", extends="./b")
    _pack(tmp_path, "b", extends="a/")
    with pytest.raises(InputError, match=r"b/pack.yaml:8:10: packs extend each other in a loop: a -> b -> a/$"):
        load_pack(tmp_path / "a")


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges on Windows")
def test_a_loop_through_a_link(tmp_path: Path) -> None:
    os.symlink("a", tmp_path / "same-as-a")
    _pack(tmp_path, "a", extends="same-as-a")
    with pytest.raises(InputError, match=r"packs extend each other in a loop: a -> same-as-a$"):
        load_pack(tmp_path / "a")


def test_a_chain_longer_than_the_limit_is_refused(tmp_path: Path) -> None:
    for n in range(MAX_EXTENDS + 5):
        _pack(tmp_path, f"p{n}", extends=f"p{n + 1}" if n < MAX_EXTENDS + 4 else None)
    with pytest.raises(InputError) as caught:
        load_pack(tmp_path / "p0")
    assert str(caught.value) == (
        f"{tmp_path / f'p{MAX_EXTENDS - 1}' / 'pack.yaml'}:8:10: extends 'p{MAX_EXTENDS}', making a chain of more "
        f"than {MAX_EXTENDS} packs, each extending the next "
        f"(at most {MAX_EXTENDS} are read; extend an edition directly)"
    )


def test_a_chain_within_the_limit_loads(tmp_path: Path) -> None:
    for n in range(MAX_EXTENDS):
        _pack(tmp_path, f"p{n}", extends=f"p{n + 1}" if n < MAX_EXTENDS - 1 else None)
    assert load_pack(tmp_path / "p0").id == "p0"
