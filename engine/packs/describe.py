"""A rule's check tree in plain English, for ``govcheck rules show`` and the generated rule catalogue.

Pure: a check node in, sentences out. Each check kind says its own part in words
(its parameters' ``in_words``); this module says how the parts combine and what
items a rule goes over.
"""

from __future__ import annotations

from govcheck.checks import REGISTRY
from govcheck.checks.sentences import Code, Sentence, plain
from govcheck.engine.core.status import Status
from govcheck.engine.facts.views import VIEWS
from govcheck.engine.packs.checktree import CheckNode


def sentence_case(text: str) -> str:
    """A capital for a sentence that starts with a word ("For each ..."), never for one that starts with a path."""
    first = text.split(" ", 1)[0]
    return text[:1].upper() + text[1:] if first.isalpha() else text


def describe_check(node: CheckNode, code: Code = plain) -> Sentence:
    """What must hold for ``node`` to be met, in words."""
    inner = _combinator(node, code) if node.kind in ("all", "any", "not") else _kind(node, code)
    if node.each is None:
        return inner
    view = VIEWS[node.each]
    scope = f"for each of the {view.name.replace('_', ' ')} — {view.description}"
    if node.where is not None:
        scope += f" — where {node.where.in_words(code)}"
    if node.when_empty is not Status.MISSING_EVIDENCE:
        scope += f" (if there are none, the rule is {node.when_empty.value.replace('_', ' ')})"
    return Sentence(f"{scope}: {inner.text}", inner.parts)


def _combinator(node: CheckNode, code: Code) -> Sentence:
    heads = {"all": "all of:", "any": "at least one of:", "not": "not:"}
    return Sentence(heads[node.kind], tuple(describe_check(child, code) for child in node.children))


def _kind(node: CheckNode, code: Code) -> Sentence:
    said = node.params.in_words(code) if node.params is not None else None
    if said is None:
        return Sentence(_fallback(node))
    return said if isinstance(said, Sentence) else Sentence(said)


def _fallback(node: CheckNode) -> str:
    """A kind that does not say itself in words: its one-line summary and its parameters as written."""
    summary = REGISTRY[node.kind].summary if node.kind in REGISTRY else node.kind
    params = node.params.model_dump(by_alias=True, exclude_none=True) if node.params is not None else {}
    shown = ", ".join(f"{key} = {value}" for key, value in params.items())
    return f"{node.kind}: {summary}" + (f" ({shown})" if shown else "")
