"""Tests for newskb.store."""
