"""A sample news site, made from code, served on 127.0.0.1: the offline demo and the tests' fixture."""
