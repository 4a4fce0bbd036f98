"""The staff roles, each a group of permissions, kept in step on every migrate.

- Contributors write and edit their own drafts and submit them for review.
- Moderators look after the discussion and its moderation policy.
- Editors do all a moderator does, and edit and publish anyone's articles and
  manage authors, sections, tags, partner outlets and appeals.
- Admins may do everything: users, site settings.

The services check these permissions; the admin and the views only reflect them.
"""

from __future__ import annotations

from django.apps import apps as global_apps

from broadsheet.moderation.roles import PERMISSIONS as MODERATING

CONTRIBUTORS = "Contributors"
MODERATORS = "Moderators"
EDITORS = "Editors"
ADMINS = "Admins"

WRITING = [
    ("publishing", "add_article"),
    ("publishing", "change_article"),
    ("publishing", "view_article"),
    ("publishing", "add_byline"),
    ("publishing", "change_byline"),
    ("publishing", "delete_byline"),
    ("publishing", "view_byline"),
    ("publishing", "view_author"),
    ("publishing", "view_section"),
    ("publishing", "view_tag"),
    ("publishing", "view_partneroutlet"),
    ("publishing", "view_appeal"),
    ("images", "add_image"),
    ("images", "view_image"),
]
# Every permission of these apps, whatever models they gain (redirects: old
# addresses of articles).
EDITING_APPS = ("publishing", "images", "redirects")

ROLES: dict[str, list[tuple[str, str]] | None] = {
    CONTRIBUTORS: WRITING,
    MODERATORS: list(MODERATING),
    EDITORS: list(MODERATING),  # plus every permission of EDITING_APPS
    ADMINS: None,  # every permission
}


def sync_roles(apps=global_apps) -> None:
    """Create each role's group and give it exactly its permissions."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, listed in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        if listed is None:
            chosen = Permission.objects.all()
        else:
            chosen = Permission.objects.none()
            for app_label, codename in listed:
                chosen |= Permission.objects.filter(
                    content_type__app_label=app_label, codename=codename
                )
            if name == EDITORS:
                chosen |= Permission.objects.filter(
                    content_type__app_label__in=EDITING_APPS
                )
        group.permissions.set(chosen.distinct())


def sync_roles_after_migrate(sender, apps=global_apps, **kwargs) -> None:
    sync_roles(apps)
