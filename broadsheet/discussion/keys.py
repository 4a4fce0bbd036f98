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


def visibility_keys(article) -> list[str]:
    """An article published or withdrawn brings its comments into the recent-
    comments feed, or takes them out, when it has any."""
    from broadsheet.discussion.models import Comment

    return [RECENT] if Comment.objects.approved().on(article).exists() else []


def comment_keys(comment) -> list[str]:
    """What a change to an approved comment (or to whether it is approved)
    purges: its article's discussion and the recent-comments feed."""
    return [thread_key(comment.article_id), RECENT]
