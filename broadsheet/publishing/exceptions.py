class PublishingError(Exception):
    """A publishing write that cannot be done; the message is for the editor."""
