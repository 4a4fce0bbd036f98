"""Factories fed with invented text; the demo content is built with them too.

Articles and comments are created through the services, so their bodies are
rendered exactly as an editor's or a reader's would be.
"""

from __future__ import annotations

from datetime import timedelta

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from django.utils.text import slugify

from broadsheet.discussion import services as discussion_services
from broadsheet.discussion.cards import refresh_card
from broadsheet.discussion.models import Comment
from broadsheet.publishing import services as publishing_services
from broadsheet.publishing.models import (
    Appeal,
    Article,
    Author,
    PartnerOutlet,
    Section,
    Tag,
)
from broadsheet.staff.roles import sync_roles

SENTENCES = [
    "The council published its budget late on a Friday, which is rarely a good sign.",
    "Nobody in the ministry would say who had approved the contract.",
    "Rents in the river districts have doubled in six years.",
    "The numbers tell a quieter story than the press conference did.",
    "Local reporters spent three months reading the procurement files.",
    "Small towns feel these decisions first and loudest.",
    "The reform was sold as a saving; the accounts show a transfer.",
    "What the committee left out of its report matters more than what it put in.",
]


def paragraph(seed: int, sentences: int = 4) -> str:
    return " ".join(SENTENCES[(seed + i) % len(SENTENCES)] for i in range(sentences))


def markdown_body(paragraphs: int = 6, subheads: int = 1) -> str:
    blocks = []
    for index in range(paragraphs):
        if subheads and index and index % max(1, paragraphs // (subheads + 1)) == 0:
            blocks.append(f"## Part {index}")
            subheads -= 1
        blocks.append(paragraph(index))
    return "\n\n".join(blocks)


class AuthorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Author
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Writer Number{n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    bio = factory.LazyAttribute(
        lambda o: f"{o.name} is a freelance journalist and analyst."
    )
    website = ""


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Section {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class TagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tag
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"topic {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class PartnerOutletFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnerOutlet
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Partner Weekly {n}")
    site_url = factory.Sequence(lambda n: f"https://partner{n}.example.net/")


class AppealFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Appeal

    title = "Support independent media"
    text = (
        "We are funded by our readers. "
        "A small monthly gift keeps this work free to read."
    )
    button_label = "Support independent media"
    organisation = "The Independent Press Trust"
    donation_url = "https://donate.example.org/give"
    after_paragraph = 4
    is_default = False


class ArticleFactory(factory.django.DjangoModelFactory):
    """A published article with one byline, created by the publishing service."""

    class Meta:
        model = Article

    headline = factory.Sequence(lambda n: f"A report on the state of things, part {n}")
    standfirst = "What the figures say, and what they leave out."
    slug = factory.LazyAttribute(lambda o: slugify(o.headline)[:200])
    body = factory.LazyFunction(markdown_body)
    kind = Article.Kind.ANALYSIS
    status = Article.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - timedelta(hours=1))
    section = None
    authors = factory.LazyFunction(lambda: [AuthorFactory()])

    @classmethod
    def _create(cls, model_class, *args, authors=(), tags=(), **kwargs) -> Article:
        return publishing_services.create_article(
            by=None, authors=authors, tags=tags, **kwargs
        )


class CommentFactory(factory.django.DjangoModelFactory):
    """An approved comment, posted through the discussion service."""

    class Meta:
        model = Comment

    article = factory.SubFactory(ArticleFactory)
    parent = None
    author_name = factory.Sequence(lambda n: f"Reader {n}")
    author_email = factory.LazyAttribute(
        lambda o: f"{slugify(o.author_name)}@example.com"
    )
    author_website = ""
    body = factory.Sequence(
        lambda n: f"I read the whole thing twice; point {n} is the stronger argument."
    )
    status = Comment.Status.APPROVED
    ip = "192.0.2.10"
    created_at = None

    @classmethod
    def _create(cls, model_class, *args, ip="", status=None, created_at=None, **kwargs):
        comment = discussion_services.post_comment(
            kwargs["article"],
            {
                "parent": kwargs["parent"].pk if kwargs.get("parent") else None,
                "name": kwargs["author_name"],
                "email": kwargs["author_email"],
                "website": kwargs["author_website"],
                "body": kwargs["body"],
            },
            ip=ip,
            screened=False,
        )
        changes = {}
        if status and status != comment.status:
            changes["status"] = status
        if created_at:
            changes["created_at"] = created_at
        if changes:
            Comment.objects.filter(pk=comment.pk).update(**changes)
            comment.refresh_from_db()
            refresh_card(comment)
            comment.save(update_fields=["card_html", "card_version"])
        return comment


class StaffFactory(factory.django.DjangoModelFactory):
    """A staff member in one role's group: `StaffFactory(role="Editors")`."""

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"staff{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    is_staff = True
    password = factory.django.Password("a long pass phrase")

    @factory.post_generation
    def role(user, create, name, **kwargs) -> None:
        if create and name:
            if not Group.objects.filter(name=name).exists():
                sync_roles()  # a transactional test flushed what migrations made
            user.groups.add(Group.objects.get(name=name))


__all__ = [
    "AppealFactory",
    "ArticleFactory",
    "AuthorFactory",
    "CommentFactory",
    "PartnerOutletFactory",
    "SectionFactory",
    "StaffFactory",
    "TagFactory",
]
