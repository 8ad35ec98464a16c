"""Item pipelines, in the order they run: extraction, duplicate checks, the JSON Lines writer."""
