"""Tests of ``downloadermiddlewares``."""
