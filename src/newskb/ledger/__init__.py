"""The agreements ledger stage: commitments followed across articles."""
