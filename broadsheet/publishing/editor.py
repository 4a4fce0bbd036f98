"""The editor's pages beside the admin's form: the preview of the exact public
page, and an article's revisions, compared side by side and restored."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from broadsheet.publishing import services
from broadsheet.publishing.models import Article, Revision
from broadsheet.publishing.revisions import compare
from broadsheet.publishing.views import article_page, articles_to_show

PREVIEW_SALT = "broadsheet.publishing.preview"
PREVIEW_DAYS = 7


def preview_path(article: Article) -> str:
    """A signed address showing the article as readers will see it, whatever
    its status, for a week; whoever has it may look (to send to an author)."""
    token = signing.dumps(article.pk, salt=PREVIEW_SALT)
    return reverse("publishing:preview", kwargs={"token": token})


@never_cache
def preview(request: HttpRequest, token: str) -> HttpResponse:
    try:
        pk = signing.loads(
            token, salt=PREVIEW_SALT, max_age=timedelta(days=PREVIEW_DAYS)
        )
    except signing.BadSignature as error:
        raise Http404(_("This preview link is damaged or has expired.")) from error
    article = get_object_or_404(articles_to_show(), pk=pk)
    return article_page(request, article, preview=True)


def revisions(request: HttpRequest, article: Article, admin_context: dict):
    """The list of an article's revisions, each compared with the one before."""
    kept = list(article.revisions.select_related("created_by"))
    return render(
        request,
        "publishing/revision_list.html",
        {**admin_context, "article": article, "revisions": kept},
    )


def revision(
    request: HttpRequest, article: Article, revision_id: int, admin_context: dict
):
    """One revision beside the article as it is now; POST restores it."""
    chosen = get_object_or_404(Revision, pk=revision_id, article=article)
    if request.method == "POST":
        services.restore_revision(chosen, by=request.user)
        messages.success(request, _("The article is back as it was then."))
        return redirect(reverse("admin:publishing_article_change", args=[article.pk]))
    current = article.revisions.order_by("-created_at", "-pk").first()
    return render(
        request,
        "publishing/revision_detail.html",
        {
            **admin_context,
            "article": article,
            "revision": chosen,
            "current": current,
            "changes": compare(chosen, current) if current else [],
        },
    )
