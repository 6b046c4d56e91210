"""Assessing: evaluating a pack against facts, evidence, waivers, the manifest of inputs, parallel jobs."""
