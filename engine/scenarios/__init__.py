"""The Dutch scenarios in ``features/``: which cover what, and running them for policy staff."""
