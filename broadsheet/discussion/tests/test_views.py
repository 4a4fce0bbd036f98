from datetime import timedelta
from unittest import mock

import pytest

from broadsheet.discussion import tokens
from broadsheet.discussion.models import Comment
from broadsheet.testing.factories import ArticleFactory, CommentFactory

pytestmark = pytest.mark.django_db

POST_URL = "/comments/post/"


def form_data(article, /, **overrides):
    data = {
        "article": str(article.pk),
        "parent": "",
        "token": tokens.make_token(article.pk),
        "name": "Marta Quill",
        "email": "marta@example.org",
        "website": "",
        "body": "A careful piece. The section on tariffs convinced me.",
        "url_confirm": "",
    }
    data.update(overrides)
    return data


def test_a_comment_posted_without_an_account_appears_under_the_article(client, parse):
    article = ArticleFactory()
    response = client.post(POST_URL, form_data(article))
    comment = Comment.objects.get()
    assert response.status_code == 303
    assert response["Location"] == f"{article.get_absolute_url()}#comment-{comment.pk}"
    page = parse(client.get(article.get_absolute_url()))
    shown = page.find(id=f"comment-{comment.pk}")
    assert "The section on tariffs convinced me." in shown.get_text()
    assert shown.find(class_="comment-author").get_text() == "Marta Quill"
    assert "marta@example.org" not in page.decode()
    assert comment.email_hmac not in page.decode()
    assert comment.email_hmac[:16] not in page.decode()
    assert comment.ip_prefix == "127.0.0.0/24"


def test_a_reply_nests_under_its_parent(client, parse):
    article = ArticleFactory()
    parent = CommentFactory(article=article)
    client.post(POST_URL, form_data(article, parent=str(parent.pk), body="I disagree."))
    reply = Comment.objects.get(parent=parent)
    page = parse(client.get(article.get_absolute_url()))
    element = page.find(id=f"comment-{reply.pk}")
    assert element.find_parent("li", class_="comment")["id"] == f"comment-{parent.pk}"


def test_commenter_website_is_linked_nofollow_ugc_and_links_in_the_body_too(
    client, parse
):
    article = ArticleFactory()
    client.post(
        POST_URL,
        form_data(
            article,
            website="https://marta.example.net/",
            body="Data here: https://example.org/data.csv",
        ),
    )
    page = parse(client.get(article.get_absolute_url()))
    author_link = page.select_one(".comment-author a")
    assert author_link["href"] == "https://marta.example.net/"
    assert author_link["rel"] == ["nofollow", "ugc"]
    body_link = page.select_one(".comment-body a")
    assert body_link["href"] == "https://example.org/data.csv"
    assert body_link["rel"] == ["nofollow", "ugc"]


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"body": ""}, "Please write a comment before posting."),
        ({"body": "   \n  "}, "Please write a comment before posting."),
        ({"body": "x" * 10_001}, "at most 10000 characters"),
        ({"name": ""}, "This field is required."),
        ({"email": ""}, "This field is required."),
        ({"email": "marta-at-example"}, "Enter a valid email address."),
        ({"website": "ftp://files.example.org/"}, "starting with http:// or https://"),
        ({"website": "javascript:alert(1)"}, "starting with http:// or https://"),
        ({"body": "Hidden\x00null"}, "Null characters are not allowed."),
        ({"body": "Bell\x07ring"}, "invisible control characters"),
        ({"name": "Marta\x1b[31m"}, "invisible control characters"),
    ],
)
def test_bad_input_is_refused_with_the_typed_text_kept_and_nothing_written(
    client, parse, overrides, message
):
    article = ArticleFactory()
    data = form_data(article, **overrides)
    response = client.post(POST_URL, data)
    assert response.status_code == 400
    page = parse(response)
    assert message in page.get_text()
    typed_body = data["body"].strip() or None
    if typed_body and "\x00" not in typed_body:
        assert (
            page.find("textarea", attrs={"name": "body"}).get_text().strip()
            == typed_body
        )
    if data["name"] and "\x1b" not in data["name"]:
        assert page.find("input", attrs={"name": "name"})["value"] == data["name"]
    assert not Comment.objects.exists()


