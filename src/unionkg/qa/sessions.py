"""Chat sessions: the last intent and slots per session id, in a bounded LRU."""

from __future__ import annotations

import threading
import uuid
from collections import OrderedDict
from dataclasses import dataclass, field

MAX_SESSIONS = 1000


@dataclass(slots=True)
class SessionState:
    intent: str | None = None
    orgs: list[str] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    projects: list[str] = field(default_factory=list)
    question: str = ""
    # the years asked of the same bodies during the chat, in order ("2024?", "去年呢?"): a change asked
    # next without a year ("增长了多少?") is between the last two of them
    years_seen: list[int] = field(default_factory=list)
    # the bodies asked during the chat, in order ("X?", "那Y呢?"): "哪个多?" next compares the last two
    orgs_seen: list[str] = field(default_factory=list)
    # the indicators just asked ("举办场次完成了多少?"): "目标是多少?" next is about the same indicator
    indicators: list[str] = field(default_factory=list)


class SessionStore:
    def __init__(self, max_sessions: int = MAX_SESSIONS):
        self._max = max_sessions
        self._states: OrderedDict[str, SessionState] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, session: str | None) -> SessionState | None:
        if session is None:
            return None
        with self._lock:
            state = self._states.get(session)
            if state is not None:
                self._states.move_to_end(session)
            return state

    def put(self, session: str | None, state: SessionState) -> str:
        session = session or uuid.uuid4().hex[:16]
        with self._lock:
            self._states[session] = state
            self._states.move_to_end(session)
            while len(self._states) > self._max:
                self._states.popitem(last=False)
        return session

    def __len__(self) -> int:
        return len(self._states)
