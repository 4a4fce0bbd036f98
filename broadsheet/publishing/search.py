"""Searching published articles: one interface, two engines.

SQLite (the embedded default) answers from an FTS5 table kept in step by the
services; PostgreSQL from its own full-text search over the same columns. Both
rank a match in the headline above one in the standfirst or byline, and those
above one in the body, and give a snippet with the matched words marked.

A reader's query is cut to words (letters and digits) before it reaches either
engine, so no character a reader types is query syntax.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.db import connection
from django.utils import timezone

from broadsheet.publishing.models import Article

MAX_WORDS = 12
MAX_WORD = 40
PER_PAGE = 10
# Marks around matched words in a snippet: characters no article contains.
START, STOP = "\x02", "\x03"
WORD = re.compile(r"\w+", re.UNICODE)


def words_of(query: str) -> list[str]:
    """The words of a reader's query, at most MAX_WORDS of at most MAX_WORD."""
    return [word[:MAX_WORD] for word in WORD.findall(query[:2000])][:MAX_WORDS]


@dataclass(frozen=True)
class Piece:
    text: str
    is_match: bool


@dataclass
class Result:
    article: Article
    headline: list[Piece]
    snippet: list[Piece]


@dataclass
class Results:
    words: list[str]
    results: list[Result] = field(default_factory=list)
    total: int = 0
    page: int = 1

    @property
    def has_next(self) -> bool:
        return self.page * PER_PAGE < self.total


def pieces(marked: str) -> list[Piece]:
    """Split engine output with START/STOP marks into plain and matched pieces
    (rendered by the template, which escapes each)."""
    found = []
    for part in re.split(f"({START}[^{STOP}]*{STOP})", marked):
        if part.startswith(START):
            found.append(Piece(part[1:-1], True))
        elif part:
            found.append(Piece(part, False))
    return found


def search_articles(query: str, *, page: int = 1) -> Results:
    """Published articles matching every word of the query, best first."""
    words = words_of(query)
    results = Results(words=words, page=max(1, page))
    if not words:
        return results
    engine = _postgresql if connection.vendor == "postgresql" else _sqlite
    rows, results.total = engine(words, offset=(results.page - 1) * PER_PAGE)
    articles = Article.objects.with_bylines().in_bulk([pk for pk, _, _ in rows])
    results.results = [
        Result(articles[pk], pieces(headline), pieces(snippet))
        for pk, headline, snippet in rows
        if pk in articles
    ]
    return results


# -- keeping the index -------------------------------------------------------------

FTS_TABLE = "publishing_article_fts"


def index_article(article: Article) -> None:
    """Bring the article's search entry up to date (SQLite's FTS5 table; on
    PostgreSQL the columns themselves are searched)."""
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [article.pk])  # noqa: S608
        cursor.execute(
            f"INSERT INTO {FTS_TABLE} (rowid, headline, standfirst, authors, body) "  # noqa: S608
            "VALUES (%s, %s, %s, %s, %s)",
            [
                article.pk,
                article.headline,
                article.standfirst,
                article.byline_names,
                article.body_text,
            ],
        )


def _sqlite(words: list[str], *, offset: int) -> tuple[list, int]:
    match = " ".join('"' + word.replace('"', "") + '"' for word in words)
    published = [Article.Status.PUBLISHED, timezone.now()]
    where = f"{FTS_TABLE} MATCH %s AND a.status = %s AND a.published_at <= %s"
    joined = f"FROM {FTS_TABLE} f JOIN publishing_article a ON a.id = f.rowid"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) {joined} WHERE {where}", [match, *published])  # noqa: S608
        (total,) = cursor.fetchone()
        cursor.execute(
            f"SELECT f.rowid, highlight({FTS_TABLE}, 0, %s, %s), "  # noqa: S608
            f"snippet({FTS_TABLE}, 3, %s, %s, '…', 24) "
            f"{joined} WHERE {where} "
            # Weights by column: headline, standfirst, authors, body.
            f"ORDER BY bm25({FTS_TABLE}, 10.0, 4.0, 4.0, 1.0), a.published_at DESC "
            "LIMIT %s OFFSET %s",
            [START, STOP, START, STOP, match, *published, PER_PAGE, offset],
        )
        return cursor.fetchall(), total


def _postgresql(words: list[str], *, offset: int) -> tuple[list, int]:
    from django.contrib.postgres.search import (
        SearchHeadline,
        SearchQuery,
        SearchRank,
        SearchVector,
    )

    config = "simple"
    query = SearchQuery(" ".join(words), search_type="plain", config=config)
    vector = (
        SearchVector("headline", weight="A", config=config)
        + SearchVector("standfirst", weight="B", config=config)
        + SearchVector("byline_names", weight="B", config=config)
        + SearchVector("body_text", weight="D", config=config)
    )
    marks = {"start_sel": START, "stop_sel": STOP, "config": config}
    matches = Article.objects.published().annotate(vector=vector).filter(vector=query)
    total = matches.count()
    rows = (
        matches.annotate(
            rank=SearchRank(vector, query, weights=[0.1, 0.2, 0.4, 1.0]),
            marked_headline=SearchHeadline(
                "headline", query, highlight_all=True, **marks
            ),
            snippet=SearchHeadline(
                "body_text", query, max_words=30, min_words=12, **marks
            ),
        )
        .order_by("-rank", "-published_at")
        .values_list("pk", "marked_headline", "snippet")[offset : offset + PER_PAGE]
    )
    return list(rows), total
