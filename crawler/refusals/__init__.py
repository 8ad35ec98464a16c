"""What stands between the crawler and an article: bot challenges, blocks, consent and login
walls, JavaScript-only shells, soft 404s (``detect``); the run's record of them per host."""
