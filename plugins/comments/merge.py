"""From raw comments to store changes: match, sanitise, moderate, merge, count.

The rules: a new comment is added; a comment already in the store with the same
imported content is unchanged; one whose source changed is updated, unless the
stored record was edited by hand (then it is a conflict and the store wins);
a comment whose article is unknown goes to the quarantine file; spam and deleted
comments are skipped, except as empty "deleted" placeholders when replies need them.

An incoming comment is the stored one of the same id only when it is the same comment:
same date, and same thread or same article. Otherwise (a reinstalled site numbering its
comments again, a hand-made id met twice) it is a conflict: both are kept, the incoming
one under its id followed by ``@`` and a digest of its thread and date, the same at
every run. A stored comment filed by hand under another article stays where it is.
Ids written before they carried their site (``wordpress:116``) are renamed in place to
the qualified id (``wordpress:carnet.example:116``) when an import meets the same comment.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from . import sanitize, store
from .model import APPROVED, COMMENT, DELETED, PENDING, SPAM, Comment, RawComment, legacy_id
from .moderation import Moderator

SKIPPED_STATUSES = (SPAM, DELETED)
# Why a conflict was reported (merge rules above).
EDITED = "edited"  # edited by hand and changed in the source: the store wins
KEPT_APART = "kept_apart"  # another comment under an id already taken: both kept
FILED_ELSEWHERE = "filed_elsewhere"  # stored under another article by hand: left there


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
    """A comment the import did not merge into the store's (``reason``: see above)."""

    id: str
    article: str | None
    reason: str = EDITED
    other: str = ""  # KEPT_APART: the stored comment's id; FILED_ELSEWHERE: the article


@dataclass
class Result:
    """The outcome of one import: counts per article, orphans, conflicts, files to write."""

    source: str
    articles: dict[str, Counts] = field(default_factory=dict)
    orphans: list[tuple[str, str]] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    missing_parents: list[tuple[str, str]] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    renamed: list[tuple[str, str]] = field(default_factory=list)  # old id, qualified id
    skipped_orphans: int = 0
    store: store.Store | None = None

    def counts(self, article: str) -> Counts:
        return self.articles.setdefault(article, Counts())


def clean(raw: RawComment, moderator: Moderator | None, allow_images: bool = False) -> Comment:
    """The one conversion of a raw comment to a clean one, where comments enter the store.

    The HTML is sanitised, the author made text and the URL checked; then an approved
    comment that a word list or the link limit flags waits (``pending``, with the reason).
    """
    html = sanitize.clean_html(raw.html, allow_images)
    author = sanitize.author_name(raw.author)
    author_url = sanitize.safe_url(raw.author_url)
    status, reason = raw.status, raw.reason
    if moderator and status == APPROVED and raw.kind == COMMENT:
        flagged = moderator.reason(html, author, author_url)
        if flagged:
            status, reason = PENDING, flagged
    return Comment(
        id=raw.id,
        thread=raw.thread,
        parent=raw.parent,
        author=author,
        author_url=author_url,
        date=raw.date,
        html=html,
        status=status,
        kind=raw.kind,
        reason=reason,
    )


def placeholder(raw: RawComment) -> Comment:
    """A skipped comment reduced to its place in the thread (no author, no text)."""
    return Comment(
        id=raw.id,
        thread=raw.thread,
        parent=raw.parent,
        author="",
        author_url="",
        date=raw.date,
        html="",
        status=DELETED,
    )


def merge(
    incoming: Iterable[RawComment],
    current: store.Store,
    match: Callable[[tuple[str, ...]], str | None],
    moderator: Moderator | None,
    source: str,
    allow_images: bool = False,
) -> Result:
    """Merge ``incoming`` into ``current`` (in memory); :meth:`Store.save` writes it."""
    result = Result(source, store=current)
    by_id: dict[str, RawComment] = {}
    for raw in incoming:
        if raw.id in by_id:
            result.duplicates.append(raw.id)
        by_id[raw.id] = raw
    articles = {comment_id: match(raw.targets) for comment_id, raw in by_id.items()}
    existing = current.ids()
    by_id, articles, apart = _resolve_ids(by_id, articles, existing, result)
    skipped = {i for i, raw in by_id.items() if _skipped(raw)}
    needed = _placeholders_needed(by_id, skipped)
    for comment_id, raw in by_id.items():
        article = articles[comment_id]
        counts = result.counts(article) if article else None
        if comment_id in skipped and comment_id not in needed:
            if counts:
                counts.skipped += 1
            else:
                result.skipped_orphans += 1
            continue
        if comment_id in skipped:
            comment = placeholder(raw)
            if counts:
                counts.skipped += 1
        else:
            comment = clean(raw, moderator, allow_images)
        if comment.parent and comment.parent not in by_id and comment.parent not in existing:
            result.missing_parents.append((comment.id, comment.parent))
        if article is None:
            result.orphans.append((comment.id, comment.thread))
        record = store.to_record(comment)
        record["imported"] = store.fingerprint(record)
        target = current.file_for(article)
        found = existing.get(comment_id)
        if found is None:
            target.records.append(record)
            existing[comment_id] = (target, record)
            if comment_id in apart:
                result.conflicts.append(
                    Conflict(comment_id, article, KEPT_APART, other=apart[comment_id])
                )
                if counts:
                    counts.conflicts += 1
            if counts and comment_id not in skipped:
                _count_new(counts, comment)
            continue
        outcome = _update(found, target, record, article, existing, result)
        # A placeholder counts as skipped already, unless it is in conflict.
        if counts and (outcome == CONFLICT or comment_id not in skipped):
            setattr(counts, outcome, getattr(counts, outcome) + 1)
    return result


