"""The Moderators group and what it may do (also made by migration 0005)."""

from django.contrib.auth.models import Group, Permission

PERMISSIONS = [
    ("discussion", "change_comment"),
    ("discussion", "view_comment"),
    ("moderation", "change_moderationpolicy"),
    ("moderation", "view_moderationpolicy"),
    ("moderation", "add_ban"),
    ("moderation", "change_ban"),
    ("moderation", "view_ban"),
    ("moderation", "view_auditentry"),
    ("moderation", "add_articlepolicy"),
    ("moderation", "change_articlepolicy"),
    ("moderation", "delete_articlepolicy"),
    ("moderation", "view_articlepolicy"),
]


def ensure_moderators_group() -> Group:
    """The Moderators group with its permissions, made if missing."""
    group, _ = Group.objects.get_or_create(name="Moderators")
    for app_label, codename in PERMISSIONS:
        permission = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if permission is not None:
            group.permissions.add(permission)
    return group
