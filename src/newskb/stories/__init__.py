"""Stories: articles about one real-world event grouped across outlets, duplicates folded,
timelines per story, entity and agreement. See ``cluster`` for the method."""