def test_a_parent_from_another_article_is_refused(client, parse):
    article = ArticleFactory()
    elsewhere = CommentFactory(article=ArticleFactory())
    response = client.post(POST_URL, form_data(article, parent=str(elsewhere.pk)))
    assert response.status_code == 400
    assert "not on this article" in parse(response).get_text()
    assert Comment.objects.count() == 1


def test_a_missing_parent_is_refused(client):
    article = ArticleFactory()
    response = client.post(POST_URL, form_data(article, parent="424242"))
    assert response.status_code == 400
    assert not Comment.objects.exists()


def test_comments_closed_is_refused_with_the_text_kept(client, parse):
    article = ArticleFactory(is_open_for_comments=False)
    response = client.post(POST_URL, form_data(article, body="Still typed this."))
    assert response.status_code == 403
    page = parse(response)
    assert "Comments are closed" in page.get_text()
    assert page.find("textarea").get_text().strip() == "Still typed this."
    assert not Comment.objects.exists()


def test_an_unknown_article_is_not_found(client):
    article = ArticleFactory()
    assert (
        client.post(POST_URL, form_data(article, article="999999")).status_code == 404
    )
    assert client.post(POST_URL, form_data(article, article="x")).status_code == 404
    assert not Comment.objects.exists()


def test_the_honeypot_refuses_the_comment(client):
    article = ArticleFactory()
    response = client.post(POST_URL, form_data(article, url_confirm="http://spam"))
    assert response.status_code == 400
    assert not Comment.objects.exists()


def test_an_expired_token_reshows_the_form_with_a_fresh_token(client, parse):
    article = ArticleFactory()
    old = tokens.make_token(article.pk)
    later = tokens.MAX_AGE + timedelta(minutes=1)
    with mock.patch(
        "django.core.signing.time.time",
        return_value=__import__("time").time() + later.total_seconds(),
    ):
        response = client.post(POST_URL, form_data(article, token=old, body="Kept."))
    assert response.status_code == 400
    page = parse(response)
    assert "open for a long time" in page.get_text()
    assert page.find("textarea").get_text().strip() == "Kept."
    fresh = page.find("input", attrs={"name": "token"})["value"]
    assert fresh != old
    assert not Comment.objects.exists()
    assert client.post(POST_URL, form_data(article, token=fresh)).status_code == 303


def test_a_token_for_another_article_is_refused(client):
    article = ArticleFactory()
    other = ArticleFactory()
    response = client.post(
        POST_URL, form_data(article, token=tokens.make_token(other.pk))
    )
    assert response.status_code == 400
    assert not Comment.objects.exists()


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_SEC_FETCH_SITE": "same-site"},
        {"HTTP_ORIGIN": "https://evil.example.com"},
    ],
)
def test_a_cross_site_post_is_forbidden(client, headers):
    article = ArticleFactory()
    response = client.post(POST_URL, form_data(article), **headers)
    assert response.status_code == 403
    assert not Comment.objects.exists()


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"HTTP_SEC_FETCH_SITE": "same-origin", "HTTP_ORIGIN": "http://testserver"},
        {"HTTP_ORIGIN": "http://127.0.0.1:8000"},
    ],
)
def test_a_same_origin_post_is_accepted_without_a_csrf_cookie(headers):
    from django.test import Client

    article = ArticleFactory()
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(POST_URL, form_data(article), **headers)
    assert response.status_code == 303


def test_the_page_form_carries_no_per_visitor_data(client, parse):
    article = ArticleFactory()
    response = client.get(article.get_absolute_url())
    page = parse(response)
    assert page.find("input", attrs={"name": "csrfmiddlewaretoken"}) is None
    assert "Set-Cookie" not in response.headers
    assert "Cookie" not in response.headers.get("Vary", "")


def test_reply_link_without_javascript_addresses_the_form_to_that_comment(
    client, parse
):
    article = ArticleFactory()
    parent = CommentFactory(article=article, author_name="Ines Vale")
    page = parse(client.get(article.get_absolute_url()))
    assert page.select_one(".reply")["href"] == f"?replyto={parent.pk}#respond"
    page = parse(client.get(f"{article.get_absolute_url()}?replyto={parent.pk}"))
    assert page.find("input", attrs={"name": "parent"})["value"] == str(parent.pk)
    assert page.find(id="respond-title").get_text() == "Reply to Ines Vale"


