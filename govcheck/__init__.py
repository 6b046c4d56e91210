"""govcheck: checks a LEP's local assurance framework against the national one."""

__version__ = "0.1.0"
