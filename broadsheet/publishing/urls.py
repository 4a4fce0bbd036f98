from django.urls import path

from broadsheet.publishing import (  # noqa: F401  (converters: the dd converter)
    converters,
    editor,
    views,
)

app_name = "publishing"
urlpatterns = [
    path("", views.home, name="home"),
    path(
        "<int:year>/<dd:month>/<dd:day>/<slug:slug>/",
        views.article_detail,
        name="article_detail",
    ),
    path("author/<slug:slug>/", views.author_detail, name="author_detail"),
    path("section/<slug:slug>/", views.section_detail, name="section_detail"),
    path("tag/<slug:slug>/", views.tag_detail, name="tag_detail"),
    path("search/", views.search, name="search"),
    path("preview/<str:token>/", editor.preview, name="preview"),
    path("<int:year>/<dd:month>/", views.month_archive, name="month_archive"),
    path(
        "support/<int:appeal_id>/<int:article_id>/",
        views.appeal_click,
        name="appeal_click",
    ),
    # Last: any other one-segment address may be a page (About, Support us).
    path("<slug:slug>/", views.page_detail, name="page_detail"),
]
