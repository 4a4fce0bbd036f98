"""The interface through which discussion asks whether a new comment may be shown.

Discussion defines it and never imports who answers: the moderation app registers
its screener from its `AppConfig.ready()`. With none registered, comments are
published at once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from enum import StrEnum

# The same text from the same commenter within this time is not a new comment:
# sent again by its author, it is the comment already saved (discussion's
# services); from anyone else, screening may refuse it as a duplicate.
DUPLICATE_WINDOW = timedelta(days=1)


class Decision(StrEnum):
    PUBLISH = "publish"
    HOLD = "hold"
    REJECT = "reject"


@dataclass(frozen=True)
class Facts:
    """Plain facts about a new comment; nothing that identifies a reader in clear."""

    article_id: int
    parent_id: int | None
    name: str
    body: str
    email_hmac: str
    ip_prefix: str
    honeypot: str
    # The comment whose author is changing its text: rate limits and the
    # duplicate check leave it out.
    editing_id: int | None = None


@dataclass(frozen=True)
class Verdict:
    """The decision, every reason that applied (for moderators), and for a
    refusal what the reader is told and the HTTP status."""

    decision: Decision
    reasons: list[str] = field(default_factory=list)
    message: str = ""
    status_code: int = 400
    retry_after: int | None = None


Screener = Callable[[Facts], Verdict]

_screener: Screener | None = None


def register_screener(screener: Screener) -> None:
    global _screener  # noqa: PLW0603  (one process-wide registration, at start-up)
    _screener = screener


ClosingRule = Callable[[object], bool]
_closing_rules: list[ClosingRule] = []


def register_closing_rule(rule: ClosingRule) -> None:
    """A rule that may close an article's comments (it returns True to close)."""
    if rule not in _closing_rules:
        _closing_rules.append(rule)


def is_open(article) -> bool:
    """Whether the article takes comments: its own switch, then the rules."""
    if not (article.is_published and article.is_open_for_comments):
        return False
    return not any(rule(article) for rule in _closing_rules)


HeldListener = Callable[[object], None]
_held_listeners: list[HeldListener] = []


def register_held_listener(listener: HeldListener) -> None:
    """Called with a comment held for review, inside the transaction that saves
    it, so what it records (a mail to send) commits or rolls back with it."""
    if listener not in _held_listeners:
        _held_listeners.append(listener)


def announce_held(comment: object) -> None:
    for listener in _held_listeners:
        listener(comment)


DecisionListener = Callable[[object, str], None]
_listeners: list[DecisionListener] = []


def register_decision_listener(listener: DecisionListener) -> None:
    """Called with (comment, new status) after a moderator's decision commits."""
    if listener not in _listeners:
        _listeners.append(listener)


def announce_decision(comment: object, status: str) -> None:
    for listener in _listeners:
        listener(comment, status)


def screen(facts: Facts) -> Verdict:
    if facts.honeypot:
        return Verdict(Decision.REJECT, ["honeypot field filled in"])
    if _screener is None:
        return Verdict(Decision.PUBLISH)
    return _screener(facts)
