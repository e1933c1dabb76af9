"""The one module that talks to durable-rules; every pitfall of the engine is handled here.

Measured pitfalls (see docs/adr/0001-rule-engine.md and shared/notes/durable-rules.md):
facts go in one at a time (a failed batch assert later crashed ``delete_state``); every
evaluation has its own session id and deletes it in ``finally`` (live sessions are a
fixed table); all calls hold one process-wide lock (concurrent calls segfaulted);
``MessageNotHandledException`` for a fact no rule wants, and ``MessageObservedException``
for a fact already known, are normal. Each compiled bundle gets its own ruleset name,
because durable's state is process-global and equal names replace each other.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from durable import engine as durable_engine

Bindings = dict[str, dict[str, Any]]
#: Called for each firing with the rule name and the bound facts; returns facts to assert.
React = Callable[[str, Bindings], list[dict[str, Any]]]

_LOCK = threading.Lock()
_NAMES = itertools.count(1)
_SESSIONS = itertools.count(1)
_HARMLESS = ("MessageNotHandledException", "MessageObservedException")

#: ``delete_state`` segfaults (or aborts in free()) for a session in which no rule ever
#: fired, e.g. a case with only a case record. Every session therefore starts with this
#: fact, which a rule of every compiled ruleset consumes without recording a firing.
SENTINEL: dict[str, Any] = {"t": "__session__", "ref": "__session__"}
_SENTINEL_RULE = "__session__"


@dataclass(frozen=True)
class Firing:
    rule: str
    bindings: Bindings


class _Host(durable_engine.Host):  # type: ignore[misc]
    def __init__(self) -> None:
        super().__init__()
        self.bindings: dict[str, tuple[str, ...]] = {}
        self.react: dict[str, React] = {}
        self.firings: dict[str, list[Firing]] = {}
        self.failures: dict[str, list[BaseException]] = {}
        self.asserted: dict[str, set[tuple[tuple[str, Any], ...]]] = {}

    def get_action(self, action_name: str) -> Callable[[Any], None]:
        ruleset, _, rule = action_name.partition("|")

        def act(c: Any) -> None:
            # durable swallows exceptions raised in actions; keep them to re-raise later.
            if rule == _SENTINEL_RULE:
                return
            try:
                bound = {b: _plain(getattr(c, b)) for b in self.bindings[action_name]}
                self.firings[c.s.sid].append(Firing(rule, bound))
                known = self.asserted.setdefault(c.s.sid, set())
                for fact in self.react[ruleset](rule, bound):
                    # Re-asserting a known fact only costs an exception inside durable.
                    key = tuple(sorted(fact.items()))
                    if key not in known:
                        known.add(key)
                        _assert_quietly(c.assert_fact, fact)
            except BaseException as exc:
                self.failures.setdefault(c.s.sid, []).append(exc)

        return act


def _plain(fact: Any) -> dict[str, Any]:
    # durable wraps bound facts in a Content object; its raw dict is ``_d``.
    return {k: v for k, v in fact._d.items() if k != "sid"}


def _assert_quietly(post: Callable[..., Any], *args: Any) -> None:
    try:
        post(*args)
    except Exception as exc:
        if type(exc).__name__ not in _HARMLESS:
            raise


_HOST: _Host | None = None


def _host() -> _Host:
    global _HOST
    if _HOST is None:
        _HOST = _Host()
    return _HOST


class Session:
    """A compiled ruleset inside durable; ``run`` evaluates one set of facts."""

    def __init__(
        self, rules: dict[str, dict[str, Any]], bindings: dict[str, tuple[str, ...]], react: React
    ):
        self.name = f"afweging{next(_NAMES)}"
        with _LOCK:
            host = _host()
            definition = {}
            for rule, body in rules.items():
                action = f"{self.name}|{rule}"
                definition[rule] = {**body, "run": action}
                host.bindings[action] = bindings[rule]
            sentinel = f"{self.name}|{_SENTINEL_RULE}"
            definition[_SENTINEL_RULE] = {"all": [{"x0": {"t": SENTINEL["t"]}}], "run": sentinel}
            host.bindings[sentinel] = ()
            host.react[self.name] = react
            host.set_rulesets({self.name: definition})

    def run(self, facts: list[dict[str, Any]]) -> list[Firing]:
        with _LOCK:
            host = _host()
            sid = f"s{next(_SESSIONS)}"
            host.firings[sid] = []
            try:
                for fact in [SENTINEL, *facts]:
                    _assert_quietly(host.assert_fact, self.name, {**fact, "sid": sid})
                failures = host.failures.get(sid)
                if failures:
                    raise RuntimeError(f"regel-actie faalde: {failures[0]!r}") from failures[0]
                return host.firings[sid]
            finally:
                host.firings.pop(sid, None)
                host.failures.pop(sid, None)
                host.asserted.pop(sid, None)
                host.delete_state(self.name, sid)
