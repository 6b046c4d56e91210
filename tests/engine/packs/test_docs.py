"""The generated rule catalogue under docs/rules: current, deterministic, and complete for every edition."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from govcheck.cli.main import cli
from govcheck.engine.packs.catalogue import catalogue_for, load_catalogue
from govcheck.engine.packs.docs import GENERATED, md, pages
from govcheck.engine.packs.editions import pack_specs
from govcheck.engine.packs.loading import load_pack
from tests.support.facts import REPO

PACKS_DIR = REPO / "rules"
DOCS = REPO / "docs" / "rules"


def generated() -> dict[str, str]:
    packs = [load_pack(name, PACKS_DIR) for name in pack_specs(PACKS_DIR)]
    return pages(packs, load_catalogue(catalogue_for(PACKS_DIR)), PACKS_DIR)


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_the_committed_rule_catalogue_is_current(update_golden: bool) -> None:
    wanted = generated()
    committed = {path.name: path.read_text(encoding="utf-8") for path in DOCS.glob("*.md")}
    stale = sorted(name for name in wanted.keys() | committed.keys() if wanted.get(name) != committed.get(name))
    if update_golden:  # one command regenerates everything generated: pytest --update-golden
        for name in stale:
            if name in wanted:
                (DOCS / name).write_text(wanted[name], encoding="utf-8")
            else:
                (DOCS / name).unlink()
        return
    assert not stale, (
        f"docs/rules is out of date ({', '.join(stale)}): run `pytest --update-golden` and commit the result"
    )


def test_the_catalogue_is_the_same_bytes_every_time() -> None:
    assert generated() == generated()


def test_every_edition_has_a_page_with_every_rule_and_the_index_links_them() -> None:
    wanted = generated()
    assert set(wanted) == {"index.md", *(f"{name}.md" for name in pack_specs(PACKS_DIR))}
    for name, spec in pack_specs(PACKS_DIR).items():
        page = wanted[f"{name}.md"]
        pack = load_pack(name, PACKS_DIR)
        assert f"]({name}.md)" in wanted["index.md"]
        assert page.startswith(f"# {md(spec.title)}, {md(spec.edition)} (`{name}`)\n")
        for rule in pack.rules:
            section = page.split(f"### `{rule.id}`\n", 1)[1].split("\n### ", 1)[0]
            assert md(str(rule.spec.cite)) in section
            assert "**Check.** " in section
            for example, _ in rule.examples:
                assert f"| {md(example.name)} | `{example.expect.value}` |" in section
        if spec.description:  # what the edition assumes (naf-2021: carried forward) is in its page
            assert md(spec.description) in page
        assert "## Requirement coverage" in page


def test_check_passes_on_current_pages_and_fails_naming_a_stale_one(tmp_path: Path) -> None:
    target = tmp_path / "rules"
    code, out, _ = invoke("rules", "docs", "--packs-dir", str(PACKS_DIR), "--output-dir", str(target))
    assert code == 0
    assert out.strip() == f"{target}: {len(generated())} of {len(generated())} pages written, 0 removed"
    assert invoke("rules", "docs", "--packs-dir", str(PACKS_DIR), "--output-dir", str(target), "--check")[0] == 0
    page = target / "naf-2019.md"
    page.write_text(page.read_text().replace("Severity | high", "Severity | low", 1))
    edited = page.read_text()
    code, _, err = invoke("rules", "docs", "--packs-dir", str(PACKS_DIR), "--output-dir", str(target), "--check")
    assert code == 1
    assert f"{page} is out of date" in err
    assert "run `govcheck rules docs`" in err
    assert page.read_text() == edited  # --check writes nothing


def test_writing_replaces_stale_pages_and_removes_only_its_own_leftovers(tmp_path: Path) -> None:
    target = tmp_path / "rules"
    shutil.copytree(DOCS, target)
    (target / "naf-2009.md").write_text(f"# Old edition\n\n{GENERATED}\n")
    (target / "notes.md").write_text("# Our own notes\n")
    code, _, err = invoke("rules", "docs", "--packs-dir", str(PACKS_DIR), "--output-dir", str(target), "--check")
    assert code == 1
    assert "naf-2009.md documents a pack that no longer exists" in err
    code, out, _ = invoke("rules", "docs", "--packs-dir", str(PACKS_DIR), "--output-dir", str(target))
    assert code == 0
    assert out.strip().endswith("1 removed")
    assert not (target / "naf-2009.md").exists()
    assert (target / "notes.md").read_text() == "# Our own notes\n"
    assert {p.name for p in target.glob("*.md")} == {*generated(), "notes.md"}
    assert not list(target.glob(".*.tmp"))


@pytest.mark.parametrize("name", ["index.md", "naf-2019.md"])
def test_the_page_links_resolve(name: str) -> None:
    # Links to other pages and to rule files, relative to docs/rules, point at files that exist.
    import re

    page = generated()[name]
    for target in re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", page):
        if target.startswith("http"):
            continue
        assert (DOCS / target).resolve().exists(), target
