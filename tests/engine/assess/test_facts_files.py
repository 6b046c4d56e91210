"""Finding facts files: folders searched through, other YAML skipped and named, patterns excluded."""

from __future__ import annotations

from pathlib import Path

import pytest

from govcheck.engine.assess.facts_files import find_facts_files

FACTS = "format_version: 2\nas_of: 2020-03-31\norganisation: {id: x, name: X}\n"


def write(path: Path, text: str = FACTS) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def project(tmp_path: Path) -> Path:
    write(tmp_path / "frameworks" / "a-lep.yaml")
    write(tmp_path / "frameworks" / "archive" / "b-lep.yml")
    write(tmp_path / "frameworks" / "drafts" / "c-lep.yaml")
    write(tmp_path / "waivers.yaml", "format_version: 1\nwaivers:\n  - rule: x\n")  # a version is no sign of facts
    write(tmp_path / ".pre-commit-config.yaml", "repos: []\n")
    write(tmp_path / ".github" / "workflows" / "govcheck.yml", "on: push\n")
    write(tmp_path / "node_modules" / "pkg" / "d-lep.yaml")
    write(tmp_path / "notes.txt", "organisation: not YAML by its name\n")
    return tmp_path


def names(paths: list[Path], root: Path) -> list[str]:
    return [path.relative_to(root).as_posix() for path in paths]


def test_a_folder_is_searched_through_its_sub_folders_in_a_stable_order(project: Path) -> None:
    found = find_facts_files([project])
    assert names(found.files, project) == [
        "frameworks/a-lep.yaml",
        "frameworks/archive/b-lep.yml",
        "frameworks/drafts/c-lep.yaml",
    ]


def test_yaml_that_is_not_facts_is_skipped_and_named_with_why(project: Path) -> None:
    found = find_facts_files([project])
    assert [(s.path.name, s.why) for s in found.skipped] == [
        ("waivers.yaml", "not a facts file (no organisation or as_of)")
    ]


def test_hidden_folders_and_tool_folders_are_not_searched(project: Path) -> None:
    found = find_facts_files([project])
    every = [*found.files, *(s.path for s in found.skipped)]
    assert not [path for path in every if ".github" in path.parts or "node_modules" in path.parts]


@pytest.mark.parametrize(
    ("pattern", "left_out"),
    [
        ("drafts", "frameworks/drafts/c-lep.yaml"),  # a folder's name
        ("b-lep.yml", "frameworks/archive/b-lep.yml"),  # a file's name
        ("a-*.yaml", "frameworks/a-lep.yaml"),  # a shell pattern
        ("frameworks/archive/*", "frameworks/archive/b-lep.yml"),  # a path below the folder searched
    ],
)
def test_exclude_leaves_out_what_it_matches(project: Path, pattern: str, left_out: str) -> None:
    found = find_facts_files([project], exclude=[pattern])
    assert left_out not in names(found.files, project)
    assert len(found.files) == 2


def test_an_excluded_file_is_said_to_be_skipped(project: Path) -> None:
    found = find_facts_files([project], exclude=["a-*.yaml"])
    assert (project / "frameworks" / "a-lep.yaml", "excluded by 'a-*.yaml'") in [(s.path, s.why) for s in found.skipped]


def test_a_file_named_is_read_as_facts_whatever_it_holds(project: Path) -> None:
    # Its mistakes are then reported when it is read: a file named is never silently passed over.
    found = find_facts_files([project / "waivers.yaml"])
    assert found.files == [project / "waivers.yaml"]
    assert found.skipped == []


def test_a_file_named_is_left_out_when_excluded_and_said_so(project: Path) -> None:
    named = project / "frameworks" / "drafts" / "c-lep.yaml"
    found = find_facts_files([named], exclude=["drafts/*"])
    assert found.files == []
    assert found.skipped[0].why == "excluded by 'drafts/*'"


def test_a_facts_file_is_known_by_any_of_its_top_level_keys_wherever_they_stand(tmp_path: Path) -> None:
    # Keys sorted alphabetically put as_of first and organisation after a long meetings list.
    write(tmp_path / "sorted.yaml", "# a comment\nas_of: 2020-03-31\nbodies: []\n")
    write(tmp_path / "quoted.yaml", '"organisation":\n  id: x\n')
    write(tmp_path / "nested.yaml", "lep:\n  organisation: x\n  as_of: 2020-03-31\n")
    found = find_facts_files([tmp_path])
    assert [p.name for p in found.files] == ["quoted.yaml", "sorted.yaml"]
    assert [s.path.name for s in found.skipped] == ["nested.yaml"]


def test_a_link_back_up_the_tree_is_searched_once(tmp_path: Path) -> None:
    write(tmp_path / "a.yaml")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    found = find_facts_files([tmp_path])
    assert [p.name for p in found.files] == ["a.yaml"]


def test_a_name_too_long_for_the_system_is_handed_on_to_be_refused_when_read(tmp_path: Path) -> None:
    name = tmp_path / ("a" * 5000)
    assert find_facts_files([name]).files == [name]  # Path.is_dir would raise here


def test_workbooks_are_facts_files_and_their_lock_files_are_not(tmp_path: Path) -> None:
    (tmp_path / "lep.xlsx").write_bytes(b"PK")
    (tmp_path / "~$lep.xlsx").write_bytes(b"lock")
    assert [p.name for p in find_facts_files([tmp_path]).files] == ["lep.xlsx"]
