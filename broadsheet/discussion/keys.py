"""The surrogate key of an article's discussion.

Comments change only the article's page (and the comment feeds), not the lists
that show the article, so their writes purge this key instead of the article's.
"""


def thread_key(article_id: int) -> str:
    return f"thread:{article_id}"
