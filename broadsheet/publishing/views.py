from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from broadsheet.pagecache.decorators import add_keys, cacheable
from broadsheet.pagecache.keys import key_for
from broadsheet.publishing import services
from broadsheet.publishing.extensions import article_parts
from broadsheet.publishing.models import Appeal, Article, Author
from broadsheet.publishing.services import LIST_KEY

ARTICLES_PER_PAGE = 10


@require_safe
@cacheable(query=("page",))
def home(request: HttpRequest) -> HttpResponse:
    add_keys(request, LIST_KEY)
    articles = Article.objects.published().with_bylines().latest_first()
    page = Paginator(articles, ARTICLES_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "publishing/article_list.html", {"page_obj": page})


@require_safe
@cacheable(query=("replyto", "cpage"))
def article_detail(
    request: HttpRequest, year: int, month: int, day: int, slug: str
) -> HttpResponse:
    article = get_object_or_404(
        Article.objects.published().with_bylines().select_related("partner", "appeal"),
        slug=slug,
    )
    if article.get_absolute_url() != request.path:
        # A link with the wrong date (an old import, a hand-typed address).
        return redirect(article.get_absolute_url(), permanent=True)
    appeal = _appeal_for(article)
    bylines = list(article.bylines.all())
    add_keys(
        request,
        key_for(article),
        *(key_for(byline.author) for byline in bylines),
        *(
            key_for(related)
            for related in (article.section, article.partner, appeal)
            if related
        ),
    )
    body_before, body_after = article.body_split(appeal and appeal.after_paragraph)
    context = {
        "article": article,
        "bylines": bylines,
        "appeal": appeal,
        "body_before": body_before,
        "body_after": body_after,
        "canonical_url": article.original_url
        if article.is_republished
        else request.build_absolute_uri(article.get_absolute_url()),
        "parts": article_parts(request, article),
    }
    return render(request, "publishing/article_detail.html", context)


def _appeal_for(article: Article) -> Appeal | None:
    if article.appeal_choice == Article.AppealChoice.NONE:
        return None
    if article.appeal_choice == Article.AppealChoice.CHOSEN and article.appeal:
        return article.appeal
    return Appeal.objects.filter(is_default=True).first()


@require_safe
@cacheable(query=("page",))
def author_detail(request: HttpRequest, slug: str) -> HttpResponse:
    author = get_object_or_404(Author, slug=slug)
    add_keys(request, key_for(author), LIST_KEY)
    articles = (
        Article.objects.published().by_author(author).with_bylines().latest_first()
    )
    page = Paginator(articles, ARTICLES_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request, "publishing/author_detail.html", {"author": author, "page_obj": page}
    )


@require_safe
@never_cache
def appeal_click(request: HttpRequest, appeal_id: int, article_id: int) -> HttpResponse:
    """Count the click and send the reader on to the donation page."""
    appeal = get_object_or_404(Appeal, pk=appeal_id)
    article = get_object_or_404(Article.objects.published(), pk=article_id)
    if request.method == "GET":
        services.record_appeal_click(appeal, article=article)
    return HttpResponseRedirect(appeal.donation_url)
