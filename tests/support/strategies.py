"""Hypothesis strategies for facts: small, valid, and varied where the rules look."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

AS_OF = dt.date(2020, 3, 31)
dates = st.dates(min_value=dt.date(2017, 1, 1), max_value=dt.date(2020, 6, 30))
maybe_dates = st.none() | dates
# A date as an auditor may find it (facts format 2): a day, a month, bounds, or a word.
found_dates = (
    dates
    | st.sampled_from(["not found", "found", "late", "2019-04", "2020-02"])
    | dates.map(lambda day: {"before": day})
    | dates.map(lambda day: {"after": day})
)
# A new mapping each draw: one object drawn twice would be written as a YAML anchor and alias.
coverage_values = st.sampled_from(["1", "not covered", "not known"]) | st.fixed_dictionaries(
    {"partly": st.just("appeals"), "section": st.just("2")}
)


def _register() -> st.SearchStrategy[dict[str, Any] | None]:
    return st.none() | st.fixed_dictionaries(
        {},
        optional={
            "published_on": found_dates,
            "reviewed_on": found_dates,
            "updates": st.lists(
                st.fixed_dictionaries({}, optional={"changed_on": dates, "updated_on": dates}), max_size=2
            ),
        },
    )


@st.composite
def facts_data(draw: st.DrawFn) -> dict[str, Any]:
    """A facts document as plain data, valid against the schema."""
    bodies = [
        {
            "id": "board",
            "name": "Board",
            "kind": "board",
            "quorum": draw(
                st.none()
                | st.just("not found")
                | st.fixed_dictionaries(
                    {"minimum_present": st.integers(1, 8)},
                    optional={
                        "minimum_share": st.sampled_from([0.5, 0.6]),
                        "minimum_private_sector": st.integers(0, 3),
                    },
                )
            ),
        }
    ]
    if draw(st.booleans()):  # counts from the evidence, for a board only partly listed
        bodies[0]["is_membership_complete"] = False
        size = draw(st.integers(1, 20))
        bodies[0]["composition"] = {"members": size, "women": draw(st.integers(0, size))}
    if draw(st.booleans()):
        bodies.append({"id": "panel", "name": "Panel", "kind": "panel", "has_delegated_authority": draw(st.booleans())})
    body_ids = [b["id"] for b in bodies]
    people = []
    for index in range(draw(st.integers(0, 8))):
        person: dict[str, Any] = {"id": f"p{index}", "name": f"Person {index}"}
        appointed, ends = draw(maybe_dates), draw(maybe_dates)
        if appointed and ends and ends < appointed:  # a term never ends before it starts
            appointed, ends = ends, appointed
        person["roles"] = [
            {
                "body": draw(st.sampled_from(body_ids)),
                "role": draw(st.sampled_from(["chair", "member", "member", "observer"])),
                "appointed_on": appointed,
                "term_ends_on": ends,
            }
        ]
        sector = draw(st.none() | st.sampled_from(["private", "public", "he-fe"]))
        if sector:
            person["sector"] = sector
        register = draw(_register())
        if register is not None:
            person["register_of_interests"] = register
        completed = draw(maybe_dates)
        if completed:
            person["induction"] = {"completed_on": completed}
        people.append(person)
    person_ids = [p["id"] for p in people]
    meetings = []
    for index in range(draw(st.integers(0, 6))):
        held = draw(dates)
        meeting: dict[str, Any] = {"id": f"m{index}", "body": draw(st.sampled_from(body_ids)), "held_on": held}
        if held > AS_OF:
            meeting["is_scheduled"] = True
        papers = draw(st.none() | found_dates)
        if papers is not None and held <= AS_OF:
            meeting["papers_published_on"] = papers
        after = draw(st.none() | st.integers(0, 40))
        if after is not None and held <= AS_OF:  # minutes follow the meeting they record
            meeting["draft_minutes_published_on"] = min(held + dt.timedelta(days=after), AS_OF)
        if person_ids and draw(st.booleans()):
            meeting["attendance"] = draw(st.lists(st.sampled_from(person_ids), unique=True))
            meeting["decisions"] = [{"item": "1"}]
        if person_ids and draw(st.booleans()):
            meeting["declarations"] = [
                {
                    "person": draw(st.sampled_from(person_ids)),
                    "item": "1",
                    "is_minuted": draw(st.booleans()),
                    "has_withdrawn": draw(st.booleans()),
                }
            ]
        meetings.append(meeting)
    return {
        "format_version": 2,
        "as_of": AS_OF,
        "organisation": {"id": "gen-lep", "name": "Generated LEP"},
        "bodies": bodies,
        "people": people,
        "meetings": meetings,
        "policies": draw(
            st.fixed_dictionaries(
                {},
                optional={
                    "whistleblowing": st.fixed_dictionaries(
                        {},
                        optional={
                            "url": st.just("https://example.org/w"),
                            "reviewed_on": dates,
                            "is_in_place": st.booleans(),
                        },
                    )
                },
            )
        ),
        "assurance_framework": {
            "coverage": draw(
                st.dictionaries(
                    st.sampled_from(
                        ["quorum", "induction", "succession.board", "succession.chair", "terms-of-office", "others"]
                    ),
                    coverage_values,
                    max_size=6,
                )
            )
        },
    }


# Any JSON value, of every type, with text of any characters (controls and lone surrogates too)
# and numbers of any size: what a saved result may be made of when it is not one govcheck wrote.
json_values: st.SearchStrategy[Any] = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**120), max_value=10**120)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(st.characters(exclude_categories=()), max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=5), children, max_size=4),
    max_leaves=30,
)


# --- names of people, and the same name written so that it looks the same ------------------------

# Characters a facts or waiver file may hold: no controls (refused on reading), surrogates or unassigned code points.
_WRITABLE = st.characters(
    blacklist_categories=("Cc", "Cs", "Co", "Cn"),
    blacklist_characters="\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
)
names = st.text(_WRITABLE, max_size=24)

_INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u034f", "\ufe0f"]
_SPACES = ["\u00a0", "\u3000", "\u2002", "  "]
_CYRILLIC = dict(zip("aeopcxyijsABCEHKMOPTX", "аеорсхуіјѕАВСЕНКМОРТХ", strict=True))


@st.composite
def written_differently(draw: st.DrawFn, name: str) -> str:
    """``name`` as it might be written to look the same: invisible characters added, other spaces, full-width
    or Cyrillic letters for Latin ones, another case."""
    characters = list(name)
    for index, character in enumerate(characters):
        how = draw(st.sampled_from(["same", "same", "full-width", "cyrillic", "case", "space"]))
        if how == "full-width" and "!" <= character <= "~":
            characters[index] = chr(ord(character) + 0xFEE0)
        elif how == "cyrillic" and character in _CYRILLIC:
            characters[index] = _CYRILLIC[character]
        elif how == "case" and character.isascii() and character.isalpha():
            characters[index] = character.swapcase()
        elif how == "space" and character == " ":
            characters[index] = draw(st.sampled_from(_SPACES))
    for _ in range(draw(st.integers(0, 3))):
        characters.insert(draw(st.integers(0, len(characters))), draw(st.sampled_from(_INVISIBLE)))
    return "".join(characters)
