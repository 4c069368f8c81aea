"""newskb: news articles to a source-attributed knowledge base."""

__version__ = "0.1.0"
