"""claimcheck: extract checkable claims from news articles and review them against their sources."""

__version__ = "0.1.0"
