"""A Pelican writer that skips pages whose fingerprint did not change since the last build."""

from __future__ import annotations

import logging

from pelican.utils import sanitised_join

from .fingerprint import (
    _UNSTABLE_REPR,
    Unknown,
    digest,
    template_attributes,
    template_variables,
    variable,
)
from .seam import SkippingWriter

logger = logging.getLogger(__name__)
_MISSING = object()


class _Memo:
    """Stands for a template: renders only when the page's key changed."""

    def __init__(self, template, writer: IncrementalWriter):
        self._template = template
        self._writer = writer

    def __getattr__(self, name):
        return getattr(self._template, name)

    def render(self, localcontext):
        writer = self._writer
        path = sanitised_join(writer.output_path, localcontext["output_file"])
        key = writer.page_key(self._template, localcontext)
        state = writer.state
        if (
            key is not None
            and state.previous.pages.get(path) == key
            and state.previous.intact(path)
        ):
            writer.leave(path)
            state.skipped += 1
            state.pages[path] = key
            return ""
        output = self._template.render(localcontext)
        state.rendered += 1
        if key is not None:
            state.pages[path] = key
        return output


class IncrementalWriter(SkippingWriter):
    """Pelican's writer; an unchanged page is neither rendered nor written again."""

    state = None  # set by the plugin for each build
    _shared = None  # the build's context, as given with the page being written

    def page_key(self, template, localcontext) -> str | None:
        state = self.state
        if state.base is None:
            return None
        context = self._shared or {}
        try:
            names = template_variables(template.environment, template.name)
            # Most variables are the build's context itself, the same objects on every
            # page: pictured together once, by the identity of their values.
            own, shared = [], []
            for name in names:  # sorted
                if name in localcontext:
                    value = localcontext[name]
                    if context.get(name, _MISSING) is value:
                        shared.append((name, id(value)))
                    elif name.endswith("_page"):  # a listing page's items
                        read = template_attributes(template.environment, template.name)
                        own.append((name, self._variable(name, value, read)))
                    else:
                        own.append((name, self._variable(name, value)))
            memo_key = ("shared", template.name, tuple(shared))
            common = state.pictures.get(memo_key)
            if common is None:
                # _variable's memo keeps each value alive: their ids stay theirs.
                pictures = [(name, self._variable(name, context[name])) for name, _ in shared]
                common = state.pictures[memo_key] = (None, digest((pictures,)))
        except Unknown as reason:
            logger.debug("page rendue à chaque fois (%s) : %s", reason, localcontext["output_file"])
            return None
        return digest((state.base, template.name, localcontext["output_file"], common[1], own))

    def _variable(self, name: str, value: object, read: frozenset[str] | None = None) -> object:
        # Values met on many pages are pictured once per build.
        memo = self.state.pictures
        key = (name, id(value), read)
        if key not in memo:
            # The value is kept so that its id is not reused during the build.
            memo[key] = (value, digest((variable(name, value, read),)))
        return memo[key][1]

    def same_as_last_build(self, path: str, inputs: object) -> bool:
        """For files a plugin writes itself (calendars...): True when the last build wrote
        ``path`` from the same ``inputs`` and it is still there, unchanged; the caller then
        leaves it. Otherwise the caller writes it, and this build remembers its inputs.

        ``inputs`` is any value whose ``repr`` is stable and says everything the file is
        made of, except what every page shares (settings, theme, data files, the day).
        """
        state = self.state
        if state is None or not state.enabled or state.base is None:
            return False
        text = repr(inputs)
        if _UNSTABLE_REPR.search(text):
            return False
        path = sanitised_join(self.output_path, path)
        key = digest((state.base, "file", path, text))
        state.pages[path] = key
        if state.previous.pages.get(path) == key and state.previous.intact(path):
            state.skipped += 1
            return True
        state.rendered += 1
        return False

    def write_file(self, name, template, context, *args, **kwargs):
        if self.state is None or not self.state.enabled:
            return super().write_file(name, template, context, *args, **kwargs)
        self._shared = context
        return super().write_file(name, _Memo(template, self), context, *args, **kwargs)
