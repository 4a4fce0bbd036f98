"""Sending mail from a background task, trying again later when the server fails."""

from __future__ import annotations

import logging
import smtplib
from datetime import timedelta

from django.core.mail import EmailMessage, get_connection
from django.utils import timezone

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 6  # about an hour of retries: 1, 2, 4, 8, 16, 32 minutes


def send(messages: list[EmailMessage]) -> bool:
    """Send the messages; False, with a log line, when the mail server fails."""
    try:
        get_connection().send_messages(messages)
    except (smtplib.SMTPException, OSError) as error:
        subject = messages[0].subject if messages else ""
        logger.warning("Sending %r failed: %s", subject, error)
        return False
    return True


def send_or_retry(messages: list[EmailMessage], retry, *args, attempt: int) -> str:
    """Send the messages; if the mail server fails, enqueue `retry(*args,
    attempt + 1)` after a growing pause, up to MAX_ATTEMPTS. Never raises for a
    mail server that is down."""
    if not send(messages):
        subject = messages[0].subject if messages else ""
        if attempt + 1 >= MAX_ATTEMPTS:
            logger.error("Gave up sending %r", subject)
            return "gave up"
        delay = timedelta(minutes=2**attempt)
        logger.warning("Trying to send %r again in %s", subject, delay)
        retry.using(run_after=timezone.now() + delay).enqueue(*args, attempt + 1)
        return "retry queued"
    return "sent"
