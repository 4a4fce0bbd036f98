"""One-click decisions from a moderator's mail: signed, expiring, confirmed by POST.

The link names the comment, the action and the moderator it was sent to; it is
valid for 7 days. Opening it only shows a confirmation, so a mail scanner that
follows links cannot act.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.core import signing
from django.urls import reverse

SALT = "broadsheet.moderation.mail-decision"
MAX_AGE = timedelta(days=7)


@dataclass(frozen=True)
class Decision:
    comment_id: int
    action: str
    user_id: int


class LinkInvalid(Exception):
    pass


def decision_path(comment_id: int, action: str, user_id: int) -> str:
    token = signing.dumps({"c": comment_id, "a": action, "u": user_id}, salt=SALT)
    return reverse("moderation:decide", kwargs={"token": token})


def read_decision(token: str) -> Decision:
    """Raises LinkInvalid for a link that is forged, damaged or expired."""
    try:
        data = signing.loads(token, salt=SALT, max_age=MAX_AGE)
        return Decision(int(data["c"]), str(data["a"]), int(data["u"]))
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise LinkInvalid from None
