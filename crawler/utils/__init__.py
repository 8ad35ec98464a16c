"""Small helpers that every part of the crawler uses: dates, text, URLs, stats, run facts."""
