"""Tests of ``spiders``."""
