"""Results over time: baselines, what changed between two results, trends, and replaying a saved result."""
