from django.urls import path

from broadsheet.moderation import views

app_name = "moderation"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("act/", views.act, name="act"),
    path("log/", views.log, name="log"),
    path("mail/", views.mail, name="mail"),
    path("report/<int:pk>/", views.report, name="report"),
    path("decide/<str:token>/", views.decide, name="decide"),
]
