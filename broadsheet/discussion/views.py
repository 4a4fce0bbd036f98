import functools
import logging
from collections.abc import Callable

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from broadsheet.core import metrics
from broadsheet.core.clients import client_ip
from broadsheet.core.origins import refuse_cross_site
from broadsheet.core.outages import is_outage
from broadsheet.core.views import render_without_database
from broadsheet.discussion import services, tokens
from broadsheet.discussion.exceptions import AlreadyPosted, CommentRefused
from broadsheet.discussion.forms import CommentEditForm, CommentForm
from broadsheet.discussion.models import Comment, ReplySubscription
from broadsheet.discussion.part import (
    COMMENTER_COOKIE,
    COMMENTER_COOKIE_SECONDS,
    OWN_COMMENTS_KEPT,
    own_comment_ids,
)
from broadsheet.discussion.tasks import read_subscription_token
from broadsheet.discussion.thread import comment_address
from broadsheet.publishing.models import Article

logger = logging.getLogger(__name__)


def _kept_on_outage(
    unsaved: Callable[..., HttpResponse],
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """A POST that fails because the database or disk is away is answered by
    `unsaved` (the form again, as typed, with a 503), like a refusal; any other
    error is raised on, to be the 500 it is."""

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @functools.wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            try:
                return view(request, *args, **kwargs)
            except Exception as error:
                if request.method != "POST" or not is_outage(error):
                    raise
                logger.error(
                    "Comment perhaps not saved, database or disk away: %s", error
                )
                return unsaved(request, *args, **kwargs)

        return wrapper

    return decorate


# "May not": when it is the commit's acknowledgement that was lost, the comment
# is saved all the same. Sending it again is safe either way: a comment already
# saved is found (services.post_comment), an edit is made again.
def _comment_perhaps_not_saved() -> str:
    return _(
        "Your comment may not have been saved: the site could not reach its "
        "database or its disk. Your text is kept below; please send it again in "
        "a minute: if it was saved, you will be taken to it."
    )


def _edit_perhaps_not_saved() -> str:
    return _(
        "Your change may not have been saved: the site could not reach its "
        "database or its disk. Your text is kept below; please send it again in "
        "a minute."
    )


def _comment_not_saved(request: HttpRequest) -> HttpResponse:
    metrics.COMMENTS.add("unavailable")
    form = CommentForm(request.POST)
    return render_without_database(
        request,
        "discussion/comment_refused.html",
        {
            "form": form,
            "article": None,
            "parent": None,
            "message": _comment_perhaps_not_saved(),
        },
        status=503,
    )


@never_cache
@require_POST
@refuse_cross_site
@_kept_on_outage(_comment_not_saved)
def comment_post(request: HttpRequest) -> HttpResponse:
    """Post a comment from the form under an article; 303 to it on success."""
    form = CommentForm(request.POST)
    article_id = request.POST.get("article", "")
    if not article_id.isdigit():
        raise Http404(_("No such article."))
    article = get_object_or_404(Article.objects.published(), pk=int(article_id))
    if not form.is_valid():
        return _refuse(
            request, form, article, _("Please check the fields marked below.")
        )
    try:
        tokens.check_token(form.cleaned_data["token"], article.pk)
    except tokens.TokenExpired:
        return _refuse(
            request,
            form,
            article,
            _(
                "This page had been open for a long time. "
                "Please post your comment again."
            ),
            fresh_token=True,
        )
    except tokens.TokenInvalid:
        return _refuse(
            request,
            form,
            article,
            _("This form does not belong to this article. Please post again."),
            fresh_token=True,
        )
    try:
        comment = services.post_comment(
            article, form.cleaned_data, ip=client_ip(request)
        )
    except AlreadyPosted as again:
        # Sent again (its first answer lost): the reader lands on it as then.
        metrics.COMMENTS.add("resent")
        return _taken_to(request, again.comment)
    except CommentRefused as refusal:
        response = _refuse(
            request, form, article, str(refusal), status=refusal.status_code
        )
        if refusal.retry_after:
            response["Retry-After"] = str(refusal.retry_after)
        return response
    metrics.COMMENTS.add(comment.status)
    return _taken_to(request, comment)


def _taken_to(request: HttpRequest, comment: Comment) -> HttpResponse:
    """A 303 to the reader's comment, and the cookie that shows it to them."""
    response = HttpResponseRedirect(comment_address(comment))
    response.status_code = 303  # See Other: the browser follows with a GET
    # While this cookie lasts the reader bypasses the shared page cache, so they
    # always see their own comment at once.
    earlier = [pk for pk in own_comment_ids(request) if pk != comment.pk]
    recent = [comment.pk, *earlier][:OWN_COMMENTS_KEPT]
    response.set_signed_cookie(
        COMMENTER_COOKIE,
        ",".join(str(pk) for pk in recent),
        salt=COMMENTER_COOKIE,
        max_age=COMMENTER_COOKIE_SECONDS,
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
    )
    return response


def _refuse(
    request: HttpRequest,
    form: CommentForm,
    article: Article,
    message: str,
    *,
    status: int = 400,
    fresh_token: bool = False,
) -> HttpResponse:
    metrics.COMMENTS.add("refused")
    logger.info(
        "Comment refused on article %s: %s %s",
        article.pk,
        message,
        form.errors.as_json(),
    )
    if fresh_token:
        data = request.POST.copy()
        data["token"] = tokens.make_token(article.pk)
        form = CommentForm(data)
        form.is_valid()
    parent_id = request.POST.get("parent", "")
    parent = (
        Comment.objects.approved().filter(pk=parent_id, article=article).first()
        if parent_id.isdigit()
        else None
    )
    return render(
        request,
        "discussion/comment_refused.html",
        {"form": form, "article": article, "message": message, "parent": parent},
        status=status,
    )


def _own_comment(request: HttpRequest, pk: int) -> Comment:
    if pk not in own_comment_ids(request):
        raise PermissionDenied(_("Only the author can change a comment."))
    return get_object_or_404(Comment.objects.select_related("article"), pk=pk)


def _edit_not_saved(request: HttpRequest, pk: int) -> HttpResponse:
    return render_without_database(
        request,
        "discussion/comment_edit.html",
        {
            "comment": None,
            "form": CommentEditForm(request.POST),
            "message": _edit_perhaps_not_saved(),
        },
        status=503,
    )


@never_cache
@_kept_on_outage(_edit_not_saved)
def comment_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The author changes their comment's text, for 15 minutes after posting."""
    comment = _own_comment(request, pk)
    form = CommentEditForm(request.POST or None, initial={"body": comment.body})
    message, status = "", 400 if request.method == "POST" else 200
    if request.method == "POST" and form.is_valid():
        try:
            services.edit_own_comment(comment, form.cleaned_data["body"])
        except CommentRefused as refusal:
            message, status = str(refusal), refusal.status_code
        else:
            return HttpResponseRedirect(comment_address(comment))
    elif not services.can_change_own(comment):
        message = _("Comments can be changed for 15 minutes after posting.")
        status = 403
    return render(
        request,
        "discussion/comment_edit.html",
        {"comment": comment, "form": form, "message": message},
        status=status,
    )


@never_cache
def comment_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """The author removes their comment, after a confirmation."""
    comment = _own_comment(request, pk)
    message = ""
    if request.method == "POST":
        try:
            services.delete_own_comment(comment)
        except CommentRefused as refusal:
            message = str(refusal)
        else:
            return HttpResponseRedirect(
                comment.article.get_absolute_url() + "#comments"
            )
    elif not services.can_change_own(comment):
        message = _("Comments can be changed for 15 minutes after posting.")
    return render(
        request,
        "discussion/comment_delete.html",
        {"comment": comment, "message": message},
        status=403 if message else 200,
    )


def _subscription(token: str) -> ReplySubscription:
    pk = read_subscription_token(token)
    if pk is None:
        raise Http404(_("This link is damaged."))
    return get_object_or_404(
        ReplySubscription.objects.select_related("comment__article"), pk=pk
    )


def _subscription_page(
    request: HttpRequest, token: str, kind: str, act
) -> HttpResponse:
    """The page of a mailed link: GET shows a button, POST does `act`."""
    subscription = _subscription(token)
    done = request.method == "POST"
    if done:
        act(subscription)
    return render(
        request,
        "discussion/subscription.html",
        {"subscription": subscription, "done": done, "kind": kind},
    )


@never_cache
def subscription_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """Double opt-in: the mailed link shows a page; its button confirms."""
    return _subscription_page(request, token, "confirm", services.confirm_subscription)


@never_cache
@csrf_exempt  # one-click unsubscribe (RFC 8058): mail programs POST without a form
def subscription_unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """Stop mail about replies: a page with a button, or a one-click POST."""
    return _subscription_page(request, token, "unsubscribe", services.unsubscribe)
