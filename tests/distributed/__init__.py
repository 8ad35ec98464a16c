"""Tests of ``distributed``."""
