"""The case: a pseudonymised family network, read from JSON or YAML."""
