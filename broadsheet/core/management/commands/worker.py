"""`broadsheet worker`: django-tasks-db's worker, with the recurring jobs queued."""

from django_tasks_db.management.commands.db_worker import Command as DBWorkerCommand

from broadsheet.core.recurring import schedule_recurring


class Command(DBWorkerCommand):
    help = (
        "Run the background worker: mail, scheduled work and the recurring jobs "
        "(hourly digest, time-driven purges), queued in the database."
    )

    def handle(self, *args, **options) -> None:
        schedule_recurring()
        super().handle(*args, **options)
