from django.core.management.base import BaseCommand

from broadsheet.discussion.cards import refresh_outdated_cards


class Command(BaseCommand):
    help = (
        "Render again the comment cards made by another version of the template, "
        "renderer, time zone or language. `broadsheet serve` runs it on start."
    )

    def handle(self, *args, **options) -> None:
        done = refresh_outdated_cards()
        if done and options["verbosity"]:
            self.stdout.write(f"Rendered {done} comment cards again.")
