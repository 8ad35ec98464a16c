"""Tests of ``discovery``."""
