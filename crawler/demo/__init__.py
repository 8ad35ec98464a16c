"""A sample news site made from code and served on 127.0.0.1: the demo and the tests' fixture."""
