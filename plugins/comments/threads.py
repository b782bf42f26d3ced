"""Threads as readers see them: replies nested under their parent, deep threads flattened.

Hidden comments (pending, spam, refused by moderation) disappear with their text,
and their visible replies move up to the nearest visible ancestor. A deleted
comment stays as an empty placeholder only when visible replies hang from it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .model import APPROVED, COMMENT, DELETED, Comment

DEFAULT_MAX_DEPTH = 4


@dataclass(frozen=True)
class Node:
    """A comment and its replies; ``reply_to`` names the parent once a thread is flattened."""

    comment: Comment
    replies: tuple[Node, ...] = ()
    reply_to: Comment | None = None


@dataclass(frozen=True)
class Thread:
    """The discussion under one article."""

    roots: tuple[Node, ...]
    count: int
    pingbacks: tuple[Comment, ...] = ()


def published(comment: Comment) -> bool:
    """Approved comments (not pingbacks) are published."""
    return comment.status == APPROVED and comment.kind == COMMENT


def build(
    comments: Iterable[Comment],
    visible: Callable[[Comment], bool] = published,
    max_depth: int = DEFAULT_MAX_DEPTH,
) -> Thread:
    """The thread of ``comments``: nodes of visible comments, nested up to ``max_depth``."""
    ordered = sorted(comments, key=lambda c: (c.date, c.id))
    by_id = {c.id: c for c in ordered}
    shown = {c.id for c in ordered if c.kind == COMMENT and visible(c)}
    placeholders = {c.id for c in ordered if c.kind == COMMENT and c.status == DELETED}
    candidates = shown | placeholders

    def display_parent(comment: Comment) -> str | None:
        seen = {comment.id}
        parent = comment.parent
        while parent and parent in by_id and parent not in seen:
            if parent in candidates:
                return parent
            seen.add(parent)
            parent = by_id[parent].parent
        return None

    parents = {i: display_parent(by_id[i]) for i in candidates}
    # A cycle (possible after a hand edit of the store) is cut where it is found.
    for start in candidates:
        chain = {start}
        current = parents[start]
        while current is not None:
            if current in chain:
                parents[start] = None
                break
            chain.add(current)
            current = parents[current]
    children: dict[str | None, list[str]] = {}
    for comment in ordered:
        if comment.id in candidates:
            children.setdefault(parents[comment.id], []).append(comment.id)

    # A placeholder stays only when a shown comment hangs from it, however deep.
    alive: set[str] = set()
    for comment_id in shown:
        current = comment_id
        while current is not None and current not in alive:
            alive.add(current)
            current = parents[current]

    def has_shown(comment_id: str) -> bool:
        return comment_id in alive

    def descendants(comment_id: str) -> list[str]:
        found, stack = [], list(reversed(children.get(comment_id, ())))
        while stack:
            kid = stack.pop()
            found.append(kid)
            stack.extend(reversed(children.get(kid, ())))
        return found

    def node(comment_id: str, depth: int) -> Node:
        kids = [k for k in children.get(comment_id, ()) if has_shown(k)]
        if depth < max_depth:
            return Node(by_id[comment_id], tuple(node(k, depth + 1) for k in kids))
        flat = sorted(
            (by_id[k] for k in descendants(comment_id) if k in shown),
            key=lambda c: (c.date, c.id),
        )
        return Node(
            by_id[comment_id],
            tuple(
                Node(c, (), by_id[parents[c.id]] if parents[c.id] != comment_id else None)
                for c in flat
            ),
        )

    roots = tuple(node(i, 1) for i in children.get(None, ()) if has_shown(i))
    pingbacks = tuple(c for c in ordered if c.kind != COMMENT and c.status == APPROVED)
    return Thread(roots, len(shown), pingbacks)
