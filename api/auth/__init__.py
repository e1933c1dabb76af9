"""Sign-in: who is asking, in which role, for which municipality (docs/adr/0008)."""
