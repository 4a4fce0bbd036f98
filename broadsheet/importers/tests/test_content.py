"""WordPress post HTML and comment HTML into our Markdown and plain text."""

from __future__ import annotations

from broadsheet.core.renderer import render_markdown
from broadsheet.importers.text import comment_text
from broadsheet.importers.wordpress.content import wordpress_markdown


def html_of(content: str) -> str:
    return render_markdown(wordpress_markdown(content).markdown).html


def test_classic_editor_line_breaks_become_paragraphs_and_breaks():
    html = html_of("First paragraph.\n\nSecond, line one\nline two.")
    assert "<p>First paragraph.</p>" in html
    assert "line one<br" in html and "line two.</p>" in html


def test_block_comments_go_and_blocks_stay():
    html = html_of(
        "<!-- wp:heading -->\n<h2>A subhead</h2>\n<!-- /wp:heading -->\n\n"
        "<!-- wp:list -->\n<ul><li>One</li><li>Two</li></ul>\n<!-- /wp:list -->"
    )
    assert "wp:" not in html
    assert "A subhead</h2>" in html
    assert "<li>One</li>" in html and "<li>Two</li>" in html


def test_pull_quote_blocks_become_our_pull_quotes():
    markdown = wordpress_markdown(
        '<figure class="wp-block-pullquote"><blockquote><p>Remember this.</p>'
        "<cite>A. Speaker</cite></blockquote></figure>"
    ).markdown
    assert markdown.startswith("> [!pullquote]\n> Remember this.")
    assert "A. Speaker" in markdown


def test_caption_shortcode_keeps_image_and_caption():
    converted = wordpress_markdown(
        '[caption id="x" align="alignleft" width="300"]<img src="https://old.'
        'example.org/a.jpg" alt="The pier" /> The pier at dawn[/caption]'
    )
    assert "![The pier](https://old.example.org/a.jpg)" in converted.markdown
    assert "*The pier at dawn*" in converted.markdown
    assert converted.images == [("https://old.example.org/a.jpg", "The pier")]


def test_gallery_and_other_media_shortcodes_are_dropped_and_named():
    converted = wordpress_markdown(
        'Before. [gallery ids="1,2"] [audio src="x.mp3"][/audio] After [sic].'
    )
    assert "gallery" not in converted.markdown and "audio" not in converted.markdown
    assert "[sic]" in converted.markdown
    assert sorted(converted.dropped) == ["audio", "gallery"]


def test_embeds_become_links():
    converted = wordpress_markdown("[embed]https://video.example.org/v/1[/embed]")
    assert "https://video.example.org/v/1" in converted.markdown


def test_comment_html_becomes_plain_text_with_links_kept():
    assert comment_text("Plain &amp; simple") == "Plain & simple"
    assert (
        comment_text(
            '<p>Read <a href="https://example.org/a">this</a>.</p><p>Then'
            "<br />that.</p>"
        )
        == "Read this (https://example.org/a).\n\nThen\nthat."
    )
    assert comment_text('<a href="https://example.org/">https://example.org/</a>') == (
        "https://example.org/"
    )
    assert comment_text('<a href="javascript:alert(1)">click</a>') == "click"
    assert comment_text("<script>x</script><b>bold</b>") == "bold"
