"""Forms of the steering app, one module per page family."""

__all__ = []
