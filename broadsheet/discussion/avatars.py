"""Avatars drawn locally from a keyed hash of the e-mail: no Gravatar, no request.

The hash is Django's `salted_hmac` keyed by the site's secret key, so every process
and machine of one site draws the same picture, while nobody can recover or even
compare the address from it. Only the drawing reaches the HTML, never the hash.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.crypto import salted_hmac

SALT = "broadsheet.discussion.email"
GRID = 5
# Muted, readable hues on the page's light background.
HUES = (4, 24, 38, 88, 140, 170, 195, 215, 250, 280, 310, 335)


def email_hmac(email: str) -> str:
    return salted_hmac(SALT, email.strip().lower(), algorithm="sha256").hexdigest()


@dataclass(frozen=True)
class Avatar:
    colour: str
    path: str


def avatar_for(hmac_hex: str) -> Avatar:
    """A symmetric 5×5 pattern and a colour derived from the commenter's HMAC."""
    bits = int(hmac_hex[:16], 16)
    hue = HUES[int(hmac_hex[16:18], 16) % len(HUES)]
    colour = f"hsl({hue} 45% 38%)"
    half = (GRID + 1) // 2
    cells = [
        [bool(bits >> (row * half + col) & 1) for col in range(half)]
        for row in range(GRID)
    ]
    commands = []
    for col in range(GRID):
        source = col if col < half else GRID - 1 - col
        row = 0
        while row < GRID:
            if cells[row][source]:
                start = row
                while row < GRID and cells[row][source]:
                    row += 1
                commands.append(f"M{col} {start}h1v{row - start}h-1z")
            else:
                row += 1
    return Avatar(colour=colour, path="".join(commands) or "M2 2h1v1h-1z")
