from django.db import migrations


def create_roles(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    from broadsheet.staff.roles import sync_roles

    # Permissions are made after all migrations; the roles need them now.
    for config in apps.get_app_configs():
        config.models_module = True
        create_permissions(config, apps=apps, verbosity=0)
        config.models_module = None
    sync_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("publishing", "0002_article_owner_and_permissions"),
        ("moderation", "0007_mail_preferences"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
