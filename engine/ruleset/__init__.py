"""The ruleset language: the YAML files policy staff write, and their validation."""
