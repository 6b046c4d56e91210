"""The bottom layer: statuses, severities, outcomes, findings and assessments, facts paths, input errors, wording."""
