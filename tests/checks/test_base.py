"""Table-driven tests of the check kinds what every check kind shares: the registry, on small facts."""

from __future__ import annotations

from govcheck.checks import REGISTRY


def test_every_kind_has_a_parameter_model_and_a_summary() -> None:
    for kind in REGISTRY.values():
        assert kind.params.model_config.get("extra") == "forbid", kind.name
        assert kind.params.model_config.get("frozen") is True, kind.name
        assert kind.summary, kind.name
