"""Small WXR files the tests write themselves, from invented content."""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from django.db import connection

SHARED = Path(__file__).resolve().parents[3].parent / "shared" / "testdata"


@dataclass
class Comment:
    id: int
    content: str = "A reader's reply."
    parent: int = 0
    approved: str = "1"
    type: str = "comment"
    author: str = "Ona Reader"
    email: str = "ona@example.org"
    ip: str = "192.0.2.44"
    date: str = "2024-03-02 10:00:00"

    def xml(self) -> str:
        return f"""
    <wp:comment>
      <wp:comment_id>{self.id}</wp:comment_id>
      <wp:comment_author><![CDATA[{self.author}]]></wp:comment_author>
      <wp:comment_author_email><![CDATA[{self.email}]]></wp:comment_author_email>
      <wp:comment_author_url>https://ona.example.org/</wp:comment_author_url>
      <wp:comment_author_IP><![CDATA[{self.ip}]]></wp:comment_author_IP>
      <wp:comment_date>{self.date}</wp:comment_date>
      <wp:comment_date_gmt>{self.date}</wp:comment_date_gmt>
      <wp:comment_content><![CDATA[{self.content}]]></wp:comment_content>
      <wp:comment_approved><![CDATA[{self.approved}]]></wp:comment_approved>
      <wp:comment_type><![CDATA[{self.type}]]></wp:comment_type>
      <wp:comment_parent>{self.parent}</wp:comment_parent>
      <wp:comment_user_id>0</wp:comment_user_id>
    </wp:comment>"""


@dataclass
class Post:
    id: int
    title: str
    slug: str
    content: str = "<p>An invented paragraph about the river.</p>"
    type: str = "post"
    status: str = "publish"
    date: str = "2024-03-01 09:30:00"
    password: str = ""
    excerpt: str = ""
    creator: str = "mira"
    categories: list[tuple[str, str, str]] = field(
        default_factory=lambda: [("category", "town-hall", "Town hall")]
    )
    comments: list[Comment] = field(default_factory=list)
    link: str = ""

    def xml(self) -> str:
        year, month, day = self.date[:4], self.date[5:7], self.date[8:10]
        link = self.link or f"https://old.example.org/{year}/{month}/{day}/{self.slug}/"
        terms = "".join(
            f'\n    <category domain="{domain}" nicename="{nicename}">'
            f"<![CDATA[{name}]]></category>"
            for domain, nicename, name in self.categories
        )
        comments = "".join(comment.xml() for comment in self.comments)
        return f"""
  <item>
    <title>{escape(self.title)}</title>
    <link>{link}</link>
    <pubDate>Fri, 01 Mar 2024 09:30:00 +0000</pubDate>
    <dc:creator><![CDATA[{self.creator}]]></dc:creator>
    <guid isPermaLink="false">https://old.example.org/?p={self.id}</guid>
    <description></description>
    <content:encoded><![CDATA[{self.content}]]></content:encoded>
    <excerpt:encoded><![CDATA[{self.excerpt}]]></excerpt:encoded>
    <wp:post_id>{self.id}</wp:post_id>
    <wp:post_date><![CDATA[{self.date}]]></wp:post_date>
    <wp:post_date_gmt><![CDATA[{self.date}]]></wp:post_date_gmt>
    <wp:comment_status><![CDATA[open]]></wp:comment_status>
    <wp:post_name><![CDATA[{self.slug}]]></wp:post_name>
    <wp:status><![CDATA[{self.status}]]></wp:status>
    <wp:post_parent>0</wp:post_parent>
    <wp:menu_order>0</wp:menu_order>
    <wp:post_type><![CDATA[{self.type}]]></wp:post_type>
    <wp:post_password><![CDATA[{self.password}]]></wp:post_password>{terms}{comments}
  </item>"""


def wxr(posts: list[Post], *, scheme: str = "http", version: str = "1.2") -> str:
    ns = f"{scheme}://wordpress.org/export/{version}/"
    return f"""<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0"
  xmlns:excerpt="{ns}excerpt/"
  xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:wp="{ns}">
<channel>
  <title>The Old Ledger</title>
  <link>https://old.example.org</link>
  <wp:wxr_version>{version}</wp:wxr_version>
  <wp:base_site_url>https://old.example.org</wp:base_site_url>
  <wp:base_blog_url>https://old.example.org</wp:base_blog_url>
  <wp:author>
    <wp:author_login><![CDATA[mira]]></wp:author_login>
    <wp:author_email><![CDATA[mira@example.org]]></wp:author_email>
    <wp:author_display_name><![CDATA[Mira Okafor]]></wp:author_display_name>
    <wp:author_description><![CDATA[Writes about the town.]]></wp:author_description>
  </wp:author>
  <wp:category>
    <wp:term_id>3</wp:term_id>
    <wp:category_nicename><![CDATA[town-hall]]></wp:category_nicename>
    <wp:category_parent><![CDATA[]]></wp:category_parent>
    <wp:cat_name><![CDATA[Town hall]]></wp:cat_name>
  </wp:category>
  <wp:tag>
    <wp:term_id>4</wp:term_id>
    <wp:tag_slug><![CDATA[budget]]></wp:tag_slug>
    <wp:tag_name><![CDATA[Budget]]></wp:tag_name>
  </wp:tag>
{"".join(post.xml() for post in posts)}
</channel>
</rss>
"""


