"""A volunteer moderator works the queue in Chromium, with JavaScript off and on."""

from __future__ import annotations

import json
import re

import pytest

pytestmark = pytest.mark.browser

MAKE = (
    "import json;"
    "from django.contrib.auth.models import Group, User;"
    "from broadsheet.testing.factories import CommentFactory;"
    "from broadsheet.publishing.models import Article;"
    "u, made = User.objects.get_or_create(username='volunteer');"
    "u.set_password('queue-keeper-2026'); u.is_staff = True; u.save();"
    "u.groups.add(Group.objects.get(name='Moderators'));"
    "a = Article.objects.exclude(slug__contains='reservoirs').first();"
    "c = [CommentFactory(article=a, status='held',"
    " body=f'Held for the queue {{n}} {tag}.') for n in range(3)];"
    "print(json.dumps([x.pk for x in c]))"
)


def held_comments(server, tag: str) -> list[int]:
    result = server.manage("shell", "-c", MAKE.format(tag=tag))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def status_of(server, pk: int) -> str:
    code = (
        "from broadsheet.discussion.models import Comment;"
        f"print(Comment.objects.get(pk={pk}).status)"
    )
    return server.manage("shell", "-c", code).stdout.strip().splitlines()[-1]


def log_in(page, server) -> None:
    page.goto(server.url + "/accounts/login/?next=/moderation/")
    page.fill("#id_username", "volunteer")
    page.fill("#id_password", "queue-keeper-2026")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"/moderation/$"))


def test_the_queue_works_without_javascript(browser, demo_server, artifacts):
    first, second, third = held_comments(demo_server, "nojs")
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    log_in(page, demo_server)
    assert page.locator(f"#mod-{first}").count() == 1, page.content()[:4000]
    page.screenshot(path=artifacts / "moderation-queue.png", full_page=True)
    page.locator(f"#mod-{first} button[value=approve]").click()
    page.wait_for_load_state()
    page.check(f"#mod-{second} input[name=comments]")
    page.check(f"#mod-{third} input[name=comments]")
    page.locator("#bulk button[value=reject]").click()
    page.wait_for_load_state()
    assert [status_of(demo_server, pk) for pk in (first, second, third)] == [
        "approved",
        "rejected",
        "rejected",
    ]
    page.screenshot(path=artifacts / "moderation-nojs.png", full_page=True)
    context.close()


def test_the_queue_answers_the_keyboard(browser, demo_server):
    first, second, _ = held_comments(demo_server, "keys")
    page = browser.new_page()
    log_in(page, demo_server)
    page.locator(f"#mod-{first}").focus()
    page.evaluate(
        f"document.querySelectorAll('.mod-item').forEach((e, i) => "
        f"e.id === 'mod-{first}' && e.focus())"
    )
    # The first item of the queue has the focus; walk to ours with j.
    while page.evaluate("document.activeElement.id") != f"mod-{first}":
        page.keyboard.press("j")
    with page.expect_navigation():
        page.keyboard.press("s")
    assert status_of(demo_server, first) == "spam"
    while page.evaluate("document.activeElement.id") != f"mod-{second}":
        page.keyboard.press("j")
    with page.expect_navigation():
        page.keyboard.press("a")
    assert status_of(demo_server, second) == "approved"
    page.close()
