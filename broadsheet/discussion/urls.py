from django.urls import path

from broadsheet.discussion import views

app_name = "discussion"
urlpatterns = [
    path("post/", views.comment_post, name="comment_post"),
    path("<int:pk>/edit/", views.comment_edit, name="comment_edit"),
    path("<int:pk>/delete/", views.comment_delete, name="comment_delete"),
    path(
        "replies/<str:token>/confirm/",
        views.subscription_confirm,
        name="subscription_confirm",
    ),
    path(
        "replies/<str:token>/stop/",
        views.subscription_unsubscribe,
        name="subscription_unsubscribe",
    ),
]
