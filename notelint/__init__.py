"""notelint: a linter and normaliser for Markdown notes."""

__version__ = "0.1.0"
