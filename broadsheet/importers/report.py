"""What an import did, or would do: counts by kind and outcome, the reasons for
everything not imported, and a progress line on a terminal."""

from __future__ import annotations

import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import TextIO

OUTCOMES = ("imported", "updated", "unchanged", "conflict", "skipped", "broken")
KINDS = (
    "author",
    "section",
    "tag",
    "article",
    "page",
    "thread",
    "comment",
    "attachment",
    "account",
)


@dataclass
class Report:
    out: TextIO = sys.stderr
    progress: bool = False
    counts: Counter = field(default_factory=Counter)
    read: Counter = field(default_factory=Counter)
    notes: list[tuple[str, str, str, str]] = field(default_factory=list)
    started: float = field(default_factory=time.monotonic)
    shown: float = 0.0
    # How long the load's transaction held the site's write lock.
    load_seconds: float | None = None

    def tick(self, kind: str) -> None:
        """One record read from the file (for the progress line)."""
        self.read[kind] += 1
        if self.progress and time.monotonic() - self.shown > 0.25:
            self.show_progress()

    def show_progress(self, end: str = "") -> None:
        self.shown = time.monotonic()
        seconds = max(self.shown - self.started, 1e-6)
        items, comments = self.read["item"], self.read["comment"]
        self.out.write(
            f"\r  read {items:,} items, {comments:,} comments "
            f"({(items + comments) / seconds:,.0f}/s){end}"
        )
        self.out.flush()

    def phase(self, text: str) -> None:
        if self.progress:
            self.show_progress(end="\n")
            self.out.write(f"  {text}\n")
            self.out.flush()

    def count(self, kind: str, outcome: str, number: int = 1) -> None:
        self.counts[kind, outcome] += number

    def note(self, outcome: str, kind: str, name: str, reason: str) -> None:
        self.notes.append((outcome, kind, name, reason))

    def lines(self, *, dry_run: bool) -> list[str]:
        title = "Dry run: nothing was written. It would have" if dry_run else "Done"
        seconds = time.monotonic() - self.started
        lines = [f"{title} ({seconds:.1f} s):"]
        if self.load_seconds is not None:
            lines[0] = (
                f"{title} ({seconds:.1f} s, of which {self.load_seconds:.1f} s "
                "in the load's one transaction):"
            )
        for kind in KINDS:
            parts = [
                f"{self.counts[kind, outcome]:,} {outcome}"
                for outcome in (*OUTCOMES, "matched", "listed")
                if self.counts[kind, outcome]
            ]
            if parts:
                lines.append(f"  {kind + 's':<12} " + ", ".join(parts))
        other = self.counts["item", "skipped"] + self.counts["item", "broken"]
        if other:
            lines.append(
                f"  {'other items':<12} {self.counts['item', 'skipped']:,} skipped, "
                f"{self.counts['item', 'broken']:,} broken"
            )
        if self.notes:
            lines.append("Notes:")
            for outcome, kind, name, reason in self.notes:
                # "comment 300", not "comment comment 300".
                what = name if name.startswith(f"{kind} ") else f"{kind} {name}"
                lines.append(f"  {outcome:<9} {what}: {reason}")
        return lines
