"""The health page of scheduled crawls (``scrapy health``): how each source and host fares over
days, read from the run reports, with what needs a person flagged first.

``history`` reads the reports and sums them up per source, per host and per day; ``flags``
says what looks wrong; ``page`` writes the self-contained HTML file, charts included.
"""
