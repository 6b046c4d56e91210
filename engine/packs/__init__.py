"""Rule packs: rules and packs, loading them, check trees, the catalogue, editions, examples, coverage and docs."""
