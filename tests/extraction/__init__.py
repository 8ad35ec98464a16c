"""Tests of ``extraction``."""
