"""The one module that talks to durable-rules; every pitfall of the engine is handled here.

Measured pitfalls (see docs/adr/0001-rule-engine.md and shared/notes/durable-rules.md):
facts go in one at a time (a failed batch assert later crashed ``delete_state``); every
evaluation has its own session id and deletes it in ``finally`` (live sessions are a
fixed table); all calls hold one process-wide lock (concurrent calls segfaulted); a fact
no rule wants and a fact already known (durable's ``MessageNotHandledException`` and
``MessageObservedException``, here the result codes 1 and 2) are normal. Each compiled
bundle gets its own ruleset name, because durable's state is process-global and equal
names replace each other. A ruleset lives in durable until it is deleted (about 4 MB for
the bundle's), so a session no longer referenced, e.g. after a reload, has its ruleset
deleted by the next call under the lock.

The driver speaks to durable's C core (``durable_rules_engine``) itself rather than
through ``durable.engine.Host`` (ADR 0001, "The driver"): the host made a closure object
per firing, decoded and re-encoded the session state around every action, and ran two
timer threads that called the C core outside this lock. The core's own protocol is all a
session needs: assert one fact; if the network took it, ``start_action_for_state`` hands
out the first firing and ``complete_and_start_action`` retires it and hands out the next,
until there is none. Facts an action derives are asserted while that action is open, as
the host did, and their firings queue behind it. The state fact is never rewritten (the
host wrote back what it had read), and when a call fails with an action open, that
action is abandoned before the session is deleted, as the host did.
"""

from __future__ import annotations

import itertools
import json
import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import durable_rules_engine as core

Bindings = dict[str, dict[str, Any]]
#: Called for each firing with the rule name and the bound facts; returns facts to assert.
React = Callable[[str, Bindings], list[dict[str, Any]]]

_LOCK = threading.Lock()
_NAMES = itertools.count(1)
_SESSIONS = itertools.count(1)
#: Handles of rulesets whose ``Session`` is gone. Its finalizer only notes the handle: it
#: may run in a garbage collection inside a call that holds the lock, or inside the core.
_RETIRED: list[int] = []
#: The C core's answer to an assert when the fact was taken up by the network.
_HANDLED = 0
#: Facts travel as UTF-8 JSON text, as the host sent them; one encoder, because
#: ``json.dumps`` with options builds a new one per call.
_ENCODE = json.JSONEncoder(ensure_ascii=False).encode
_DECODE = json.JSONDecoder().raw_decode

#: ``delete_state`` segfaults (or aborts in free()) for a session in which no rule ever
#: fired, e.g. a case with only a case record: the C core frees its action buffers, which
#: are only initialised when an action starts. Every session therefore starts with this
#: fact, which a rule of every compiled ruleset consumes without recording a firing.
SENTINEL: dict[str, Any] = {"t": "__session__", "ref": "__session__"}
_SENTINEL_RULE = "__session__"


@dataclass(frozen=True)
class Firing:
    rule: str
    bindings: Bindings


class Session:
    """A compiled ruleset inside durable; ``run`` evaluates one set of facts."""

    def __init__(
        self, rules: dict[str, dict[str, Any]], bindings: dict[str, tuple[str, ...]], react: React
    ):
        self.name = f"afweging{next(_NAMES)}"
        self.bindings = dict(bindings)
        self.bindings[_SENTINEL_RULE] = ()
        self.react = react
        definition = {
            rule: {k: v for k, v in body.items() if k != "run"} for rule, body in rules.items()
        }
        definition[_SENTINEL_RULE] = {"all": [{"x0": {"t": SENTINEL["t"]}}]}
        with _LOCK:
            _delete_retired()
            self.handle: int = core.create_ruleset(self.name, _ENCODE(definition))
        weakref.finalize(self, _RETIRED.append, self.handle)

    def run(self, facts: list[dict[str, Any]]) -> list[Firing]:
        with _LOCK:
            _delete_retired()
            run = _Run(self, f"s{next(_SESSIONS)}")
            try:
                for fact in [SENTINEL, *facts]:
                    run.assert_fact(fact)
            finally:
                core.delete_state(self.handle, run.sid)
            if run.failures:
                raise RuntimeError(f"regel-actie faalde: {run.failures[0]!r}") from run.failures[0]
            return run.firings


def _delete_retired() -> None:
    """Called with the lock held; no session of a retired ruleset can be running, since
    a running session holds its ``Session``."""
    while _RETIRED:
        core.delete_ruleset(_RETIRED.pop())


class _Run:
    """One session of a ``Session``: its firings, and the facts its actions asserted."""

    def __init__(self, session: Session, sid: str):
        self.handle = session.handle
        self.wanted = session.bindings
        self.react = session.react
        self.sid = sid
        self.firings: list[Firing] = []
        self.failures: list[BaseException] = []
        self.derived: set[tuple[tuple[str, Any], ...]] = set()

    def encode(self, fact: dict[str, Any]) -> str:
        return _ENCODE({**fact, "sid": self.sid})

    def assert_fact(self, fact: dict[str, Any]) -> None:
        code, state = core.assert_fact(self.handle, self.encode(fact))
        if code != _HANDLED:
            return
        started = core.start_action_for_state(self.handle, state)
        if started is None:
            return
        messages: str | None = started[1]
        try:
            while messages is not None:
                self.act(messages)
                messages = core.complete_and_start_action(self.handle, state)
        except BaseException:
            core.abandon_action(self.handle, state)
            raise

    def act(self, messages: str) -> None:
        # A failure here must not pass for "no rule fired": keep it and raise it once the
        # session is gone; the engine's own protocol runs on undisturbed.
        try:
            rule, bound = _read(messages, self.wanted)
            if rule == _SENTINEL_RULE:
                return
            self.firings.append(Firing(rule, bound))
            derived = self.react(rule, bound)
        except Exception as exc:
            self.failures.append(exc)
            return
        for fact in derived:
            # Re-asserting a known fact only costs a round trip into durable.
            key = tuple(fact.items())
            if key not in self.derived:
                self.derived.add(key)
                core.assert_fact(self.handle, self.encode(fact))


def _read(messages: str, wanted: dict[str, tuple[str, ...]]) -> tuple[str, Bindings]:
    """The rule and the wanted bound facts of one firing, decoding no fact beyond them.

    Decoding the whole firing was the largest cost per firing, and a reading usually
    wants only the first binding. The C core writes a firing of a rule without ``count``
    or ``cap`` as ``{"rule":{"x0":<fact>,"x1":<fact>,...}}``: names as they are (rule
    and binding names hold no quotes) and each fact as the text it was asserted as.
    """
    head = messages.index('":{', 2)
    rule = messages[2:head]
    names = wanted[rule]
    bound: Bindings = {}
    at = head + 3
    while len(bound) < len(names):
        colon = messages.index('":', at)
        name = messages[at + 1 : colon]
        fact, at = _DECODE(messages, colon + 2)
        if name in names:
            del fact["sid"]
            bound[name] = fact
        at += 1
    return rule, bound
