"""Impact analysis: what a proposed ruleset change does to the advice over a case corpus."""