def write(tmp_path: Path, text: str, name: str = "export.xml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def table_checksums() -> dict[str, str]:
    """A digest of every row of every table: equal before and after means the
    import wrote nothing."""
    sums = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            if table.startswith(("sqlite_", "publishing_article_fts")):
                continue
            cursor.execute(f'SELECT * FROM "{table}" ORDER BY 1')  # noqa: S608
            digest = hashlib.sha256()
            for row in cursor.fetchall():
                digest.update(repr(row).encode())
            sums[table] = digest.hexdigest()
    return sums


WORDS = (
    "council river budget ferry quarry harbour bridge school clinic market "
    "tender vote ward mayor levy bus depot library garden tram festival drought "
    "water reservoir pipeline contractor audit survey committee petition"
).split()
COMMENTS_PER_POST = 36


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text.capitalize() + "."


def post_body(rng: random.Random) -> str:
    parts = []
    for index in range(6):
        if index == 3:
            parts.append(f"<h2>{sentence(rng, 4)}</h2>")
        if index == 4:
            parts.append(f"<blockquote><p>{sentence(rng, 12)}</p></blockquote>")
        link = f' <a href="https://example.org/{rng.choice(WORDS)}">more</a>'
        parts.append(f"<p>{sentence(rng, 30)} {sentence(rng, 20)}{link}</p>")
    return "\n\n".join(parts)


def comments_for(rng: random.Random, post_id: int, count: int) -> list[Comment]:
    comments: list[Comment] = []
    for number in range(count):
        comment_id = post_id * 1000 + number
        parent = rng.choice(comments).id if comments and rng.random() < 0.5 else 0
        approved = rng.choices(["1", "0", "spam"], weights=[94, 4, 2])[0]
        comments.append(
            Comment(
                comment_id,
                content=f"{sentence(rng, 25)}\n\n{sentence(rng, 12)}",
                parent=parent,
                approved=approved,
                author=f"Reader {rng.randrange(5000)}",
                email=f"reader{rng.randrange(5000)}@example.org",
                ip=f"192.0.2.{rng.randrange(256)}",
                date=f"2024-{1 + post_id % 12:02d}-{1 + number % 28:02d} 12:00:00",
            )
        )
    return comments


def generated_export(
    path: Path, posts_wanted: int, comments_per_post: int = COMMENTS_PER_POST
) -> tuple[int, int]:
    """Write an export of invented posts, each with threaded comments (a few
    held or spam); returns the numbers of posts and comments."""
    rng = random.Random(posts_wanted)
    head, tail = wxr([]).split("\n</channel>")
    comments = 0
    with path.open("w", encoding="utf-8") as out:
        out.write(head)
        for number in range(1, posts_wanted + 1):
            post_comments = comments_for(rng, number, comments_per_post)
            comments += len(post_comments)
            month, day = 1 + number % 12, 1 + number % 28
            post = Post(
                number,
                f"{sentence(rng, 6)[:-1]} {number}",
                f"generated-{number}",
                content=post_body(rng),
                date=f"2024-{month:02d}-{day:02d} 09:00:00",
                comments=post_comments,
            )
            out.write(post.xml())
        out.write("\n</channel>" + tail)
    return posts_wanted, comments


def disqus_export(threads: list[dict], posts: list[dict]) -> str:
    """A Disqus export: threads (dsq_id, id, link, title) and posts (dsq_id,
    thread, parent, message, spam, deleted, name, email)."""
    thread_xml = "".join(
        f"""
  <thread dsq:id="{thread["dsq_id"]}">
    <id>{escape(thread.get("id", ""))}</id>
    <forum>oldledger</forum>
    <link>{escape(thread["link"])}</link>
    <title>{escape(thread.get("title", "A page"))}</title>
    <createdAt>2024-03-01T09:30:00Z</createdAt>
    <author><name>Mira</name><isAnonymous>false</isAnonymous></author>
    <isClosed>false</isClosed><isDeleted>false</isDeleted>
  </thread>"""
        for thread in threads
    )
    post_xml = "".join(
        f"""
  <post dsq:id="{post["dsq_id"]}">
    <message><![CDATA[{post.get("message", "<p>A reader's view.</p>")}]]></message>
    <createdAt>{post.get("created", "2024-03-02T10:00:00Z")}</createdAt>
    <isDeleted>{str(post.get("deleted", False)).lower()}</isDeleted>
    <isSpam>{str(post.get("spam", False)).lower()}</isSpam>
    <author>
      <email>{post.get("email", "reader@example.org")}</email>
      <name>{escape(post.get("name", "Tomas Reader"))}</name>
      <isAnonymous>false</isAnonymous>
    </author>
    <ipAddress>198.51.100.7</ipAddress>
    <thread dsq:id="{post["thread"]}" />"""
        + (f'\n    <parent dsq:id="{post["parent"]}" />' if post.get("parent") else "")
        + "\n  </post>"
        for post in posts
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<disqus xmlns="http://disqus.com"
        xmlns:dsq="http://disqus.com/disqus-internals"
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <category dsq:id="1"><forum>oldledger</forum><title>General</title>
    <isDefault>true</isDefault></category>{thread_xml}{post_xml}
</disqus>
"""
