"""Sending mail from a background task, trying again later when the server fails.

A job may run twice: its worker killed after the mail went out but before the
job was recorded, say. So each message the mail server accepts is recorded at
once (a SentMail receipt, keyed by the job and the recipients), and a job that
runs again sends only what has no receipt. Mail and database cannot commit
together: a crash in the instant between the server's acceptance and the
receipt's commit still sends that one message twice.
"""

from __future__ import annotations

import hashlib
import logging
import smtplib
from datetime import timedelta

from django.core.mail import EmailMessage, get_connection
from django.db import DatabaseError
from django.utils import timezone
from django_tasks import TaskContext

from broadsheet.core.models import SentMail
from broadsheet.core.outages import is_outage

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 6  # about an hour of retries: 1, 2, 4, 8, 16, 32 minutes


def receipt_key(key: str, message: EmailMessage) -> str:
    recipients = ",".join(sorted(message.recipients()))
    return hashlib.sha256(f"{key}\0{recipients}".encode()).hexdigest()


def job_key(context: TaskContext, key: str = "") -> str:
    """The key a mailing job sends under: its own id, or that of the first
    attempt when it is a retry."""
    return key or str(context.task_result.id)


def send(messages: list[EmailMessage], *, key: str) -> bool:
    """Send each message not yet sent under `key` (the job's), recording each
    as the server accepts it; False, with a log line, when the server fails."""
    done = set(
        SentMail.objects.filter(
            key__in=[receipt_key(key, message) for message in messages]
        ).values_list("key", flat=True)
    )
    unsent = [m for m in messages if receipt_key(key, m) not in done]
    if not unsent:
        return True
    try:
        with get_connection() as connection:
            for message in unsent:
                connection.send_messages([message])
                _keep_receipt(receipt_key(key, message))
    except (smtplib.SMTPException, OSError) as error:
        subject = messages[0].subject if messages else ""
        logger.warning("Sending %r failed: %s", subject, error)
        return False
    return True


def _keep_receipt(receipt: str) -> None:
    try:
        SentMail.objects.bulk_create([SentMail(key=receipt)], ignore_conflicts=True)
    except DatabaseError as error:
        if not is_outage(error):
            raise
        # The message is out: failing the job now would only send it again.
        logger.warning("A sent message could not be recorded: %s", error)


def send_or_retry(
    messages: list[EmailMessage], retry, *args, attempt: int, key: str
) -> str:
    """Send the messages under `key` (see `send`); if the mail server fails,
    enqueue `retry(*args, attempt=attempt + 1, key=key)` after a growing pause,
    up to MAX_ATTEMPTS, so the retry sends only what is still unsent. Never
    raises for a mail server that is down."""
    if not send(messages, key=key):
        subject = messages[0].subject if messages else ""
        if attempt + 1 >= MAX_ATTEMPTS:
            logger.error("Gave up sending %r", subject)
            return "gave up"
        delay = timedelta(minutes=2**attempt)
        logger.warning("Trying to send %r again in %s", subject, delay)
        retry.using(run_after=timezone.now() + delay).enqueue(
            *args, attempt=attempt + 1, key=key
        )
        return "retry queued"
    return "sent"
