"""Afwegingskader engine: from YAML rulesets and a case to an explained advice.

Sub-packages follow the data flow of DESIGN.md: ``ruleset`` (load and validate the law),
``case`` (read and flatten a case), ``inference`` (derive facts and legal bases on
durable-rules), ``weigh`` (desirability, human measure, combinations) and ``explain``
(Dutch explanations), joined by ``engine.advise``.
"""

__version__ = "0.1.0"
