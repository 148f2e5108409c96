"""Writes of the steering app, one module per concern; import them from here."""

__all__ = []
