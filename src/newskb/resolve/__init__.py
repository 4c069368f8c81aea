"""Resolution of names to canonical entities: gazetteer, places, fuzzy/phonetic matching."""
