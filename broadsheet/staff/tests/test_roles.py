"""The role matrix: every staff URL in the URLconf, tried by every role.

The URLs come from the URLconf, so a new staff page is tried as soon as it is
added; what each role may do is written out here, as the roles are described in
`broadsheet.staff.roles`. A staff URL this test does not know fails it.
"""

from __future__ import annotations

import re

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.urls import URLPattern, URLResolver, get_resolver

from broadsheet.moderation.models import Ban, ModerationPolicy
from broadsheet.moderation.services import ban_commenter
from broadsheet.publishing import services
from broadsheet.publishing.models import Appeal, Article
from broadsheet.staff.roles import ADMINS, CONTRIBUTORS, EDITORS, MODERATORS
from broadsheet.testing.factories import (
    AppealFactory,
    ArticleFactory,
    CommentFactory,
    PartnerOutletFactory,
    SectionFactory,
    StaffFactory,
    TagFactory,
)

pytestmark = pytest.mark.django_db

# What each role may do in the admin, by model: v view (list, open, history),
# a add, d delete. Admins may do whatever the admin allows at all.
PUBLISHING = ["author", "section", "tag", "partneroutlet", "appeal", "article"]
MODERATING = {
    "discussion.comment": "v",
    "moderation.moderationpolicy": "v",
    "moderation.articlepolicy": "vad",  # deleting one: back to the site's mode
    "moderation.ban": "va",
}
MAY = {
    CONTRIBUTORS: {
        **{f"publishing.{name}": "v" for name in PUBLISHING},
        "publishing.article": "va",
        "images.image": "va",
    },
    MODERATORS: MODERATING,
    EDITORS: {
        **MODERATING,
        **{f"publishing.{name}": "vad" for name in PUBLISHING},
        "publishing.page": "vad",
        "publishing.appealclick": "vd",
        "images.image": "vad",
        "redirects.redirect": "vad",
    },
}
MODERATION_PAGES = {"moderation:queue", "moderation:log", "moderation:mail"}
EVERY_STAFF_MEMBER = {
    "admin:index",
    "admin:password_change",
    "admin:password_change_done",
    "admin:jsi18n",
}
# Not pages to open: POST-only, redirects, lookups that need parameters, and
# public pages that happen to live under a staff prefix (reports, mailed links).
NOT_PAGES = {
    ":admin_login",
    "admin:login",
    "admin:logout",
    "admin:autocomplete",
    "admin:view_on_site",
    "admin:",
    "moderation:act",
    "moderation:report",
    "moderation:decide",
}
# Pages beyond the model actions that only administrators reach.
ADMINS_ONLY = {"admin:auth_user_password_change"}
ACTION = re.compile(
    r"^admin:(\w+?)_(\w+?)_(changelist|add|change|history|delete|revisions|revision)$"
)


