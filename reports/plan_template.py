"""``templates/plan.yaml``: the improvement plan's sections, and each topic's outcome, owner and monitoring, as data.

The plan's words for a topic are data so that a LEP, or a pack of its own, can reword
them without touching code; the KPIs and milestones under them come from the rules.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import cache
from importlib.resources import files

import yaml
from dateutil.relativedelta import relativedelta
from pydantic import BaseModel, ConfigDict, Field, model_validator

from govcheck.engine.core.status import SEVERITIES


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)  # built when a plan is made


class Column(_Data):
    title: str
    prompt: str


class Section(_Data):
    id: str
    title: str
    topics: list[str] = Field(default_factory=list)
    requirements: list[str] = Field(default_factory=list)  # ids, or prefixes ending in "-"
    default: bool = False

    def places(self, requirement: str) -> bool:
        return any(requirement == r or (r.endswith("-") and requirement.startswith(r)) for r in self.requirements)


class TopicPlan(_Data):
    """What the plan says of one topic's gaps: the outcome sought, who leads, and how progress is watched."""

    outcome: str = Field(min_length=1)
    owner: str = Field(min_length=1)
    monitoring: str = Field(min_length=1)


class PlanTemplate(_Data):
    columns: list[Column] = Field(min_length=4, max_length=4)
    sections: list[Section]
    topics: dict[str, TopicPlan]
    re_assessment: str
    months_to_close: dict[str, int]

    @model_validator(mode="after")
    def _complete(self) -> PlanTemplate:
        if sum(section.default for section in self.sections) != 1:
            raise ValueError("exactly one section must be the default")
        if "default" not in self.topics:
            raise ValueError("topics needs a default, for topics not listed")
        if set(self.months_to_close) != set(SEVERITIES):
            raise ValueError(f"months_to_close needs exactly {', '.join(SEVERITIES)}")
        return self

    def section_for(self, topic: str) -> Section:
        listed = [s for s in self.sections if topic in s.topics]
        return listed[0] if listed else next(s for s in self.sections if s.default)

    def section_by_requirements(self, requirements: Sequence[str]) -> Section:
        """The section for an action no rule matched, by the catalogue requirements it addresses."""
        listed = [s for s in self.sections if any(s.places(r) for r in requirements)]
        return listed[0] if listed else next(s for s in self.sections if s.default)

    def topic(self, topic: str) -> TopicPlan:
        return self.topics.get(topic, self.topics["default"])

    def owner_for(self, topic: str) -> str:
        return self.topic(topic).owner

    def monitoring_for(self, topic: str) -> str:
        return self.topic(topic).monitoring

    def due_for(self, severity: str, as_of: dt.date) -> dt.date:
        due: dt.date = as_of + relativedelta(months=self.months_to_close[severity])
        return due


@cache
def plan_template() -> PlanTemplate:
    text = (files("govcheck.reports") / "templates" / "plan.yaml").read_text(encoding="utf-8")
    return PlanTemplate.model_validate(yaml.safe_load(text))
