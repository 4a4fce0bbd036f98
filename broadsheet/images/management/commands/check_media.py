"""`broadsheet check_media`: find image files that are not whole, and the
pictures to upload again."""

from __future__ import annotations

import sys

from django.core.management.base import BaseCommand
from django.urls import reverse

from broadsheet.images.files import Problem, find_problems, remove_file


class Command(BaseCommand):
    help = (
        "Read and decode every file under media/images and list those that are "
        "not whole pictures (cut short by a full disk or a crash under an older "
        "Broadsheet, or temporaries an interrupted write left), and the files "
        "images need that are missing, with the picture to upload again for "
        "each. Exits 1 while an image needs a file it lacks."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--remove",
            action="store_true",
            help="remove the damaged and left-over files (a damaged file is "
            "then answered 404 instead of a broken picture, until its picture "
            "is uploaded again)",
        )

    def handle(self, *args, remove: bool, **options) -> None:
        findings = find_problems()
        to_upload = {}
        for finding in findings:
            self.stdout.write(f"{finding.name}: {finding.problem}")
            if remove and finding.problem is not Problem.MISSING:
                remove_file(finding.name)
                self.stdout.write(f"  removed {finding.name}")
            if finding.image is not None:
                to_upload[finding.image.pk] = finding.image
        for image in to_upload.values():
            change = reverse("admin:images_image_change", args=[image.pk])
            self.stdout.write(
                f"Upload the picture “{image.alt_text}” ({change}) again under "
                "Images › Add: its files are written anew, its address stays."
            )
        if not findings:
            self.stdout.write("Every image file is whole.")
        if to_upload:
            sys.exit(1)
