"""framing: measure how news media frame events with lexicons of loaded words."""
__version__ = "0.1.0"
