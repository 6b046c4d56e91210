"""The benchmark of govcheck against parsing alone: ``python -m bench.run`` (see bench/README.md)."""
