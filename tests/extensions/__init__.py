"""Tests of ``extensions``."""
