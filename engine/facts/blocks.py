"""The building blocks of the facts model: dates, evidence, subjects and documents.

Every facts model builds on these: ``Fact`` forbids unknown keys and freezes
values, ``Day`` reads ISO dates only, ``Document`` is any policy or plan with its
publication history and the subjects it covers.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    PlainValidator,
    ValidationError,
    ValidationInfo,
    WithJsonSchema,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

from govcheck.engine.core.wording import date_label
from govcheck.engine.facts.subjects import SUBJECTS
from govcheck.engine.facts.written_forms import (
    DAY,
    KeyedBy,
    coverage_ref_forms,
    event_day_forms,
    format_2_only,
    words,
)

DATE_FORM_HINT = "write dates as YYYY-MM-DD, for example 2019-06-20"


def _to_date(value: Any) -> Any:
    """Accept a date, a timestamp (its day is what counts) or a text date written YYYY-MM-DD; refuse the rest.

    YAML already reads an unquoted 2019-06-20 as a date. Everything else (20/06/2019,
    "June 2019", "20190620", "2019-W25-4") is refused with the form to use, because
    day/month order is ambiguous and a guess would silently move a deadline; so is a
    date outside the years govcheck works with (engine/core/days.py).
    """
    from govcheck.engine.core.days import read_day

    return read_day(value, form_hint=DATE_FORM_HINT)


Day = Annotated[
    dt.date,
    BeforeValidator(_to_date),
    WithJsonSchema(DAY),
]

# Facts format 2: what an auditor found, when it is not a complete, dated record.
NOT_FOUND = "not found"  # looked for and not there: not published, not set, not covered
NOT_KNOWN = "not known"  # the evidence does not say: the same as leaving the fact out
YEAR_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def _known_subject(value: str) -> str:
    if value not in SUBJECTS:
        from govcheck.engine.core.suggest import did_you_mean

        raise ValueError(f"unknown subject {value!r}{did_you_mean(value, SUBJECTS)}")
    return value


Subject = Annotated[
    str,
    AfterValidator(_known_subject),
    WithJsonSchema({"type": "string", "enum": sorted(SUBJECTS)}),
]

Sector = Literal["private", "public", "he-fe", "vcs", "other"]
Gender = Literal["woman", "man", "non-binary", "not-stated"]
RoleName = Literal["chair", "deputy-chair", "member", "co-optee", "substitute", "observer"]
# A joint committee or a council committee stands for the body that really decides when the
# decisions on the LEP's money are taken outside the LEP (recorded against the deciding body).
BodyKind = Literal["board", "committee", "sub-group", "panel", "joint-committee", "council-committee"]


class Fact(BaseModel):
    """Base of every facts model: unknown keys are errors, values never change, and types are not guessed.

    Strict: `yes`, `1` or `"true"` is not a boolean, and 6.0 is not a whole number;
    each is an error that says what to write, rather than a value read by guesswork.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class Evidence(Fact):
    """Where a fact can be checked: a web page, or a document and its section."""

    url: str | None = Field(
        default=None, description="the web address where it can be seen, e.g. https://www.example-lep.org.uk/board"
    )
    document: str | None = Field(
        default=None, description="the document that shows it, by its title, e.g. Board minutes 20 June 2019"
    )
    section: str | None = Field(default=None, description="the section, paragraph or page of that document, e.g. 4.2")
    note: str | None = Field(default=None, description="anything a reader needs to know about the evidence, in words")


class Evidenced(Fact):
    """A fact that may carry the evidence for it."""

    evidence: Evidence | None = Field(
        default=None,
        description="where this can be checked: {url: ..., document: ..., section: ..., note: ...}",
    )


def written_in_format(info: ValidationInfo) -> int:
    """The facts format of the file being read (format 2 unless the file says 1)."""
    context = info.context or {}
    version: int = context.get("format_version", 2)
    return version


def _format_2_only(info: ValidationInfo, value: Any) -> None:
    if written_in_format(info) < 2:
        raise ValueError(
            f"{value!r} needs facts format 2; write format_version: 2, or upgrade the file with govcheck migrate"
        )


