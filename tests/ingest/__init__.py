"""Tests for the readers in newskb.ingest."""
