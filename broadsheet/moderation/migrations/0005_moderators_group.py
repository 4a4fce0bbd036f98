from django.db import migrations

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
    ("moderation", "view_articlepolicy"),
]


def create_group(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    for config in apps.get_app_configs():
        config.models_module = True
        create_permissions(config, apps=apps, verbosity=0)
        config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Moderators")
    for app_label, codename in PERMISSIONS:
        permission = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if permission is not None:
            group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0004_audit"),
        ("discussion", "0003_comment_reasons"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, migrations.RunPython.noop)]
