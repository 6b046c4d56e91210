"""The facts model: what a facts file may say, the views rules take of it, loading, its JSON Schema and template."""