def _placeholders_needed(by_id: dict[str, RawComment], skipped: set[str]) -> set[str]:
    # Placeholders keep the thread whole: every skipped ancestor of a kept comment.
    needed: set[str] = set()
    for comment_id, raw in by_id.items():
        if comment_id in skipped:
            continue
        parent = raw.parent
        while parent in skipped and parent not in needed:
            needed.add(parent)
            parent = by_id[parent].parent
    return needed


def _count_new(counts: Counts, comment: Comment) -> None:
    if comment.kind != COMMENT:
        counts.skipped += 1
    elif comment.status == PENDING:
        counts.pending += 1
    else:
        counts.imported += 1


# What :func:`_update` did to a stored comment: the name of the count it adds to.
UNCHANGED, UPDATED, CONFLICT = "unchanged", "updated", "conflicts"


def _update(found, target, record: dict, article: str | None, existing, result: Result) -> str:
    """Bring a comment already in the store up to date (rules above); what it did."""
    comment_id = record["id"]
    holder, stored = found
    if holder is not target and holder.article is None:
        # The article now exists: the comment leaves the quarantine.
        holder.records.remove(stored)
        target.records.append(stored)
        existing[comment_id] = (target, stored)
        holder = target
    elif holder is not target and article is not None:
        # Filed under another article by hand (or an alias changed): left there.
        result.conflicts.append(
            Conflict(comment_id, holder.article, FILED_ELSEWHERE, other=article)
        )
        return CONFLICT
    new_print = record["imported"]
    imported_print = stored.get("imported")
    if new_print != imported_print and _imported_before_rename(record, imported_print):
        # Renamed just now and edited by hand before: the source did not change.
        stored["imported"] = imported_print = new_print
    if new_print == imported_print:
        return UNCHANGED
    if store.fingerprint(stored) == imported_print:
        stored.clear()
        stored.update(record)
        return UPDATED
    result.conflicts.append(Conflict(comment_id, holder.article))
    return CONFLICT


def _imported_before_rename(record: dict, imported_print: str | None) -> bool:
    # The fingerprint an import gave this record when its ids did not carry the site.
    old_id = legacy_id(record["id"])
    if old_id is None:
        return False
    parent = record["parent"]
    old = dict(record, id=old_id, parent=legacy_id(parent) or parent if parent else parent)
    old.pop("imported", None)
    return store.fingerprint(old) == imported_print


def _identity(thread: str, date: str) -> str:
    return hashlib.sha256(f"{thread}\n{date}".encode()).hexdigest()[:8]


def _resolve_ids(by_id, articles, existing, result):
    """The incoming comments under the ids they take in the store (rules above), their
    articles, and the ids given to comments kept apart (new id → incoming id).

    Renames old unqualified records in place (``existing`` follows) and gives an incoming
    comment that is not the stored one of its id an id of its own; replies follow.
    """
    final: dict[str, str] = {}
    for comment_id, comment in by_id.items():
        article = articles[comment_id]
        date = store.format_date(comment.date)
        found = existing.get(comment_id)
        if found is None:
            old_id = legacy_id(comment_id)
            old = existing.get(old_id) if old_id else None
            if old and _same(old, comment.thread, date, article):
                _rename(existing, old_id, comment_id)
                result.renamed.append((old_id, comment_id))
            final[comment_id] = comment_id
        elif _same(found, comment.thread, date, article):
            final[comment_id] = comment_id
        else:
            final[comment_id] = f"{comment_id}@{_identity(comment.thread, date)}"
    apart = {new: old for old, new in final.items() if new != old}
    if not apart:
        return by_id, articles, apart
    renamed, renamed_articles = {}, {}
    for comment_id, comment in by_id.items():
        parent = final.get(comment.parent, comment.parent) if comment.parent else None
        comment = dataclasses.replace(comment, id=final[comment_id], parent=parent)
        renamed[comment.id] = comment
        renamed_articles[comment.id] = articles[comment_id]
    return renamed, renamed_articles, apart


def _same(found, thread: str, date: str, article: str | None) -> bool:
    # The same comment: same date, and same thread or same article (a permalink can change).
    holder, record = found
    if record.get("date") != date:
        return False
    return record.get("thread") == thread or (article is not None and holder.article == article)


def _rename(existing: dict, old_id: str, new_id: str) -> None:
    """Give a stored record, and the stored replies to it, the qualified id."""
    holder, record = existing.pop(old_id)
    _set(record, "id", new_id)
    existing[new_id] = (holder, record)
    for _, other in existing.values():
        if other.get("parent") == old_id and other.get("thread") == record.get("thread"):
            _set(other, "parent", new_id)


def _set(record: dict, name: str, value) -> None:
    # A record untouched since its import stays untouched: its fingerprint follows.
    untouched = store.fingerprint(record) == record.get("imported")
    record[name] = value
    if untouched:
        record["imported"] = store.fingerprint(record)


def _skipped(comment: RawComment) -> bool:
    # Pingbacks and trackbacks are kept apart (stored, not shown by default) unless
    # they are spam or deleted, like any comment.
    return comment.status in SKIPPED_STATUSES
