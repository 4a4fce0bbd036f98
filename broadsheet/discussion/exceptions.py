class CommentRefused(Exception):
    """A comment that cannot be posted; the message is shown to the reader."""

    status_code = 400
    retry_after: int | None = None


class CommentsClosed(CommentRefused):
    status_code = 403


class EditWindowClosed(CommentRefused):
    """The author's 15 minutes to change their comment have passed."""

    status_code = 403
