"""A spam classifier that learns from this site's own moderators.

Naive Bayes over the words and linked domains of a comment, with token counts
kept in the database. Written by hand: it is about a hundred lines, while a
general machine-learning library loaded into every worker process would cost
more memory than the whole server should use, and no comment ever leaves the
server for a remote filter.

Each decision (approve or mark as spam) adds the comment's tokens to one side
and bumps a version; every process reloads the counts when the version moved.
Until it has seen enough of both sides it says nothing (neutral).
"""

from __future__ import annotations

import math
import re
import threading
from dataclasses import dataclass

from django.db import transaction
from django.db.models import F

from broadsheet.moderation.models import ClassifierState, TokenCount

WORD = re.compile(r"[^\W\d_]{2,24}", re.UNICODE)
DOMAIN = re.compile(r"(?:https?://|www\.)([\w.-]+)", re.I)
MINIMUM_EACH = 20  # decisions of each kind before the classifier speaks
INTERESTING = 15  # tokens that decide, the furthest from neutral


def tokens(text: str) -> set[str]:
    lowered = text.lower()
    found = set(WORD.findall(lowered))
    found.update(
        f"link:{domain.removeprefix('www.')}" for domain in DOMAIN.findall(lowered)
    )
    return found


@dataclass
class Counts:
    version: int
    spam_docs: int
    ham_docs: int
    tokens: dict[str, tuple[int, int]]


_lock = threading.Lock()
_loaded: Counts | None = None


def _counts() -> Counts:
    """The token counts of this process, reloaded when training moved the version."""
    global _loaded  # noqa: PLW0603  (a per-process cache)
    state = ClassifierState.objects.current()
    if _loaded is None or _loaded.version != state.version:
        with _lock:
            _loaded = Counts(
                version=state.version,
                spam_docs=state.spam_docs,
                ham_docs=state.ham_docs,
                tokens={
                    token: (spam, ham)
                    for token, spam, ham in TokenCount.objects.values_list(
                        "token", "spam", "ham"
                    )
                },
            )
    return _loaded


def spam_probability(text: str) -> float | None:
    """From 0 (genuine) to 1 (spam); None while there is too little to go on."""
    counts = _counts()
    if counts.spam_docs < MINIMUM_EACH or counts.ham_docs < MINIMUM_EACH:
        return None
    evidence = []
    for token in tokens(text):
        spam, ham = counts.tokens.get(token, (0, 0))
        if spam + ham == 0:
            continue
        # Laplace-smoothed share of spam among the documents holding the token.
        p_spam = (spam + 1) / (counts.spam_docs + 2)
        p_ham = (ham + 1) / (counts.ham_docs + 2)
        evidence.append(math.log(p_spam / p_ham))
    if not evidence:
        return None
    evidence.sort(key=abs, reverse=True)
    prior = math.log(counts.spam_docs / counts.ham_docs)
    log_odds = prior + sum(evidence[:INTERESTING])
    return 1 / (1 + math.exp(-max(-50.0, min(50.0, log_odds))))


def learn(text: str, *, spam: bool) -> None:
    """Count a moderator's decision on a comment's text."""
    found = sorted(tokens(text))
    side = "spam" if spam else "ham"
    with transaction.atomic():
        existing = set(
            TokenCount.objects.filter(token__in=found).values_list("token", flat=True)
        )
        TokenCount.objects.bulk_create(
            (TokenCount(token=token) for token in found if token not in existing),
            ignore_conflicts=True,
        )
        TokenCount.objects.filter(token__in=found).update(**{side: F(side) + 1})
        state, _ = ClassifierState.objects.get_or_create(pk=1)
        ClassifierState.objects.filter(pk=state.pk).update(
            version=F("version") + 1,
            **{f"{side}_docs": F(f"{side}_docs") + 1},
        )
