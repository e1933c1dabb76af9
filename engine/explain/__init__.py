"""Explanations: deterministic Dutch text generated from rulesets and traces."""