class DateAsFound(Evidenced):
    """A date known only as closely as the evidence gives it (facts format 2).

    Written as a month (``2019-04``), as bounds (``{before: 2019-06-20}``, ``{after: ...}``,
    ``{between: [2019-06-01, 2019-06-14]}``), as ``late`` (it happened after its deadline, on a
    day not known) or as ``found`` (it happened, on a day not known). A check decides from the
    bounds when they decide, and says which bound it needed when they do not.
    """

    model_config = ConfigDict(
        # Exactly one way of giving the date (the validator below says so in words); asked of a mapping only,
        # so an editor does not report a date written as text as matching "several forms".
        json_schema_extra={
            "if": {"type": "object"},
            "then": {
                "oneOf": [
                    {"required": ["month"], "properties": {"month": {"type": "string"}}},
                    {
                        "anyOf": [
                            {"required": ["before"], "properties": {"before": {"type": "string"}}},
                            {"required": ["after"], "properties": {"after": {"type": "string"}}},
                        ]
                    },
                    {"required": ["between"], "properties": {"between": {"type": "array"}}},
                    {"required": ["is_late"], "properties": {"is_late": {"const": True}}},
                    {"required": ["is_found"], "properties": {"is_found": {"const": True}}},
                ]
            },
        }
    )

    month: str | None = Field(
        default=None,
        description="the month it happened in, when the day is not known, e.g. 2019-04",
        json_schema_extra={"pattern": r"^[0-9]{4}-(?:0[1-9]|1[0-2])$"},
    )
    before: Day | None = Field(default=None, description="it happened before this day, e.g. 2019-06-20")
    after: Day | None = Field(default=None, description="it happened after this day, e.g. 2019-06-01")
    between: list[Day] | None = Field(
        default=None,
        description="it happened on or between these two days, e.g. [2019-06-01, 2019-06-14]",
        json_schema_extra={"minItems": 2, "maxItems": 2},
    )
    is_late: bool = Field(default=False, description="true: it happened after its deadline, on a day not known")
    is_found: bool = Field(default=False, description="true: it happened, on a day not known")
    note: str | None = Field(default=None, description="what the evidence says about the date, in words")

    @model_validator(mode="after")
    def _one_form(self) -> DateAsFound:
        forms = [self.month is not None, self.before is not None or self.after is not None, self.between is not None]
        forms += [self.is_late, self.is_found]
        if sum(forms) != 1:
            raise ValueError("give one of: a month (2019-04), before/after, between, late, or found")
        if self.month is not None and not YEAR_MONTH.match(self.month):
            raise ValueError(f"{self.month!r} is not a month; write it as YYYY-MM, for example 2019-04")
        if self.month is not None and not 1 <= int(self.month[5:]) <= 12:
            raise ValueError(f"{self.month!r} is not a month: months run from 01 to 12")
        if self.between is not None and len(self.between) != 2:
            raise ValueError("between takes two dates: [first, last]")
        if self.between is not None and self.between[0] > self.between[1]:
            raise ValueError("between: the first date comes after the second")
        if self.before is not None and self.after is not None and self.after >= self.before:
            raise ValueError("after and before leave no day between them")
        return self

    @property
    def earliest(self) -> dt.date | None:
        """The first day it can have happened on (None: not known how early)."""
        if self.month is not None:
            return dt.date(int(self.month[:4]), int(self.month[5:]), 1)
        if self.between is not None:
            return self.between[0]
        return self.after + dt.timedelta(days=1) if self.after is not None else None

    @property
    def words(self) -> str:
        """As a reader would say it: "in Apr 2019", "before 3 Jun 2019", "late (the day is not known)"."""
        if self.is_late:
            return "late (the day is not known)"
        if self.is_found:
            return "on a day not known"
        if self.month is not None:
            return "in " + date_label(dt.date(int(self.month[:4]), int(self.month[5:]), 1)).split(" ", 1)[1]
        if self.between is not None:
            return f"between {date_label(self.between[0])} and {date_label(self.between[1])}"
        if self.before is not None and self.after is not None:
            return f"after {date_label(self.after)} and before {date_label(self.before)}"
        if self.before is not None:
            return f"before {date_label(self.before)}"
        assert self.after is not None
        return f"after {date_label(self.after)}"

    @property
    def latest(self) -> dt.date | None:
        """The last day it can have happened on (None: not known how late)."""
        if self.month is not None:
            year, month = int(self.month[:4]), int(self.month[5:])
            return dt.date(year, month, calendar.monthrange(year, month)[1])
        if self.between is not None:
            return self.between[1]
        return self.before - dt.timedelta(days=1) if self.before is not None else None


