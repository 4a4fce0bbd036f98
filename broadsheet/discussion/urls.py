from django.urls import path

from broadsheet.discussion import views

app_name = "discussion"
urlpatterns = [
    path("post/", views.comment_post, name="comment_post"),
    path("<int:pk>/edit/", views.comment_edit, name="comment_edit"),
    path("<int:pk>/delete/", views.comment_delete, name="comment_delete"),
]
