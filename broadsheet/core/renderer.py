"""The one renderer for bodies: text in, sanitised HTML out, run at save, never at read.

Articles are Markdown (markdown-it-py, CommonMark with raw HTML off); comments are
plain text with paragraphs and auto-linked addresses (Django's `urlize`). Both go
through nh3 with an explicit allow-list, so nothing a writer types can reach the
page as markup we did not choose.

Pull quotes are block quotes whose first line is the marker `[!pullquote]`:

    > [!pullquote]
    > The line to set in large type beside the text.

They render as `<aside class="pull-quote">`; elsewhere (a feed reader, GitHub) the
same Markdown still reads as an ordinary quote.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

import nh3
from django.utils.html import escape, linebreaks, urlize
from markdown_it import MarkdownIt
from markdown_it.token import Token

PULL_QUOTE_MARKER = "[!pullquote]"

ARTICLE_TAGS = {
    "p", "br", "h2", "h3", "h4", "h5", "h6", "blockquote", "aside", "ul", "ol",
    "li", "a", "em", "strong", "code", "pre", "hr", "table", "thead", "tbody",
    "tr", "th", "td", "del", "sup", "sub", "img",
}  # fmt: skip
IMAGE_SIZES = "(max-width: 48rem) 100vw, 45rem"
ARTICLE_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "srcset", "sizes", "width", "height", "loading"},
    "ol": {"start"},
    "th": {"style"},
    "td": {"style"},
}
ARTICLE_CLASSES = {"aside": {"pull-quote"}}
URL_SCHEMES = {"http", "https", "mailto"}

COMMENT_TAGS = {"p", "br", "a"}
COMMENT_REL = "nofollow ugc"
# What urlize could make a link of: a scheme, www., an e-mail, or a bare domain
# in one of the endings it knows. Text with none of them skips urlize, which is
# three quarters of a comment's rendering time, for the same output.
LINKISH = re.compile(r"://|www\.|@|\.(?:com|edu|gov|int|mil|net|org)\b", re.IGNORECASE)

_markdown = MarkdownIt("commonmark", {"html": False, "typographer": True}).enable(
    ["table", "strikethrough", "replacements", "smartquotes"]
)


@dataclass(frozen=True)
class RenderedBody:
    """Sanitised HTML, and where each top-level paragraph ends (for the appeal)."""

    html: str
    paragraph_ends: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class ShownImage:
    """How to show an image the site stores: what an image resolver returns."""

    src: str
    srcset: str
    width: int
    height: int


ImageResolver = Callable[[str], "ShownImage | None"]


def render_markdown(text: str, *, images: ImageResolver | None = None) -> RenderedBody:
    """Render an article body; top-level blocks are sanitised one by one.

    `images` says how to show an image address (the images app answers for the
    ones it stores); any other image is left out, its description kept as text,
    since the site loads nothing from elsewhere."""
    tokens = _markdown.parse(text or "")
    _show_images(tokens, images)
    _make_pull_quotes(tokens)
    _demote_top_headings(tokens)
    chunks: list[str] = []
    paragraph_ends: list[int] = []
    length = 0
    for block in _top_level_blocks(tokens):
        html = _markdown.renderer.render(block, _markdown.options, {})
        clean = nh3.clean(
            html,
            tags=ARTICLE_TAGS,
            attributes=ARTICLE_ATTRIBUTES,
            allowed_classes=ARTICLE_CLASSES,
            url_schemes=URL_SCHEMES,
            link_rel=None,
            filter_style_properties={"text-align"},
        ).strip()
        if not clean:
            continue
        chunks.append(clean)
        length += len(clean) + 1
        if block[0].type == "paragraph_open":
            paragraph_ends.append(length - 1)
    return RenderedBody(html="\n".join(chunks), paragraph_ends=paragraph_ends)


def render_plain_text(text: str, *, own_origins: tuple[str, ...] = ()) -> str:
    """Render a reader's plain text: paragraphs, line breaks, links as nofollow ugc.

    Links to our own origins are kept relative, so no absolute address of the site
    is stored and a move to a new domain breaks nothing.
    """
    text = text.strip()
    linked = (
        urlize(text, nofollow=True, autoescape=True)
        if LINKISH.search(text)
        else escape(text)
    )
    html = linebreaks(linked)
    html = nh3.clean(
        html,
        tags=COMMENT_TAGS,
        attributes={"a": {"href"}},
        url_schemes={"http", "https"},
        link_rel=COMMENT_REL,
    )
    for origin in own_origins:
        html = html.replace(f'href="{origin}"', 'href="/"').replace(
            f">{origin}<", ">/<"
        )
        html = re.sub(re.escape(origin) + r"(?=/)", "", html)
    return html


def _top_level_blocks(tokens: list[Token]) -> list[list[Token]]:
    blocks: list[list[Token]] = []
    current: list[Token] = []
    depth = 0
    for token in tokens:
        current.append(token)
        depth += token.nesting
        if depth == 0:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _make_pull_quotes(tokens: list[Token]) -> None:
    """Turn `> [!pullquote]` quotes into asides, dropping the marker."""
    for index, token in enumerate(tokens):
        if token.type != "blockquote_open" or token.level != 0:
            continue
        inline = next(
            (t for t in tokens[index + 1 :] if t.type == "inline"),
            None,
        )
        if inline is None or not inline.content.lstrip().startswith(PULL_QUOTE_MARKER):
            continue
        _strip_marker(inline)
        if not inline.content:
            # The marker stood alone in its paragraph: drop that empty paragraph.
            position = tokens.index(inline)
            for hidden in tokens[position - 1 : position + 2]:
                hidden.hidden = True
        closing = _matching_close(tokens, index)
        for end in (token, tokens[closing]):
            end.tag = "aside"
        token.attrSet("class", "pull-quote")


def _strip_marker(inline: Token) -> None:
    inline.content = inline.content.lstrip().removeprefix(PULL_QUOTE_MARKER).lstrip()
    children = inline.children or []
    while children and children[0].type in {"text", "softbreak", "hardbreak"}:
        first = children[0]
        if first.type == "text":
            rest = first.content.lstrip().removeprefix(PULL_QUOTE_MARKER).lstrip()
            if rest:
                first.content = rest
                break
        children.pop(0)
        if first.type != "text":
            break
    inline.children = children


def _matching_close(tokens: list[Token], start: int) -> int:
    depth = 0
    for index in range(start, len(tokens)):
        depth += tokens[index].nesting
        if depth == 0:
            return index
    return len(tokens) - 1


def _show_images(tokens: list[Token], images: ImageResolver | None) -> None:
    for inline in tokens:
        for child in inline.children or []:
            if child.type != "image":
                continue
            shown = images(child.attrGet("src") or "") if images else None
            if shown is None:
                child.type, child.tag = "text", ""
                child.content = "".join(c.content for c in child.children or [])
                child.children, child.attrs = None, {}
                continue
            child.attrSet("src", shown.src)
            child.attrSet("srcset", shown.srcset)
            child.attrSet("sizes", IMAGE_SIZES)
            child.attrSet("width", str(shown.width))
            child.attrSet("height", str(shown.height))
            child.attrSet("loading", "lazy")


def _demote_top_headings(tokens: list[Token]) -> None:
    """The page's only h1 is the headline; a `#` heading in a body becomes an h2."""
    for token in tokens:
        if token.type in {"heading_open", "heading_close"} and token.tag == "h1":
            token.tag = "h2"
