"""WordPress post HTML turned into our Markdown, so an imported piece edits like
any other and is rendered by the one renderer.

WordPress stores classic-editor posts with bare line breaks for paragraphs
(its `wpautop` adds the <p> on display), wraps blocks in <!-- wp:… --> comments
and puts shortcodes in brackets. These rules undo that; markdownify does the
HTML-to-Markdown conversion itself.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from markdownify import MarkdownConverter

BLOCK_COMMENT = re.compile(r"<!--\s*/?wp:.*?-->", re.DOTALL)
BLOCK_START = re.compile(
    r"^\s*<(/?)(h[1-6]|p|ul|ol|li|blockquote|pre|table|thead|tbody|tr|td|th|figure|"
    r"figcaption|div|hr|dl|dd|dt|address|section|article|aside|details|summary|"
    r"form|fieldset|iframe|audio|video|object|embed|hr|nav|header|footer|style|"
    r"script|noscript)\b",
    re.IGNORECASE,
)
PARAGRAPHS = re.compile(r"\n\s*\n")
CAPTION = re.compile(
    r"\[(?:wp_)?caption(?P<attrs>[^\]]*)\](?P<body>.*?)\[/(?:wp_)?caption\]",
    re.DOTALL | re.IGNORECASE,
)
CAPTION_IMAGE = re.compile(r"^\s*(?P<image>(?:<a [^>]*>)?\s*<img [^>]*>\s*(?:</a>)?)")
EMBED = re.compile(r"\[embed[^\]]*\](?P<url>.*?)\[/embed\]", re.DOTALL | re.IGNORECASE)
# WordPress core's shortcodes and the commonest plugins'; other text in brackets
# ("[sic]", "[1]") is the author's own and stays.
SHORTCODE_NAMES = (
    "gallery|audio|video|playlist|code|sourcecode|source|youtube|vimeo|tweet|"
    "contact-form|contact-field|wpvideo|googlemaps|soundcloud|spotify|instagram|"
    "column|one_half|one_third|two_thirds|button|box|quote|pullquote|footnote|"
    "ref|mla_gallery|slideshow|polldaddy|archives|sitemap"
)
SHORTCODE_PAIR = re.compile(
    rf"\[(?P<name>{SHORTCODE_NAMES})\b[^\]]*\](?P<body>.*?)\[/(?P=name)\]",
    re.DOTALL | re.IGNORECASE,
)
SHORTCODE_SINGLE = re.compile(
    rf"\[(?P<name>{SHORTCODE_NAMES})\b[^\]]*/?\]", re.IGNORECASE
)
DROPPED_WITH_CONTENT = {"gallery", "playlist", "contact-form", "polldaddy", "slideshow"}
BLANK_LINES = re.compile(r"\n{3,}")


@dataclass
class Converted:
    markdown: str
    # Shortcodes that had nothing to become (a gallery, a contact form).
    dropped: list[str] = field(default_factory=list)
    # The images the post shows: (address, alt text).
    images: list[tuple[str, str]] = field(default_factory=list)


class Converter(MarkdownConverter):
    """markdownify with our choices: ATX headings, '-' bullets, pull quotes in our
    form, embeds as links, captions as a line under the image."""

    def __init__(self, **options) -> None:
        super().__init__(
            heading_style="ATX",
            bullets="-",
            escape_underscores=False,
            newline_style="backslash",
            strip=["script", "style", "noscript", "form", "input", "select", "button"],
            **options,
        )
        self.images: list[tuple[str, str]] = []

    def convert_img(self, el, text, parent_tags):
        src = el.attrs.get("src") or ""
        if src:
            self.images.append((src, el.attrs.get("alt") or ""))
        return super().convert_img(el, text, parent_tags)

    def convert_figure(self, el, text, parent_tags):
        if "wp-block-pullquote" in (el.attrs.get("class") or []):
            quote = text.strip().removeprefix(">").lstrip()
            return "\n\n> [!pullquote]\n> " + quote + "\n\n"
        return "\n\n" + text.strip() + "\n\n"

    def convert_figcaption(self, el, text, parent_tags):
        caption = text.strip()
        return f"\n\n*{caption}*\n\n" if caption else ""

    def convert_cite(self, el, text, parent_tags):
        return f"\n\n— {text.strip()}\n\n" if text.strip() else ""

    def convert_iframe(self, el, text, parent_tags):
        src = el.attrs.get("src") or ""
        if not src.startswith(("http://", "https://")):
            return ""
        title = el.attrs.get("title") or src
        return f"\n\n[{title}]({src})\n\n"

    convert_embed = convert_iframe


def autop(text: str) -> str:
    """WordPress's wpautop, in short: text between blank lines that does not
    start with a block element is a paragraph, and its single line breaks are
    <br>s."""
    chunks = []
    for chunk in PARAGRAPHS.split(text):
        if not chunk.strip():
            continue
        if BLOCK_START.match(chunk):
            chunks.append(chunk)
        else:
            chunks.append("<p>" + chunk.strip().replace("\n", "<br>\n") + "</p>")
    return "\n\n".join(chunks)


def _caption(match: re.Match) -> str:
    body = match["body"].strip()
    image = CAPTION_IMAGE.match(body)
    if not image:
        return body
    caption = body[image.end() :].strip()
    return (
        f"\n\n<figure>{image['image']}<figcaption>{caption}</figcaption></figure>\n\n"
    )


def _embed(match: re.Match) -> str:
    url = html.unescape(match["url"]).strip()
    return f'\n\n<p><a href="{html.escape(url)}">{html.escape(url)}</a></p>\n\n'


def wordpress_markdown(content: str) -> Converted:
    """Our Markdown for a post's `content:encoded`."""
    dropped: list[str] = []

    def pair(match: re.Match) -> str:
        name = match["name"].lower()
        if name in DROPPED_WITH_CONTENT or not match["body"].strip():
            dropped.append(name)
            return ""
        return match["body"]

    def single(match: re.Match) -> str:
        dropped.append(match["name"].lower())
        return ""

    text = BLOCK_COMMENT.sub("", content.replace("\r\n", "\n"))
    text = CAPTION.sub(_caption, text)
    text = EMBED.sub(_embed, text)
    text = SHORTCODE_PAIR.sub(pair, text)
    text = SHORTCODE_SINGLE.sub(single, text)
    converter = Converter()
    markdown = converter.convert(autop(text))
    markdown = "\n".join(line.rstrip() for line in markdown.splitlines())
    return Converted(
        markdown=BLANK_LINES.sub("\n\n", markdown).strip() + "\n",
        dropped=dropped,
        images=converter.images,
    )
