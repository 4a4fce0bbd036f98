from django.urls import path

from broadsheet.discussion import views

app_name = "discussion"
urlpatterns = [
    path("post/", views.comment_post, name="comment_post"),
]
