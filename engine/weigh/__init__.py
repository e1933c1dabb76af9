"""Weighing: desirability, human measure and combinations ("wikken en wegen")."""
