"""For ``NEWS_EXTRACT_PRELOAD = ["crawler.extraction.preload"]``: the forkserver that starts
the extraction workers imports the extractor and builds its lazy tables once, so a worker starts in
milliseconds and the workers share those pages copy-on-write (less memory by PSS).

Not the default: the server is one more process that holds the whole extractor, and each
worker's RSS counts the shared pages again, so the sum of RSS grows by the server's size.
Worth it with many workers or a small ``NEWS_EXTRACT_MAX_TASKS``.
``gc.freeze`` keeps each worker's collector from touching, and so copying, those pages.
"""

import gc

from crawler.extraction.extract import warm_up
from crawler.utils.memory import tune_malloc

tune_malloc()
warm_up()
gc.freeze()
