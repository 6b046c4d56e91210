"""Project configuration: ``.govcheck.yaml`` or ``[tool.govcheck]`` in ``pyproject.toml``.

Found as ruff and yamllint find theirs: in the current folder or the nearest folder above it
that has one (``.govcheck.yaml`` first, then a ``pyproject.toml`` with a ``[tool.govcheck]``
table). Paths in it are relative to the folder it is in. Its settings become the defaults of
the matching command-line options (through click's ``default_map``), so an option given on
the command line always wins and ``--help`` shows the configured default.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from govcheck.engine.core.errors import InputError, Problem
from govcheck.engine.core.status import FAIL_ON_CHOICES

CONFIG_FILE_NAMES = (".govcheck.yaml", ".govcheck.yml")
PYPROJECT = "pyproject.toml"


class ProjectConfig(BaseModel):
    """What a project can set once instead of on every command line."""

    model_config = ConfigDict(extra="forbid", populate_by_name=False, frozen=True)

    paths: list[str] = Field(
        default_factory=list,
        description="Facts files and folders that `check` and `validate` read when none are named.",
    )
    exclude: list[str] = Field(
        default_factory=list,
        description="Files and folders to leave out: names or shell patterns (`drafts`, `*.draft.yaml`, `archive/*`).",
    )
    pack: str | None = Field(None, description="The rule pack to assess against, instead of the edition in force.")
    format: str | None = Field(None, description="The report format of `check` (text, markdown, html, json, ...).")
    fail_on: str | None = Field(
        None, alias="fail-on", description=f"The lowest severity of gap that fails a run: {', '.join(FAIL_ON_CHOICES)}."
    )
    missing_evidence: Literal["fail", "warn"] | None = Field(
        None, alias="missing-evidence", description="Whether missing evidence fails a run (`fail`) or not (`warn`)."
    )
    waivers: str | None = Field(None, description="The waiver file applied by `check`.")
    baseline: str | None = Field(None, description="The saved JSON result `check` compares with.")
    sign_off: str | None = Field(None, alias="sign-off", description='The reviewer signing the report: "Name, role".')
    jobs: int | None = Field(None, ge=1, description="How many processes `check` assesses files in.")

    @field_validator("fail_on")
    @classmethod
    def _a_severity(cls, value: str | None) -> str | None:
        if value is not None and value not in FAIL_ON_CHOICES:
            raise ValueError(f"{value!r} is not one of {', '.join(FAIL_ON_CHOICES)}")
        return value


# Settings naming files, made relative to the configuration's folder.
_PATH_SETTINGS = ("paths", "waivers", "baseline")
# Which settings each command takes, by the name of its option.
_COMMAND_SETTINGS = {
    "check": (
        *("exclude", "pack", "format_", "fail_on", "missing_evidence"),
        *("waivers_file", "baseline", "sign_off", "jobs"),
    ),
    "validate": ("exclude",),
    "migrate": ("exclude",),
    "lsp": ("pack", "waivers_file"),
}
# A setting whose option has another name in the command.
_OPTION_NAMES = {"format": "format_", "waivers": "waivers_file"}


@dataclass(frozen=True)
class LoadedConfig:
    """A project configuration and the file it came from (None: there is none)."""

    settings: ProjectConfig
    file: Path | None

    def default_map(self) -> dict[str, dict[str, Any]]:
        """Each command's option defaults, as click's ``default_map`` takes them."""
        values: dict[str, Any] = {}
        for name, value in self.settings.model_dump(exclude_none=True).items():
            if name in _PATH_SETTINGS and name != "paths":
                value = self._relative(value)
            if name == "exclude" and not value:
                continue
            values[_OPTION_NAMES.get(name, name)] = value
        return {
            command: {option: values[option] for option in options if option in values}
            for command, options in _COMMAND_SETTINGS.items()
        }

    def paths(self) -> list[str]:
        """The configured facts paths, relative to where govcheck runs."""
        return [self._relative(path) for path in self.settings.paths]

    def _relative(self, path: str) -> str:
        if self.file is None or Path(path).is_absolute():
            return path
        joined = self.file.parent / path
        try:
            return os.path.relpath(joined)
        except ValueError:  # another drive, on Windows
            return str(joined)


NO_CONFIG = LoadedConfig(ProjectConfig(), None)


def project_config(named: str | None, *, isolated: bool = False) -> LoadedConfig:
    """The configuration a run uses: the file named, else the nearest, else none; exit 2 if it is wrong."""
    from govcheck.cli.common import EXIT_INPUT, echo_problems

    if isolated:
        return NO_CONFIG
    try:
        return load_config(Path(named) if named else find_config(Path.cwd()))
    except InputError as error:
        echo_problems(error)
        raise SystemExit(EXIT_INPUT) from None


def configured_paths(ctx: Any) -> list[str]:
    """The facts paths the project configures, for a command given none."""
    config = ctx.find_root().obj
    return config.paths() if isinstance(config, LoadedConfig) else []


def find_config(start: Path) -> Path | None:
    """The nearest configuration file at or above ``start``."""
    for folder in (start, *start.parents):
        for name in CONFIG_FILE_NAMES:
            if (folder / name).is_file():
                return folder / name
        pyproject = folder / PYPROJECT
        if pyproject.is_file() and _has_govcheck_table(pyproject):
            return pyproject
    return None


def load_config(path: Path | None) -> LoadedConfig:
    """Read a configuration file (``.govcheck.yaml`` or ``pyproject.toml``); InputError if it is wrong."""
    if path is None:
        return NO_CONFIG
    if path.name == PYPROJECT or path.suffix == ".toml":
        data, locate = _read_toml(path)
    else:
        data, locate = _read_yaml(path)
    return LoadedConfig(_validate(data, path, locate), path)


def _has_govcheck_table(path: Path) -> bool:
    # Any pyproject.toml on the way up is read only as far as this: a broken one without our
    # table is someone else's concern.
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return re.search(r"^\s*\[\s*tool\s*\.\s*govcheck\s*\]", text, re.MULTILINE) is not None


Locate = Any  # a function from a setting's name to its (line, column), or None


def _read_yaml(path: Path) -> tuple[Any, Locate]:
    from govcheck.engine.reading import yamlsource

    data, source = yamlsource.load(path, empty_hint="write settings such as `paths: [frameworks/]`")
    return data, lambda key: source.locate((key,), prefer_key=True)


def _read_toml(path: Path) -> tuple[Any, Locate]:
    try:
        text = path.read_text(encoding="utf-8")
        document = tomllib.loads(text)
    except OSError as error:
        raise InputError.single(path, f"cannot be read: {error.strerror}") from None
    except UnicodeDecodeError:
        raise InputError.single(path, "is not UTF-8 text", hint="save the file as UTF-8") from None
    except tomllib.TOMLDecodeError as error:
        line, column = _toml_position(str(error), text)
        raise InputError.single(path, f"is not valid TOML: {_toml_reason(str(error))}", line, column) from None
    table = document.get("tool", {}).get("govcheck")
    lines = text.splitlines()
    start = next((n for n, line in enumerate(lines) if re.match(r"^\s*\[\s*tool\s*\.\s*govcheck\s*\]", line)), None)

    def locate(key: str) -> tuple[int, int] | None:
        # tomllib keeps no positions; a setting is found as the first `key =` line of the table.
        if start is None:
            return None
        for number in range(start + 1, len(lines)):
            if lines[number].lstrip().startswith("["):
                break
            found = re.match(rf"^(\s*)[\"']?{re.escape(key)}[\"']?\s*=", lines[number])
            if found:
                return number + 1, len(found.group(1)) + 1
        return start + 1, 1

    return table, locate


def _toml_position(message: str, text: str) -> tuple[int | None, int | None]:
    found = re.search(r"\(at line (\d+), column (\d+)\)", message)
    if found:
        return int(found.group(1)), int(found.group(2))
    if "(at end of document)" in message:
        return text.count("\n") + 1, len(text.rsplit("\n", 1)[-1]) + 1
    return None, None


def _toml_reason(message: str) -> str:
    reason = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", message).rstrip(".")
    return reason[:1].lower() + reason[1:]


def _validate(data: Any, path: Path, locate: Locate) -> ProjectConfig:
    from pydantic import ValidationError

    from govcheck.engine.core.suggest import did_you_mean

    where = "[tool.govcheck]" if path.name == PYPROJECT else "the configuration"
    if data is None:
        return ProjectConfig()
    if not isinstance(data, dict):
        raise InputError.single(path, f"{where} is not a table of settings", 1, 1, hint="write `key: value` lines")
    try:
        return ProjectConfig.model_validate(data)
    except ValidationError as error:
        problems = []
        known = [field.alias or name for name, field in ProjectConfig.model_fields.items()]
        for detail in error.errors():
            key = str(detail["loc"][0]) if detail["loc"] else ""
            line, column = locate(key) or (None, None)
            if detail["type"] == "extra_forbidden":
                suggestion = did_you_mean(key, known)
                message = f"unknown setting {key!r}{suggestion}"
                hint = None if suggestion else f"the settings are {', '.join(known)}"
            else:
                shown = ".".join(str(part) for part in detail["loc"])
                message, hint = f"setting {shown!r}: {_plain(detail)}", None
            problems.append(Problem(str(path), message, line, column, hint))
        raise InputError(sorted(problems, key=lambda p: (p.line or 0, p.column or 0))) from None


def _plain(detail: Any) -> str:
    expected = detail.get("ctx", {}).get("expected")
    if detail["type"] == "value_error":
        return str(detail["ctx"]["error"])
    if detail["type"] == "literal_error" and expected:
        return f"{detail['input']!r} is not one of {expected}"
    if detail["type"] in ("list_type", "string_type", "int_parsing", "int_type"):
        wanted = {"list_type": "a list", "string_type": "text", "int_parsing": "a whole number", "int_type": "a number"}
        return f"{detail['input']!r} is not {wanted[detail['type']]}"
    return str(detail["msg"]).lower()
