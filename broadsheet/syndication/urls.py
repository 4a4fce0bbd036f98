from django.urls import path

from broadsheet.publishing import converters  # noqa: F401  (the dd converter)
from broadsheet.syndication import feeds, views
from broadsheet.syndication.json_feed import json_feed

app_name = "syndication"
urlpatterns = [
    path("feed/", feeds.ArticleFeed(), name="rss"),
    path("feed/atom/", feeds.atom(feeds.ArticleFeed)(), name="atom"),
    path("feed/json/", json_feed, name="json_feed"),
    path("section/<slug:slug>/feed/", feeds.SectionFeed(), name="section_rss"),
    path(
        "section/<slug:slug>/feed/atom/",
        feeds.atom(feeds.SectionFeed)(),
        name="section_atom",
    ),
    path("tag/<slug:slug>/feed/", feeds.TagFeed(), name="tag_rss"),
    path("tag/<slug:slug>/feed/atom/", feeds.atom(feeds.TagFeed)(), name="tag_atom"),
    path("author/<slug:slug>/feed/", feeds.AuthorFeed(), name="author_rss"),
    path(
        "author/<slug:slug>/feed/atom/",
        feeds.atom(feeds.AuthorFeed)(),
        name="author_atom",
    ),
    path("feed/comments/", feeds.CommentFeed(), name="comments_rss"),
    path(
        "<int:year>/<dd:month>/<dd:day>/<slug:slug>/feed/",
        feeds.CommentFeed(),
        name="article_comments_rss",
    ),
    path("sitemap.xml", views.sitemap_index, name="sitemap_index"),
    path("sitemap-news.xml", views.news_sitemap, name="news_sitemap"),
    path("sitemap-<section>.xml", views.sitemap, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots"),
]
