"""Finding article URLs: feeds, sitemaps, the sources file, what a site's pages are, and the
backlog of entries waiting to become requests."""
