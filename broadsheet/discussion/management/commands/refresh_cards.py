from django.core.management.base import BaseCommand

from broadsheet.discussion.cards import card_version, refresh_card
from broadsheet.discussion.models import Comment

BATCH = 500


class Command(BaseCommand):
    help = (
        "Render again the comment cards made by another version of the template, "
        "renderer, time zone or language. `broadsheet serve` runs it on start."
    )

    def handle(self, *args, **options) -> None:
        outdated = Comment.objects.exclude(card_version=card_version())
        done = 0
        while True:
            batch = list(outdated.order_by("pk")[:BATCH])
            if not batch:
                break
            for comment in batch:
                refresh_card(comment)
            Comment.objects.bulk_update(batch, ["card_html", "card_version"])
            done += len(batch)
        if done and options["verbosity"]:
            self.stdout.write(f"Rendered {done} comment cards again.")
