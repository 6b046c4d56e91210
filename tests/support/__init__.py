"""Helpers the tests share: facts from text, CI fixtures, golden files, strategies, page and SARIF checks."""
