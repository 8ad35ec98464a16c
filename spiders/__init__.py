"""The crawler's spiders: one module per way of finding articles."""
