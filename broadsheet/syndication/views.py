from django.contrib.sitemaps import views as sitemap_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from broadsheet.pagecache.decorators import add_keys, cacheable
from broadsheet.pagecache.query import page_number
from broadsheet.publishing.keys import SITEMAP_ARTICLES, SITEMAP_INDEX
from broadsheet.syndication.sitemaps import SITEMAPS, NewsSitemap

NEWS = "sitemap:news"  # also purged by the hourly job, as articles age out of it


@require_safe
@cacheable(site=False)
def sitemap_index(request: HttpRequest) -> HttpResponse:
    add_keys(request, SITEMAP_INDEX)
    # Without lastmod (optional in the protocol), the index changes only when
    # a sitemap gains or loses a page, not with every edit.
    return sitemap_views.index(
        request,
        SITEMAPS,
        sitemap_url_name="syndication:sitemap",
        template_name="syndication/sitemap_index.xml",
    )


@require_safe
@cacheable(query=("p",), site=False)
def sitemap(request: HttpRequest, section: str) -> HttpResponse:
    page_number(request, "p")  # 404 for `p=01`, `p=1` and other spellings
    add_keys(request, f"sitemap:{section}")
    # Our template gives lastmod to the second (Django's gives the day only).
    return sitemap_views.sitemap(
        request, SITEMAPS, section=section, template_name="syndication/sitemap.xml"
    )


@require_safe
@cacheable()
def news_sitemap(request: HttpRequest) -> HttpResponse:
    add_keys(request, SITEMAP_ARTICLES, NEWS)
    return sitemap_views.sitemap(
        request,
        {"news": NewsSitemap},
        template_name="syndication/news_sitemap.xml",
    )


@require_safe
@cacheable(site=False)
def robots_txt(request: HttpRequest) -> HttpResponse:
    return render(
        request, "syndication/robots.txt", content_type="text/plain; charset=utf-8"
    )
