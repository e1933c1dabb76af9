"""Inference: compile rulesets, evaluate a case, three-valued legal bases."""
