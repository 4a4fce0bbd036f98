import pytest

from broadsheet.discussion import thread as thread_module
from broadsheet.discussion.avatars import email_hmac
from broadsheet.discussion.models import Comment
from broadsheet.testing.factories import ArticleFactory, CommentFactory

pytestmark = pytest.mark.django_db


def test_threads_longer_than_a_page_are_paged_by_top_level_comments(
    client, parse, monkeypatch
):
    monkeypatch.setattr(thread_module, "TOP_LEVEL_PER_PAGE", 2)
    article = ArticleFactory(headline="Paged")
    tops = [CommentFactory(article=article, body=f"Top {n}.") for n in range(5)]
    CommentFactory(article=article, parent=tops[0], body="Reply to top 0.")
    first = parse(client.get(article.get_absolute_url()))
    assert first.find(id="comments-title").get_text() == "6 responses to “Paged”"
    bodies = [b.get_text(strip=True) for b in first.select(".comment-body")]
    assert bodies == ["Top 0.", "Reply to top 0.", "Top 1."]
    links = [a["href"] for a in first.select(".comment-pages a")]
    assert links == ["?cpage=2#comments", "?cpage=3#comments"]
    third = parse(client.get(article.get_absolute_url() + "?cpage=3"))
    assert [b.get_text(strip=True) for b in third.select(".comment-body")] == ["Top 4."]
    links = [a["href"] for a in third.select(".comment-pages a")]
    assert links == [f"{article.get_absolute_url()}#comments", "?cpage=2#comments"]
    # Any other spelling of a page, or a page past the last, stores nothing.
    for query in [
        "cpage=4",
        "cpage=x",
        "cpage=1",
        "cpage=02",
        "cpage=",
        "cpage=2&cpage=2",
    ]:
        response = client.get(f"{article.get_absolute_url()}?{query}")
        assert response.status_code == 404, query


def test_a_card_made_by_another_version_is_rendered_again(client, parse):
    article = ArticleFactory()
    comment = CommentFactory(article=article, author_name="Nadia", body="Still here.")
    Comment.objects.filter(pk=comment.pk).update(
        card_html="<p>old markup</p>", card_version="old"
    )
    page = parse(client.get(article.get_absolute_url()))
    shown = page.find(id=f"comment-{comment.pk}")
    assert "old markup" not in shown.get_text()
    assert shown.select_one(".comment-author").get_text() == "Nadia"


def test_a_reply_chain_thousands_deep_still_renders(client, parse):
    article = ArticleFactory()
    parent = None
    for _ in range(1500):
        parent = Comment.objects.create(
            article=article,
            parent=parent,
            author_name="Echo",
            author_email="echo@example.org",
            email_hmac=email_hmac("echo@example.org"),
            body="again",
            body_html="<p>again</p>",
        )
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert len(parse(response).select(".comment")) == 1500


def test_posting_on_a_later_page_of_the_thread_lands_on_that_page(client, monkeypatch):
    from broadsheet.discussion import tokens

    monkeypatch.setattr(thread_module, "TOP_LEVEL_PER_PAGE", 2)
    article = ArticleFactory()
    tops = [CommentFactory(article=article) for _ in range(3)]
    form = {
        "article": article.pk,
        "token": tokens.make_token(article.pk),
        "name": "Late",
        "email": "late@example.org",
        "body": "A reply on page two.",
        "parent": tops[2].pk,
    }
    response = client.post("/comments/post/", form)
    reply = Comment.objects.get(parent=tops[2])
    assert response["Location"] == (
        f"{article.get_absolute_url()}?cpage=2#comment-{reply.pk}"
    )
    page = client.get(response["Location"].split("#")[0])
    assert f'id="comment-{reply.pk}"' in page.content.decode()
    first = client.post(
        "/comments/post/", {**form, "parent": tops[0].pk, "body": "On page one."}
    )
    assert "?cpage" not in first["Location"]


def test_a_removed_comment_with_replies_leaves_a_placeholder(client, parse):
    article = ArticleFactory(headline="Holes")
    removed = CommentFactory(article=article, body="Something regrettable.")
    reply = CommentFactory(article=article, parent=removed, body="A fair answer.")
    lonely = CommentFactory(article=article, body="Gone without a trace.")
    Comment.objects.filter(pk__in=[removed.pk, lonely.pk]).update(status="deleted")
    page = parse(client.get(article.get_absolute_url()))
    holder = page.find(id=f"comment-{removed.pk}")
    assert holder.find(class_="removed-note").get_text() == "This comment was removed."
    assert "Something regrettable." not in page.get_text()
    assert holder.find(id=f"comment-{reply.pk}") is not None
    assert page.find(id=f"comment-{lonely.pk}") is None
    assert page.find(id="comments-title").get_text() == "1 response to “Holes”"
