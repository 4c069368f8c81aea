"""Reliability: bad input, properties, crashes, concurrent readers."""
