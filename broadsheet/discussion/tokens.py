"""The comment form's signed token: bound to one article, valid for days.

It is the same for every reader of a page, so the page can be cached whole.
"""

from __future__ import annotations

from datetime import timedelta

from django.core import signing

SALT = "broadsheet.discussion.comment-form"
MAX_AGE = timedelta(days=14)


class TokenExpired(Exception):
    pass


class TokenInvalid(Exception):
    pass


def make_token(article_id: int) -> str:
    return signing.dumps(article_id, salt=SALT, compress=False)


def check_token(token: str, article_id: int) -> None:
    """Raises TokenExpired or TokenInvalid; returns when the token fits the article."""
    try:
        signed_for = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.SignatureExpired:
        raise TokenExpired from None
    except signing.BadSignature:
        raise TokenInvalid from None
    if signed_for != article_id:
        raise TokenInvalid