# The words format 2 takes for a date, and what each is read as.
EVENT_WORDS: dict[str, Any] = {
    NOT_FOUND: NOT_FOUND,
    NOT_KNOWN: None,
    "late": {"is_late": True},
    "found": {"is_found": True},
}


def _event_day(value: Any, info: ValidationInfo) -> dt.date | DateAsFound | str | None:
    """A date as the evidence gives it: a day, or in format 2 a month, bounds, late, found, not found, not known."""
    if isinstance(value, DateAsFound) or value is None:
        return value
    if isinstance(value, str) and value.strip() in EVENT_WORDS:
        _format_2_only(info, value)
        value = EVENT_WORDS[value.strip()]
        return value if not isinstance(value, dict) else DateAsFound.model_validate(value)
    if isinstance(value, str) and YEAR_MONTH.match(value.strip()):
        _format_2_only(info, value)
        return _as_found({"month": value.strip()}, info)
    if isinstance(value, dict):
        _format_2_only(info, value)
        return _as_found(value, info)
    try:
        converted: dt.date = _to_date(value)
    except ValueError:
        raise ValueError(
            f"{value!r} is not a date; {DATE_FORM_HINT} (in facts format 2 also a month such as 2019-04, "
            "{before: DATE}, {after: DATE}, {between: [DATE, DATE]}, late, found, not found or not known)"
        ) from None
    return converted


def _as_found(value: dict[str, Any], info: ValidationInfo) -> DateAsFound:
    # Validated here, so a mistake in the bounds is one message about the date, not one per way of writing it.
    try:
        return DateAsFound.model_validate(value, context=info.context)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        if first["type"] == "extra_forbidden":
            raise ValueError(
                f"unknown key {where!r} in a date (keys: before, after, between, month, evidence, note)"
            ) from None
        message = str(first["msg"]).removeprefix("Value error, ")
        raise ValueError(f"{where}: {message}" if where else message) from None


# A date an auditor observes (published, reviewed, approved, updated...): exact in format 1;
# in format 2 also a DateAsFound, or "not found" (it did not happen).
EventDay = Annotated[
    dt.date | DateAsFound | Literal["not found"],
    PlainValidator(_event_day, json_schema_input_type=DateAsFound),
    event_day_forms(EVENT_WORDS),
]


COVERAGE_WORDS = {"not covered": "not covered", NOT_KNOWN: "not known"}


def _coverage_ref(value: Any, info: ValidationInfo) -> Any:
    # `subject: "5.3"` is shorthand for `subject: {section: "5.3"}`: most coverage maps
    # only name the section, and the long form stays available for pages and notes.
    # Format 2 also says `not covered`, `not known`, or `{partly: what is missing, section: ...}`.
    if isinstance(value, str) and value.strip() in COVERAGE_WORDS:
        _format_2_only(info, value)
        return {"status": COVERAGE_WORDS[value.strip()]}
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return {"section": str(value)}
    if isinstance(value, dict) and "partly" in value:
        _format_2_only(info, value)
        return {**{k: v for k, v in value.items() if k != "partly"}, "status": "partly", "missing": value["partly"]}
    return value


CoverageStatus = Literal["covered", "partly", "not covered", "not known"]


