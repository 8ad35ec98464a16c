"""The crawler's own signals (Scrapy signals are plain objects; connect with
``crawler.signals.connect(handler, signal=...)``)."""

# Distributed mode: requests are done with (``leases=[...]``): their articles are written and
# synced, their items dropped, or their callbacks ran without an item. crawler.distributed
# acknowledges their leases.
leases_done = object()

# The JSON Lines are about to be synced: what their lines point at (WARC records) must be on
# disk first.
output_syncing = object()
