class CommentRefused(Exception):
    """A comment that cannot be posted; the message is shown to the reader."""

    status_code = 400
    retry_after: int | None = None


class CommentsClosed(CommentRefused):
    status_code = 403


class EditWindowClosed(CommentRefused):
    """The author's 15 minutes to change their comment have passed."""

    status_code = 403


class AlreadyPosted(CommentRefused):
    """The same comment, sent again by its author: it is saved already (the
    answer to the first send was lost), so it is not posted twice. The reader
    is taken to `comment`; a caller that does not do so refuses it."""

    status_code = 409

    def __init__(self, message: str, *, comment) -> None:
        super().__init__(message)
        self.comment = comment
