"""The engine: loads and validates rules and facts, evaluates, produces findings.

Import from the submodules (``govcheck.engine.facts.model``, ``govcheck.engine.assess.evaluate``);
this package file stays empty so that importing one part never drags in the rest.
"""