class CoverageRef(Evidenced):
    """Whether, and where, a document covers a subject."""

    model_config = ConfigDict(
        # What the validator below asks: a subject covered names its section; one covered in part, what is missing.
        json_schema_extra={
            "allOf": [
                {
                    "if": {"properties": {"status": {"const": "covered"}}},
                    "then": {"required": ["section"], "properties": {"section": {"type": "string"}}},
                },
                {
                    "if": {"required": ["status"], "properties": {"status": {"const": "partly"}}},
                    "then": {"required": ["missing"], "properties": {"missing": {"type": "string", "minLength": 1}}},
                },
            ]
        }
    )

    section: str | None = Field(default=None, description="the section that covers the subject, e.g. 4.2")
    page: int | None = Field(default=None, description="the page it is on, e.g. 12")
    status: CoverageStatus = Field(
        default="covered",
        description="covered (the default), partly, not covered (looked for and not there) or not known",
    )
    missing: str | None = Field(
        default=None, description="for a subject covered only in part: what is missing, e.g. no interim chair"
    )

    @model_validator(mode="after")
    def _covered_names_a_section(self) -> CoverageRef:
        if self.status == "covered" and self.section is None:
            raise ValueError("name the section that covers the subject (or write not covered, or not known)")
        if self.status == "partly" and not self.missing:
            raise ValueError("partly: say what is missing")
        return self


# `others:` in a coverage map says how every subject it does not list stands (format 2:
# `others: not covered` when the document was read whole; unlisted otherwise means not known).
OTHERS = "others"
COVERAGE_KEYS = {
    **SUBJECTS,
    OTHERS: "every subject this map does not list: not covered when the whole document was read",
}


Coverage = Annotated[
    dict[
        Annotated[str, AfterValidator(lambda key: key if key == OTHERS else _known_subject(key))],
        Annotated[
            CoverageRef,
            BeforeValidator(_coverage_ref),
            coverage_ref_forms(COVERAGE_WORDS),
        ],
    ],
    KeyedBy(COVERAGE_KEYS, shared_as="coverage"),
]


class Document(Evidenced):
    """A policy, plan or other document the LEP keeps, and its publication history.

    In facts format 2 the whole document may be written ``not found`` (there is none) or
    ``not known`` (the evidence does not say).
    """

    title: str | None = Field(default=None, description="its title as published, e.g. Whistleblowing Policy")
    version: str | None = Field(default=None, description='its version number, in quotes, e.g. "3.1"')
    is_in_place: bool | None = Field(
        default=None, description="true if the LEP has it; false if the evidence shows it has none"
    )
    adopted_on: EventDay | None = Field(
        default=None, description="the day the board (or whoever owns it) adopted it, e.g. 2019-04-01"
    )
    published_on: EventDay | None = Field(default=None, description="the day it went on the website, e.g. 2019-04-10")
    url: str | None = Field(
        default=None, description="where it is published, e.g. https://www.example-lep.org.uk/policy"
    )
    reviewed_on: EventDay | None = Field(default=None, description="the day it was last reviewed, e.g. 2020-03-01")
    coverage: Coverage | None = Field(
        default=None,
        description='the subjects it covers and the section covering each, e.g. {induction.training: "5"}',
    )
    partly: str | None = Field(
        default=None, description="in place only in part (format 2): what the evidence says it lacks"
    )

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        # The whole document may be written `not found` or `not known` (format 2; see _found_or_not).
        said = words(NOT_FOUND, NOT_KNOWN, meaning="not found: there is none; not known: the evidence does not say")
        return {"anyOf": [handler(core_schema), format_2_only(said)]}

    @model_validator(mode="before")
    @classmethod
    def _found_or_not(cls, value: Any, info: ValidationInfo) -> Any:
        if isinstance(value, str) and value.strip() in (NOT_FOUND, NOT_KNOWN):
            _format_2_only(info, value)
            return {"is_in_place": False} if value.strip() == NOT_FOUND else {}
        return value
