from django.contrib import admin
from django.urls import include, path

from broadsheet.core import views as core_views

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("comments/", include("broadsheet.discussion.urls")),
    path("moderation/", include("broadsheet.moderation.urls")),
    path("", include("broadsheet.publishing.urls")),
]
