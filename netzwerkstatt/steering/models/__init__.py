"""The steering app's models, one module per concern."""

from .goals import Goal, ProgressEntry
from .handover import Handover
from .meetings import ActionItem, Decision, Meeting
from .networks import Network, NetworkMember, NetworkTopic, TopicInterest

__all__ = [
    "ActionItem",
    "Decision",
    "Goal",
    "Handover",
    "Meeting",
    "Network",
    "NetworkMember",
    "NetworkTopic",
    "ProgressEntry",
    "TopicInterest",
]
