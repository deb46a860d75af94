"""claimcheck: label the factual claims of news articles corroborated, contradicted or single-sourced."""

from __future__ import annotations

__version__ = "0.1.0"
