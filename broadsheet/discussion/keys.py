"""The surrogate key of an article's discussion.

Comments change only the article's page (and the comment feeds), not the lists
that show the article, so their writes purge this key instead of the article's.
"""


def thread_key(article_id: int) -> str:
    """An article's approved comments (its page and its comments feed)."""
    return f"thread:{article_id}"


def form_key(article_id: int) -> str:
    """Whether an article's page offers the comment form (comments closing)."""
    return f"form:thread:{article_id}"


# The recent-comments feed: which approved comments there are, newest first.
RECENT = "list:comments"


def comment_keys(comment) -> list[str]:
    """What a change to an approved comment (or to whether it is approved)
    purges: its article's discussion and the recent-comments feed."""
    return [thread_key(comment.article_id), RECENT]