def test_a_reply_address_naming_no_comment_on_the_page_is_not_found(client, parse):
    article = ArticleFactory()
    url = article.get_absolute_url()
    shown = CommentFactory(article=article)
    removed = CommentFactory(article=article)
    CommentFactory(article=article, parent=removed)
    Comment.objects.filter(pk=removed.pk).update(status=Comment.Status.DELETED)
    held = CommentFactory(article=article, status=Comment.Status.HELD)
    spam = CommentFactory(article=article, status=Comment.Status.SPAM)
    elsewhere = CommentFactory(article=ArticleFactory())
    pk = shown.pk
    for query in [
        "replyto=424242",
        f"replyto={elsewhere.pk}",
        f"replyto={held.pk}",  # for its author only, who bypasses the cache
        f"replyto={spam.pk}",
        "replyto=x",
        "replyto=",
        f"replyto=0{pk}",
        f"replyto=%2B{pk}",
        f"replyto={pk}&replyto={pk}",
    ]:
        assert client.get(f"{url}?{query}").status_code == 404, query
    # A removed comment's placeholder: the form, without a reply target.
    page = parse(client.get(f"{url}?replyto={removed.pk}"))
    assert page.find("input", attrs={"name": "parent"}).get("value", "") == ""


@pytest.mark.parametrize(
    ("approved", "heading"),
    [
        (0, "No responses to “The Tide” yet"),
        (1, "1 response to “The Tide”"),
        (2, "2 responses to “The Tide”"),
    ],
)
def test_heading_counts_approved_comments_with_the_right_form(
    client, parse, approved, heading
):
    article = ArticleFactory(headline="The Tide")
    first = None
    for index in range(approved):
        first = CommentFactory(article=article, parent=first if index else None)
    for status in ("held", "spam", "deleted", "rejected"):
        CommentFactory(article=article, status=status)
    page = parse(client.get(article.get_absolute_url()))
    assert page.find(id="comments-title").get_text() == heading
    assert len(page.select(".comment")) == approved


def test_the_author_edits_and_deletes_their_comment_within_15_minutes(client, parse):
    article = ArticleFactory()
    client.post(POST_URL, form_data(article, body="First draft, with a typo."))
    comment = Comment.objects.get()
    page = parse(client.get(article.get_absolute_url()))
    actions = page.find(id=f"comment-{comment.pk}").find(class_="own-actions")
    assert actions.find("a")["href"] == f"/comments/{comment.pk}/edit/"
    response = client.post(f"/comments/{comment.pk}/edit/", {"body": "Second draft."})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.body == "Second draft." and "Second draft." in comment.card_html
    assert client.post(f"/comments/{comment.pk}/delete/").status_code == 302
    comment.refresh_from_db()
    assert comment.status == Comment.Status.DELETED


def test_other_readers_cannot_change_a_comment(client):
    from django.test import Client

    article = ArticleFactory()
    client.post(POST_URL, form_data(article))
    comment = Comment.objects.get()
    stranger = Client()
    assert (
        stranger.post(f"/comments/{comment.pk}/edit/", {"body": "Hacked"}).status_code
        == 403
    )
    assert stranger.post(f"/comments/{comment.pk}/delete/").status_code == 403
    comment.refresh_from_db()
    assert comment.status == Comment.Status.APPROVED and comment.body != "Hacked"


def test_after_15_minutes_the_comment_can_no_longer_be_changed(client, parse):
    article = ArticleFactory()
    client.post(POST_URL, form_data(article, body="Settled words."))
    comment = Comment.objects.get()
    Comment.objects.filter(pk=comment.pk).update(
        created_at=comment.created_at - timedelta(minutes=16)
    )
    response = client.post(f"/comments/{comment.pk}/edit/", {"body": "Too late."})
    assert response.status_code == 403
    assert "15 minutes" in parse(response).get_text()
    comment.refresh_from_db()
    assert comment.body == "Settled words."
    page = parse(client.get(article.get_absolute_url()))
    assert page.find(class_="own-actions") is None


def test_each_comment_is_counted_by_its_outcome_for_the_metrics(client):
    from broadsheet.core import metrics

    article = ArticleFactory()
    metrics.COMMENTS.flush()
    client.post(POST_URL, form_data(article))  # a first-time commenter: held
    client.post(POST_URL, form_data(article, body=""))
    counts = dict(metrics.COMMENTS.counts)
    assert counts == {Comment.objects.get().status: 1, "refused": 1}
