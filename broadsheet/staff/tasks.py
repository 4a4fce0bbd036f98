"""Mail to staff, sent by the background worker."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_tasks import TaskContext, task

from broadsheet.core.mail import job_key, send_or_retry


@task(takes_context=True)
def send_password_reset(
    context: TaskContext, user_id: int, attempt: int = 0, key: str = ""
) -> str:
    """Mail a staff member a link to choose a new password, valid one hour and
    once. The token is made here, so it is never stored in the task queue."""
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None or not user.email:
        return "nothing to do"
    link = settings.SITE_URL + reverse(
        "staff:password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    message = EmailMessage(
        subject=render_to_string("staff/mail/password_reset_subject.txt").strip(),
        body=render_to_string(
            "staff/mail/password_reset.txt", {"user": user, "link": link}
        ),
        to=[user.email],
    )
    return send_or_retry(
        [message],
        send_password_reset,
        user_id,
        attempt=attempt,
        key=job_key(context, key),
    )
