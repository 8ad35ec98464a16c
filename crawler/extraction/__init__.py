"""Everything that turns a page's bytes into an article record, in the extraction workers:
decoding (``encoding``), the one parse (``htmltree``), machine-readable evidence
(``evidence``), trafilatura (``extract``), the choice of each field (``reconcile``) and the
record (``assemble``); ``workers`` runs it off the reactor thread. Nothing heavy is imported
here: the crawl process loads trafilatura only where it extracts in-process."""
