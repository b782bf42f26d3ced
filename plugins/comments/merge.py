"""From incoming comments to store changes: sanitise, moderate, match, merge, count.

The rules: a new comment is added; a comment already in the store with the same
imported content is unchanged; one whose source changed is updated, unless the
stored record was edited by hand (then it is a conflict and the store wins);
a comment whose article is unknown goes to the quarantine file; spam and deleted
comments are skipped, except as empty "deleted" placeholders when replies need them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from . import sanitize, store
from .model import APPROVED, COMMENT, DELETED, PENDING, SPAM, Comment, Incoming
from .moderation import Moderator

SKIPPED_STATUSES = (SPAM, DELETED)


@dataclass
class Counts:
    """What an import did to one article's comments."""

    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    pending: int = 0
    skipped: int = 0
    conflicts: int = 0


@dataclass(frozen=True)
class Conflict:
    """A stored comment edited by hand whose source changed: the store was kept."""

    id: str
    article: str | None


@dataclass
class Result:
    """The outcome of one import: counts per article, orphans, conflicts, files to write."""

    source: str
    articles: dict[str, Counts] = field(default_factory=dict)
    orphans: list[tuple[str, str]] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    missing_parents: list[tuple[str, str]] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    skipped_orphans: int = 0
    store: store.Store | None = None

    def counts(self, article: str) -> Counts:
        return self.articles.setdefault(article, Counts())


def clean(comment: Comment, moderator: Moderator | None, allow_images: bool = False) -> Comment:
    """The comment with sanitised HTML, text author, safe URL, and the moderation verdict."""
    cleaned = dataclasses.replace(
        comment,
        html=sanitize.clean_html(comment.html, allow_images),
        author=sanitize.author_name(comment.author),
        author_url=sanitize.safe_url(comment.author_url),
    )
    if moderator and cleaned.status == APPROVED and cleaned.kind == COMMENT:
        reason = moderator.reason(cleaned.html, cleaned.author, cleaned.author_url)
        if reason:
            cleaned = dataclasses.replace(cleaned, status=PENDING, reason=reason)
    return cleaned


def placeholder(comment: Comment) -> Comment:
    """A skipped comment reduced to its place in the thread (no author, no text)."""
    return dataclasses.replace(
        comment, author="", author_url="", html="", status=DELETED, reason="", kind=COMMENT
    )


def merge(
    incoming: Iterable[Incoming],
    current: store.Store,
    match: Callable[[tuple[str, ...]], str | None],
    moderator: Moderator | None,
    source: str,
    allow_images: bool = False,
) -> Result:
    """Merge ``incoming`` into ``current`` (in memory); :meth:`Store.save` writes it."""
    result = Result(source, store=current)
    items = list(incoming)
    by_id: dict[str, Incoming] = {}
    for item in items:
        if item.comment.id in by_id:
            result.duplicates.append(item.comment.id)
        by_id[item.comment.id] = item
    skipped = {i for i, item in by_id.items() if _skipped(item.comment)}
    # Placeholders keep the thread whole: every skipped ancestor of a kept comment.
    needed: set[str] = set()
    for comment_id, item in by_id.items():
        if comment_id in skipped:
            continue
        parent = item.comment.parent
        while parent in skipped and parent not in needed:
            needed.add(parent)
            parent = by_id[parent].comment.parent
    existing = current.ids()
    for comment_id, item in by_id.items():
        comment = item.comment
        article = match(item.targets)
        counts = result.counts(article) if article else None
        if comment_id in skipped and comment_id not in needed:
            if counts:
                counts.skipped += 1
            else:
                result.skipped_orphans += 1
            continue
        if comment_id in skipped:
            comment = placeholder(comment)
            if counts:
                counts.skipped += 1
        else:
            comment = clean(comment, moderator, allow_images)
        if comment.parent and comment.parent not in by_id and comment.parent not in existing:
            result.missing_parents.append((comment.id, comment.parent))
        if article is None:
            result.orphans.append((comment.id, comment.thread))
        record = store.to_record(comment)
        new_print = store.fingerprint(record)
        record["imported"] = new_print
        target = current.file_for(article)
        found = existing.get(comment_id)
        if found is None:
            target.records.append(record)
            existing[comment_id] = (target, record)
            if counts and comment_id not in skipped:
                if comment.kind != COMMENT:
                    counts.skipped += 1
                elif comment.status == PENDING:
                    counts.pending += 1
                else:
                    counts.imported += 1
            continue
        holder, stored = found
        if holder is not target and holder.article is None:
            # The article now exists: the comment leaves the quarantine.
            holder.records.remove(stored)
            target.records.append(stored)
            existing[comment_id] = (target, stored)
            holder = target
        imported_print = stored.get("imported")
        if new_print == imported_print:
            if counts and comment_id not in skipped:
                counts.unchanged += 1
        elif store.fingerprint(stored) == imported_print:
            stored.clear()
            stored.update(record)
            if counts and comment_id not in skipped:
                counts.updated += 1
        else:
            result.conflicts.append(Conflict(comment_id, holder.article))
            if counts:
                counts.conflicts += 1
    return result


def _skipped(comment: Comment) -> bool:
    # Pingbacks and trackbacks are kept apart (stored, not shown by default) unless
    # they are spam or deleted, like any comment.
    return comment.status in SKIPPED_STATUSES
