from django.contrib import admin
from django.urls import include, path

from broadsheet.core import views as core_views
from broadsheet.staff.views import SignInView

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("livez", core_views.livez, name="livez"),
    # The admin signs in through the same throttled page as everyone else.
    path("admin/login/", SignInView.as_view(), name="admin_login"),
    path("admin/", admin.site.urls),
    path("accounts/", include("broadsheet.staff.urls")),
    path("media/images/", include("broadsheet.images.urls")),
    # Before the apps whose prefixes its feeds share (/comments/feed/).
    path("", include("broadsheet.syndication.urls")),
    path("comments/", include("broadsheet.discussion.urls")),
    path("moderation/", include("broadsheet.moderation.urls")),
    path("", include("broadsheet.publishing.urls")),
]

# Pages in the site's look that need no database: 503 while it (or the disk) is
# away, 500 for our own mistakes.
handler500 = "broadsheet.core.views.server_error"
