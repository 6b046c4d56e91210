"""The manifest of an assessment: every file it read, with a SHA-256 of its bytes.

A result that names the govcheck version, the edition, the date and the digest of
each facts file, rule file and waiver file can be re-run later and compared
(``govcheck check --replay``): same inputs and same version, same verdicts.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from govcheck.engine.assess.waivers import WaiverSet
from govcheck.engine.core.results import Assessment, InputFile
from govcheck.engine.packs.bundled import packs_folder
from govcheck.engine.packs.catalogue import bundled_catalogue_path, catalogue_for
from govcheck.engine.packs.loading import RulePack, file_digest

FACTS, RULES, WAIVERS = "facts", "rules", "waivers"
CATALOGUE = "catalogue"  # read when a pack loads, but not part of a manifest: it decides no verdict


def is_bundled(pack: RulePack) -> bool:
    return Path(pack.folder).resolve().parent == packs_folder().resolve()


def pack_inputs(pack: RulePack) -> tuple[InputFile, ...]:
    """The pack's own files and those of every pack it extends, named as the pack names them.

    Bundled packs are named relative to the bundled rules folder (``naf-2019/pack.yaml``),
    so a result does not depend on where govcheck is installed.
    """
    base = Path(pack.folder).parent
    found = []
    for file in _rule_files(pack):
        name = file.relative_to(base).as_posix() if is_bundled(pack) else file.as_posix()
        found.append(InputFile(RULES, name, file_digest(file)))
    return tuple(found)


def _rule_files(pack: RulePack) -> list[Path]:
    folder = Path(pack.folder)
    chain = [folder]
    extends = pack.spec.extends
    while extends:  # the loader has already refused loops and unknown parents
        parent = folder.parent / extends
        chain.append(parent)
        extends = _extends_of(parent)
    return [file for pack_dir in chain for file in sorted(pack_dir.glob("*.yaml"))]


def pack_files(pack: RulePack) -> list[tuple[str, Path]]:
    """Every file loading the pack read, with its role: its rule files, those of every pack it
    extends, and the requirements catalogue its rules were checked against."""
    found = [(RULES, file) for file in _rule_files(pack)]
    catalogue = pack.catalogue.file if pack.catalogue else catalogue_for(Path(pack.folder).parent)
    return [*found, (CATALOGUE, Path(catalogue))]


def files_read(assessment: Assessment) -> list[tuple[str, Path]]:
    """Where each file an assessment read is, with its role: the facts, rule and waiver files its
    manifest names, and the catalogue its pack was checked against."""
    source = assessment.pack.source
    bundled = packs_folder()
    found = []
    for entry in assessment.inputs:
        bundled_rule = entry.role == RULES and source is None
        found.append((entry.role, bundled / entry.path if bundled_rule else Path(entry.path)))
    if not any(role == FACTS for role, _ in found):
        found.append((FACTS, Path(assessment.facts_file)))
    catalogue = catalogue_for(Path(source).parent) if source else bundled_catalogue_path()
    return [*found, (CATALOGUE, catalogue)]


def _extends_of(pack_dir: Path) -> str | None:
    from govcheck.engine.reading import yamlsource

    data, _ = yamlsource.load(pack_dir / "pack.yaml")
    value = data.get("extends") if isinstance(data, dict) else None
    return value if isinstance(value, str) else None


@dataclass(frozen=True)
class PackManifest:
    """What a manifest says of a pack: its files with their digests, and where it came from if not bundled."""

    files: tuple[InputFile, ...]
    source: str | None

    @classmethod
    def of(cls, pack: RulePack) -> PackManifest:
        # Hashing every rule file takes longer than assessing a LEP: a caller assessing many
        # LEPs against one pack works this out once (Assessor does).
        return cls(pack_inputs(pack), None if is_bundled(pack) else pack.folder)


def record_inputs(
    assessment: Assessment, pack: RulePack, waivers: WaiverSet | None, manifest: PackManifest | None = None
) -> Assessment:
    """The assessment with its manifest: the facts file, the rule files and the waiver file it read."""
    manifest = manifest or PackManifest.of(pack)
    inputs = [InputFile(FACTS, assessment.facts_file, assessment.facts_sha256), *manifest.files]
    if waivers is not None:
        inputs.append(InputFile(WAIVERS, waivers.file, waivers.sha256))
    return replace(assessment, inputs=tuple(inputs), pack=replace(assessment.pack, source=manifest.source))


def changed_inputs(old: tuple[InputFile, ...], new: tuple[InputFile, ...]) -> list[str]:
    """Plain sentences naming each input that differs between two manifests."""
    before = {(f.role, f.path): f.sha256 for f in old}
    after = {(f.role, f.path): f.sha256 for f in new}
    changes = []
    for key in sorted(before.keys() | after.keys()):
        role, path = key
        if key not in after:
            changes.append(f"{role} file {path} was read then and not now")
        elif key not in before:
            changes.append(f"{role} file {path} is read now and was not then")
        elif before[key] != after[key]:
            changes.append(f"{role} file {path} changed (sha256 {before[key][:12]} -> {after[key][:12]})")
    return changes
