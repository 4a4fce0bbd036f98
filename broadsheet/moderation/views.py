from datetime import datetime, time

from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required, permission_required
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from broadsheet.core.clients import client_ip
from broadsheet.discussion.models import Comment
from broadsheet.moderation import services
from broadsheet.moderation.forms import (
    MailPreferenceForm,
    ModerationForm,
    ReportForm,
)
from broadsheet.moderation.links import LinkInvalid, read_decision
from broadsheet.moderation.models import AuditEntry, MailPreference

TABS = {
    "pending": Comment.Status.HELD,
    "reported": None,
    "spam": Comment.Status.SPAM,
    "approved": Comment.Status.APPROVED,
    "rejected": Comment.Status.REJECTED,
}
PER_PAGE = 50
MODERATE = "discussion.change_comment"


@require_safe
@login_required
@permission_required(MODERATE, raise_exception=True)
def queue(request: HttpRequest) -> HttpResponse:
    tab = request.GET.get("tab", "pending")
    if tab not in TABS:
        tab = "pending"
    if tab == "reported":
        chosen = Comment.objects.filter(
            reports__isnull=False,
            status__in=[Comment.Status.HELD, Comment.Status.APPROVED],
        ).distinct()
    else:
        chosen = Comment.objects.filter(status=TABS[tab])
    comments = (
        chosen.select_related("article", "parent")
        .annotate(report_count=Count("reports"))
        .order_by("created_at" if tab == "pending" else "-created_at")
    )
    page = Paginator(comments, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "moderation/queue.html",
        {
            "tab": tab,
            "tabs": TABS,
            "page_obj": page,
            "histories": _histories(page.object_list),
            "counts": dict(
                Comment.objects.filter(status__in=[s for s in TABS.values() if s])
                .values_list("status")
                .annotate(n=Count("id"))
            ),
        },
    )


def _histories(comments) -> dict[str, dict[str, int]]:
    """Each commenter's record (approved, rejected, spam), in one query."""
    hmacs = {comment.email_hmac for comment in comments}
    histories: dict[str, dict[str, int]] = {h: {} for h in hmacs}
    rows = (
        Comment.objects.filter(email_hmac__in=hmacs)
        .values_list("email_hmac", "status")
        .annotate(n=Count("id"))
    )
    for email_hmac, status, count in rows:
        histories[email_hmac][status] = count
    return histories


@require_POST
@login_required
@permission_required(MODERATE, raise_exception=True)
def act(request: HttpRequest) -> HttpResponse:
    """Apply one action to the chosen comments, then back to the same tab."""
    ids = [int(pk) for pk in request.POST.getlist("comments") if pk.isdigit()]
    form = ModerationForm(request.POST, comment_ids=ids)
    tab = request.POST.get("tab", "pending")
    back = redirect(f"{request.path.rsplit('act/', 1)[0]}?tab={tab}")
    if not form.is_valid():
        return render(
            request,
            "moderation/act_refused.html",
            {"form": form, "tab": tab},
            status=400,
        )
    comments = list(Comment.objects.filter(pk__in=form.cleaned_data["comments"]))
    data = form.cleaned_data
    if data["action"] == AuditEntry.Action.BAN:
        until = data["ban_until"]
        for comment in comments:
            services.ban_commenter(
                comment,
                reason=data["reason"],
                by=request.user,
                until=timezone.make_aware(datetime.combine(until, time.max))
                if until
                else None,
                email=data["ban_email"],
                prefix=data["ban_network"],
            )
        services.moderate_comments(
            comments, AuditEntry.Action.REJECT, by=request.user, reason=data["reason"]
        )
    else:
        services.moderate_comments(
            comments, data["action"], by=request.user, reason=data["reason"]
        )
    return back


@never_cache
def report(request: HttpRequest, pk: int) -> HttpResponse:
    """A reader reports a comment, with a reason; no account needed."""
    comment = get_object_or_404(Comment.objects.approved(), pk=pk)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.report_comment(
            comment,
            reason=form.cleaned_data["reason"],
            note=form.cleaned_data["note"],
            ip=client_ip(request),
        )
        return render(request, "moderation/reported.html", {"comment": comment})
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "moderation/report.html",
        {"comment": comment, "form": form},
        status=status,
    )


@require_safe
@login_required
@permission_required("moderation.view_auditentry", raise_exception=True)
def log(request: HttpRequest) -> HttpResponse:
    entries = AuditEntry.objects.select_related("actor", "comment")
    page = Paginator(entries, 100).get_page(request.GET.get("page"))
    return render(request, "moderation/log.html", {"page_obj": page, "title": _("Log")})


@never_cache
def decide(request: HttpRequest, token: str) -> HttpResponse:
    """A decision from a moderator's mail: GET asks to confirm, POST acts."""
    try:
        decision = read_decision(token)
    except LinkInvalid:
        return render(
            request,
            "moderation/decide.html",
            {"message": _("This link is damaged or more than 7 days old.")},
            status=400,
        )
    user = get_user_model().objects.filter(pk=decision.user_id, is_active=True).first()
    comment = (
        Comment.objects.select_related("article").filter(pk=decision.comment_id).first()
    )
    if user is None or not user.has_perm(MODERATE) or comment is None:
        return render(
            request,
            "moderation/decide.html",
            {"message": _("This link no longer allows that decision.")},
            status=403,
        )
    done = False
    if request.method == "POST":
        services.moderate_comments(
            [comment], decision.action, by=user, reason=_("from the e-mail link")
        )
        done = True
    return render(
        request,
        "moderation/decide.html",
        {"comment": comment, "decision": decision, "done": done},
    )


@never_cache
@login_required
@permission_required(MODERATE, raise_exception=True)
def mail(request: HttpRequest) -> HttpResponse:
    """A moderator chooses one mail per held comment, an hourly digest, or none."""
    current = MailPreference.objects.filter(user=request.user).first()
    form = MailPreferenceForm(request.POST or None, instance=current)
    saved = False
    if request.method == "POST" and form.is_valid():
        services.set_mail_preference(
            request.user, form.cleaned_data["frequency"], by=request.user
        )
        saved = True
    status = 400 if request.method == "POST" and not saved else 200
    return render(
        request,
        "moderation/mail.html",
        {"form": form, "saved": saved, "title": _("Your e-mail")},
        status=status,
    )
