"""A reader's walk through the demo site in Debian's Chromium."""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request

import pytest

pytestmark = pytest.mark.browser

PARTS = [
    ".article h1",
    ".article .standfirst",
    ".article .byline",
    ".article-body",
    ".article-footer .author-bio",
    ".provenance",
    ".article-footer .appeal",
    ".disclaimer",
    "#comments-title",
    ".comment-list",
    "#respond",
]


def open_reference_article(page, server):
    page.goto(server.url + "/")
    page.get_by_role("link", name=re.compile("reservoirs are running dry")).click()
    page.wait_for_selector("#comments")


def test_demo_article_shows_the_nine_parts_in_order(browser, demo_server, artifacts):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    open_reference_article(page, demo_server)
    tops = [
        page.locator(selector).first.evaluate("e => e.getBoundingClientRect().top")
        for selector in PARTS
    ]
    assert tops == sorted(tops), dict(zip(PARTS, tops, strict=True))
    assert page.locator(".byline a[rel=author]").count() == 2
    assert page.locator(".article-body h2").count() == 5
    assert page.locator(".article-body blockquote").count() == 1
    assert page.locator(".article-body aside.pull-quote").count() == 1
    fourth = page.locator(".article-body > p").nth(3)
    assert fourth.evaluate("e => e.nextElementSibling.className") == "appeal"
    assert page.locator(".appeal").count() == 2
    assert page.locator(".provenance").inner_text().startswith("Via The Castrel Ledger")
    headline = page.locator("h1").inner_text()
    assert page.locator("#comments-title").inner_text() == (
        f"100 responses to “{headline}”"
    )
    assert page.locator(".comment").count() == 100
    depths = page.locator(".comment").evaluate_all(
        "els => els.map(e => { let d = 0; for (let n = e; n; n = n.parentElement"
        ".closest('.comment')) d++; return d; })"
    )
    assert max(depths) == 4
    assert 40 <= depths.count(1) <= 60
    page.screenshot(path=artifacts / "article-390.png", full_page=False)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.screenshot(path=artifacts / "article-1280.png", full_page=False)
    page.close()


def test_republished_canonical_points_at_the_original(browser, demo_server):
    page = browser.new_page()
    open_reference_article(page, demo_server)
    canonical = page.locator("link[rel=canonical]").get_attribute("href")
    assert canonical == page.locator(".provenance a").get_attribute("href")
    assert canonical.startswith("https://") and "127.0.0.1" not in canonical
    page.close()


def post_comment(page, body: str, name: str = "Ada Reyes") -> None:
    page.fill("#id_body", body)
    page.fill("#id_name", name)
    page.fill("#id_email", "ada.reyes@example.org")
    page.click("button[type=submit]")
    page.wait_for_load_state()


@pytest.mark.parametrize("javascript", [False, True], ids=["js-off", "js-on"])
def test_a_comment_and_a_reply_appear_under_the_right_parent(
    browser, demo_server, artifacts, javascript
):
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    open_reference_article(page, demo_server)
    word = "javascript" if javascript else "plain"
    post_comment(page, f"A new top-level thought, posted with {word} HTML.")
    match = re.search(r"#comment-(\d+)$", page.url)
    assert match, page.url
    top = page.locator(f"#comment-{match.group(1)}")
    assert top.locator(".comment-body").inner_text().startswith("A new top-level")
    assert top.evaluate("e => e.parentElement.classList.contains('comment-list')")

    top.locator("a.reply").first.click()
    if javascript:
        # The form moved under the comment without a page load.
        assert top.locator("#respond").count() == 1
        assert page.locator("#respond-title").inner_text() == "Reply to Ada Reyes"
    else:
        assert "replyto=" in page.url
        assert page.locator("#respond-title").inner_text() == "Reply to Ada Reyes"
    post_comment(page, f"And a reply to it ({word}).", name="Bruno Sala")
    reply_id = re.search(r"#comment-(\d+)$", page.url).group(1)
    reply = page.locator(f"#comment-{reply_id}")
    parent_id = reply.evaluate("e => e.parentElement.closest('.comment').id")
    assert parent_id == f"comment-{match.group(1)}"
    reply.scroll_into_view_if_needed()
    page.screenshot(path=artifacts / f"reply-{word}.png")
    context.close()


def test_appeal_clicks_from_two_clients_are_counted_and_land_on_the_donation_page(
    browser, demo_server
):
    landed = []
    for _ in range(2):
        context = browser.new_context()
        page = context.new_page()
        open_reference_article(page, demo_server)
        # The donation page is on the internet, which this machine cannot reach:
        # the browser's request for it is the proof of landing.
        with page.expect_request(lambda r: "/support/" not in r.url) as donation:
            with page.expect_response(lambda r: "/support/" in r.url) as counted:
                page.locator(".article-footer .appeal-button").click()
        assert counted.value.status == 302
        landed.append(donation.value.url)
        context.close()
    donation = demo_server.manage(
        "shell",
        "-c",
        "import json; from broadsheet.publishing.models import Appeal, AppealClick;"
        "a = Appeal.objects.get(is_default=True);"
        "total = sum(c.count for c in AppealClick.objects.all());"
        "print(json.dumps([a.donation_url, total]))",
    )
    url, clicks = json.loads(donation.stdout.strip().splitlines()[-1])
    assert landed == [url, url]
    assert clicks == 2


def test_a_cross_site_post_is_forbidden(demo_server):
    request = urllib.request.Request(
        demo_server.url + "/comments/post/",
        data=b"article=1&name=x&email=x%40example.org&body=hello",
        headers={"Origin": "https://attacker.example.com"},
        method="POST",
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 403