def staff_urls(patterns=None, prefix="", namespace=""):
    """(pattern, name) for every URL under /admin/ and /moderation/."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            inner = namespace
            if entry.namespace:
                inner = (
                    f"{namespace}:{entry.namespace}" if namespace else entry.namespace
                )
            yield from staff_urls(
                entry.url_patterns, prefix + str(entry.pattern), inner
            )
        elif isinstance(entry, URLPattern):
            route = prefix + str(entry.pattern)
            if route.startswith(("admin/", "moderation/")):
                yield route, f"{namespace}:{entry.name or ''}"


@pytest.fixture
def site(django_user_model):
    """One of everything the admin lists, and a draft by each writer."""
    editor = StaffFactory(username="editor", role=EDITORS)
    contributor = StaffFactory(username="contributor", role=CONTRIBUTORS)
    own = services.create_article(
        by=contributor, headline="My own draft", slug="my-own-draft"
    )
    other = services.create_article(
        by=editor, headline="Someone else's draft", slug="someone-elses-draft"
    )
    comment = CommentFactory(article=ArticleFactory(section=SectionFactory()))
    TagFactory(), PartnerOutletFactory(), AppealFactory()
    ModerationPolicy.objects.update_or_create(pk=1, defaults={})
    ban_commenter(comment, reason="test", by=None)
    from broadsheet.core.models import SiteSettings
    from broadsheet.moderation.models import ArticlePolicy
    from broadsheet.moderation.tasks import mail_moderators_about

    SiteSettings.objects.get_or_create(pk=1)
    from django.contrib.redirects.models import Redirect

    Redirect.objects.create(site_id=1, old_path="/old/", new_path="/new/")
    from broadsheet.publishing.models import Page

    services.save_page(Page(title="About", slug="about", is_published=True), by=None)
    services.record_appeal_click(Appeal.objects.get(), article=comment.article)
    from broadsheet.images.models import Image

    Image.objects.create(
        digest="0" * 64, extension="jpg", width=10, height=10, widths=[10], alt_text="x"
    )
    ArticlePolicy.objects.create(article=own, mode="publish")
    mail_moderators_about.enqueue(comment.pk)
    return {"own": own, "other": other}


def object_for(model, site) -> str:
    if model is Article:
        return str(site["other"].pk)
    instance = model._default_manager.order_by("pk").first()
    assert instance is not None, f"seed an instance of {model._meta.label}"
    return str(instance.pk)


def concrete(route: str, name: str, site) -> str | None:
    match = ACTION.match(name)
    path = "/" + route
    if "<id>" in path:
        path = path.replace("<id>", str(get_user_model().objects.first().pk))
    elif "<path:object_id>" in path:
        model = next(
            m
            for m in admin.site._registry
            if f"{m._meta.app_label}_{m._meta.model_name}" == f"{match[1]}_{match[2]}"
        )
        path = path.replace("<path:object_id>", object_for(model, site))
    if "(?P<app_label>" in path:
        return None  # tried separately, app by app
    if "<int:revision_id>" in path:
        revision = site["other"].revisions.first()
        path = path.replace("<int:revision_id>", str(revision.pk))
    assert "<" not in path, f"no value for a parameter of {route} ({name})"
    return path


def expected(role: str, name: str, superuser_reaches: bool) -> bool:
    if role == ADMINS:
        return superuser_reaches
    if name in MODERATION_PAGES:
        return role in (MODERATORS, EDITORS)
    if name in EVERY_STAFF_MEMBER:
        return True
    if name in ADMINS_ONLY:
        return False
    match = ACTION.match(name)
    assert match, f"a staff URL this test does not know: {name}"
    label = f"{match[1]}.{match[2]}"
    on_one_article = {"change", "history", "delete", "revisions", "revision"}
    if role == CONTRIBUTORS and label == "publishing.article":
        if match[3] in on_one_article:
            return False  # the article tried is someone else's draft
    may = MAY[role].get(label, "")
    letter = {"add": "a", "delete": "d"}.get(match[3], "v")
    return letter in may and superuser_reaches


def test_each_role_reaches_exactly_its_staff_pages(client, site):
    boss = get_user_model().objects.create_superuser("boss", "b@example.org", "pw")
    roles = [CONTRIBUTORS, MODERATORS, EDITORS, ADMINS]
    members = {
        role: StaffFactory(username=f"member-{role.lower()}", role=role)
        for role in roles
    }
    tried = 0
    for route, name in staff_urls():
        if name in NOT_PAGES:
            continue
        path = concrete(route, name, site)
        if path is None:
            continue
        client.force_login(boss)
        superuser_reaches = client.get(path).status_code == 200
        for role, member in members.items():
            client.force_login(member)
            status = client.get(path).status_code
            assert status < 500, f"{path} answered {status} to {role}"
            assert (status == 200) == expected(role, name, superuser_reaches), (
                f"{role} got {status} for {path} ({name})"
            )
        tried += 1
    assert tried > 60


@pytest.mark.parametrize("role", [CONTRIBUTORS, MODERATORS, EDITORS])
def test_each_role_sees_only_its_apps_in_the_admin(client, site, role):
    client.force_login(StaffFactory(username="member", role=role))
    apps = {label.split(".")[0] for label in MAY[role]}
    for app_label in ("core", "publishing", "discussion", "moderation", "auth"):
        status = client.get(f"/admin/{app_label}/").status_code
        assert (status == 200) == (app_label in apps), f"{role}: /admin/{app_label}/"


def test_a_contributor_cannot_open_anothers_draft_by_its_id(client, site):
    client.force_login(StaffFactory(username="writer", role=CONTRIBUTORS))
    other = site["other"]
    response = client.get(f"/admin/publishing/article/{other.pk}/change/")
    assert response.status_code == 302  # "doesn't exist", back to the index
    listing = client.get("/admin/publishing/article/").content.decode()
    assert "Someone else&#x27;s draft" not in listing


def test_a_contributor_edits_their_own_draft_but_cannot_publish_it(client, site):
    contributor = get_user_model().objects.get(username="contributor")
    client.force_login(contributor)
    own = site["own"]
    page = client.get(f"/admin/publishing/article/{own.pk}/change/").content.decode()
    assert 'value="in_review"' in page and 'value="published"' not in page
    with pytest.raises(services.PermissionDenied):
        services.publish_article(own, by=contributor)
    own.status = Article.Status.PUBLISHED
    with pytest.raises(services.PermissionDenied):
        services.save_article(own, by=contributor)
    own.refresh_from_db()
    services.submit_for_review(own, by=contributor)
    assert Article.objects.get(pk=own.pk).status == Article.Status.IN_REVIEW


def test_a_contributor_cannot_edit_anothers_draft_through_the_services(site):
    contributor = get_user_model().objects.get(username="contributor")
    other = site["other"]
    other.headline = "Taken over"
    with pytest.raises(services.PermissionDenied):
        services.save_article(other, by=contributor)
    with pytest.raises(services.PermissionDenied):
        services.set_bylines(other, [], by=contributor)
    assert Article.objects.get(pk=other.pk).headline == "Someone else's draft"


def test_an_editor_edits_and_publishes_anyones_article(site):
    editor = get_user_model().objects.get(username="editor")
    own = site["own"]
    services.publish_article(own, by=editor)
    assert Article.objects.get(pk=own.pk).status == Article.Status.PUBLISHED


def test_a_moderator_cannot_touch_articles_or_site_settings(site):
    moderator = StaffFactory(username="mod", role=MODERATORS)
    with pytest.raises(services.PermissionDenied):
        services.save_article(site["own"], by=moderator)
    from broadsheet.core.services import update_site_settings

    with pytest.raises(services.PermissionDenied):
        update_site_settings(by=moderator, site_name="Mine")
    assert Ban.objects.count() == 1
