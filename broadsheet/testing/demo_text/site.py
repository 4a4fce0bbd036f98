"""The outlet: its name, authors, sections, partners and appeal."""

from __future__ import annotations

SITE_NAME = "The Meridian Review"
SITE_TAGLINE = "Independent analysis from Lauremont, funded by its readers."

AUTHORS = [
    {
        "name": "Ilona Varga-Mestre",
        "slug": "ilona-varga-mestre",
        "bio": (
            "Ilona Varga-Mestre is a climate and environment journalist and analyst "
            "based in Castrel."
        ),
        "website": "https://example.com/ilona-varga-mestre",
    },
    {
        "name": "Tomas Arbel",
        "slug": "tomas-arbel",
        "bio": (
            "Tomas Arbel is an economics journalist and analyst who covers public "
            "finance and utilities."
        ),
        "website": "",
    },
    {
        "name": "Priya Castellan",
        "slug": "priya-castellan",
        "bio": (
            "Priya Castellan is a political journalist and analyst covering parliament "
            "and the regions."
        ),
        "website": "https://example.org/priya-castellan",
    },
    {
        "name": "Marguerite Solen",
        "slug": "marguerite-solen",
        "bio": "Marguerite Solen is a housing and cities journalist and analyst.",
        "website": "",
    },
    {
        "name": "Anselm Kaur-Brandt",
        "slug": "anselm-kaur-brandt",
        "bio": (
            "Anselm Kaur-Brandt is a culture journalist and critic writing about "
            "cities, film and everyday life."
        ),
        "website": "https://example.net/anselm-kaur-brandt",
    },
    {
        "name": "Dario Feltrin-Oyelaran",
        "slug": "dario-feltrin-oyelaran",
        "bio": (
            "Dario Feltrin-Oyelaran is a data journalist and analyst specialising in "
            "public records."
        ),
        "website": "",
    },
]

SECTIONS = [
    {
        "name": "Politics",
        "slug": "politics",
        "description": (
            "Parliament, parties, the regions and the institutions that are meant to "
            "hold power to account."
        ),
    },
    {
        "name": "Economy",
        "slug": "economy",
        "description": (
            "Wages, housing, public finances and the question of who pays for what."
        ),
    },
    {
        "name": "Climate",
        "slug": "climate",
        "description": "Water, energy, drought and the politics of a warming country.",
    },
    {
        "name": "Culture",
        "slug": "culture",
        "description": "Cities, cinema, books and the everyday life of Lauremont.",
    },
]

PARTNER_OUTLETS = [
    {
        "name": "The Castrel Ledger",
        "site_url": "https://example.net/castrel-ledger",
    },
    {
        "name": "The Northbank Dispatch",
        "site_url": "https://example.net/northbank-dispatch",
    },
    {
        "name": "Vesna Valley Voice",
        "site_url": "https://example.net/vesna-valley-voice",
    },
]

APPEAL = {
    "title": "Support independent media",
    "text": (
        "The Meridian Review is free to read and paid for by its readers. If you value "
        "reporting like this, please consider a monthly donation to the Meridian Free "
        "Press Foundation, the non-profit that publishes us."
    ),
    "button_label": "Support independent media",
    "organisation": "Meridian Free Press Foundation",
    "donation_url": "https://example.org/donate",
}
