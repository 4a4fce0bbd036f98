"""An editor, as a new user would: signs in, uploads a picture, writes an
article with it, previews it, schedules it, and sees it go live by itself."""

from __future__ import annotations

import io
import re
import time
from datetime import UTC, datetime, timedelta

import pytest

pytestmark = pytest.mark.browser

MAKE_EDITOR = """
from django.contrib.auth.models import Group
from django.contrib.auth import get_user_model
user = get_user_model().objects.create_user(
    "newsdesk", "newsdesk@example.org", "tide-tables-2026", is_staff=True)
user.groups.add(Group.objects.get(name="Editors"))
print("ok")
"""


def a_picture(path) -> None:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (1800, 1000), (28, 60, 92))
    draw = ImageDraw.Draw(image)
    for step in range(0, 1800, 120):
        draw.rectangle([step, 600, step + 60, 1000], fill=(200, 170, 90))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG")
    path.write_bytes(buffer.getvalue())


def test_an_editor_writes_previews_and_schedules_an_article_with_a_picture(
    browser, demo_server, artifacts, tmp_path
):
    made = demo_server.manage("shell", "-c", MAKE_EDITOR)
    assert made.returncode == 0, made.stderr
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.goto(demo_server.url + "/admin/")
    page.fill("#id_username", "newsdesk")
    page.fill("#id_password", "tide-tables-2026")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"/admin/$"))

    # A picture, with its description.
    picture = tmp_path / "harbour-at-dusk.jpg"
    a_picture(picture)
    page.goto(demo_server.url + "/admin/images/image/add/")
    page.set_input_files("#id_file", str(picture))
    page.fill("#id_alt_text", "Fishing boats moored in the harbour at dusk")
    page.fill("#id_credit", "Newsdesk")
    page.click("input[name=_continue]")
    markdown = page.locator(".field-markdown_line .readonly").inner_text().strip()
    assert markdown.startswith("![Fishing boats moored in the harbour at dusk](/media/")

    # The article, saved as a draft first.
    page.goto(demo_server.url + "/admin/publishing/article/add/")
    page.fill("#id_headline", "The harbour wall will not hold another winter")
    page.fill("#id_standfirst", "Engineers found the breakwater cracked in 14 places.")
    page.fill(
        "#id_body",
        "The survey was finished in October.\n\n"
        f"{markdown}\n\n"
        "## What the engineers found\n\nCracks, mostly below the waterline.",
    )
    page.select_option("#id_kind", "news")
    page.select_option("#id_bylines-0-author", label="Tomas Arbel")
    # A click does not wait for the page it submits to: the next page is.
    with page.expect_navigation():
        page.click("input[name=_continue]")
    assert page.locator(".messagelist .success").count() == 1
    page.screenshot(path=artifacts / "editor-article-form.png", full_page=True)

    # The preview shows the exact public page, picture included.
    with page.expect_popup() as opened:
        page.get_by_role("link", name="Preview").click()
    preview = opened.value
    preview.wait_for_load_state()
    assert "Preview" in preview.locator(".preview-note").inner_text()
    assert preview.locator("h1").inner_text() == (
        "The harbour wall will not hold another winter"
    )
    figure = preview.locator(".article-body img")
    assert figure.get_attribute("alt") == "Fishing boats moored in the harbour at dusk"
    assert "480w" in figure.get_attribute("srcset")
    assert preview.evaluate("document.querySelector('.article-body img').naturalWidth")
    preview.close()

    # Scheduled a few seconds ahead; nobody touches it after that.
    at = datetime.now(UTC) + timedelta(seconds=8)
    page.select_option("#id_status", "scheduled")
    page.fill("#id_published_at_0", at.strftime("%Y-%m-%d"))
    page.fill("#id_published_at_1", at.strftime("%H:%M:%S"))
    with page.expect_navigation():
        page.click("input[name=_continue]")
    errors = page.locator(".errorlist, .errornote").all_inner_texts()
    assert page.locator(".messagelist .success").count() == 1, errors
    assert page.locator("#id_status").input_value() == "scheduled"
    page.goto(demo_server.url + "/")
    assert "The harbour wall" not in page.locator("main").inner_text()

    reader = browser.new_page(viewport={"width": 390, "height": 844})
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        reader.goto(demo_server.url + "/")
        if "The harbour wall will not hold another winter" in reader.content():
            break
        time.sleep(1)
    else:
        pytest.fail("the scheduled article did not appear on the home page in 60 s")
    reader.get_by_role(
        "link", name="The harbour wall will not hold another winter"
    ).click()
    image = reader.locator(".article-body img")
    image.scroll_into_view_if_needed()
    reader.wait_for_function(
        "document.querySelector('.article-body img').complete"
        " && document.querySelector('.article-body img').naturalWidth > 0"
    )
    assert reader.locator(".byline a").all_inner_texts() == ["Tomas Arbel"]
    reader.screenshot(path=artifacts / "editor-published-article.png", full_page=True)
    reader.close()
    page.close()
