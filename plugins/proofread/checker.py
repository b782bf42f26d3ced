"""Proofread source files: segments in, findings out, with the cache and both cores.

This is the one place that runs every check over a file; the CLI and the Pelican
glue both call :class:`Proofreader`.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import re
import time
from dataclasses import replace
from pathlib import Path

from cmcore import french
from cmcore.problems import display_path

from . import grammar, language, repetition, typography
from .baseline import context_of
from .cache import Cache, untold_key
from .cache import key_of as _hash
from .finding import (
    Edit,
    Finding,
    Hit,
    french_spaces,
    from_record,
    hit_from_json,
    hit_to_json,
    occurrence_note,
    to_record,
)
from .language import english_runs
from .options import MARKDOWN_SUFFIXES, Options
from .source import Document, Segment, code_spans, parse
from .source import named_in_target as _named_in_target
from .spelling import (
    SpellingChecker,
    dictionary_entries,
    dictionary_version,
    load_lexicon,
    words_of,
)

HERE = Path(__file__).resolve().parent
# Below this many files to check, forking workers costs more than it saves.
PARALLEL_MIN_FILES = 4


JARGON_TEXT = (HERE / "lists" / "jargon.txt").read_text(encoding="utf-8")
PLATFORMS_TEXT = (HERE / "lists" / "plateformes.txt").read_text(encoding="utf-8")
# Colloquial words, clipped words and interjections that dictionaries record (familier.txt).
FAMILIAR_TEXT = (HERE / "lists" / "familier.txt").read_text(encoding="utf-8")
# What a set phrase of the dictionaries silences inside it (spelling goes by its words).
_PHRASE_SILENCED = frozenset({"grammar", "repetition", "style"})
# Grammalecte's agreement of a determiner with the next word (« les indicateur clé »): the
# phrase's first word agrees with what comes before it, which the phrase does not fix.
_DETERMINER_AGREEMENT = re.compile(r"gn_\w*_1m_")
# Grammalecte's style advice, not mistakes: its pleonasms (option « pleo », every message
# « Pléonasme. »: « voire même », « bourrasques de vent » are redundancies, not errors of
# grammar or spelling) and, in its « bs » family (« Populaire »), the notices that its own
# messages call an anglicism, a cliché or a preference (« Anglicisme superflu » for
# « code legacy », « Cliché », « Novlangue », « Classiquement, on écrit plutôt »). Like its
# advice on « digital » (grammar.py), they are left out; the « bs » rules that call a
# turn wrong (« malgré que », « pire » for « pis », « pour pas que ») stay.
_STYLE_ADVICE = re.compile(
    r"grammalecte:(?:pleo:|bs:g\d__(?:code_legacy|bs_à_date|bs_exception_qui_confirme_la_règle"
    r"|bs_silence_assourdissant|bs_vidéoprotection|bs_mettre_en_abyme|bs_très_trop_superflu)__)"
)


def _inside_phrase(hit: Hit, phrases: list[tuple[int, int]]) -> bool:
    """A finding about the words of a set phrase between themselves (« indicateurs clés »).

    Only those are silenced: the phrase fixes how its words go together, never how it
    agrees with the rest of the sentence.
    """
    if hit.category not in _PHRASE_SILENCED:
        return False
    for start, end in phrases:
        if start <= hit.start and hit.end <= end:
            return not (hit.start == start and _DETERMINER_AGREEMENT.search(hit.rule))
    return False


def _phrases(expressions) -> re.Pattern | None:
    """A pattern finding the expressions of several words, whatever the case and spacing."""
    multiword = sorted({e for e in expressions if " " in e}, key=len, reverse=True)
    if not multiword:
        return None
    alternatives = (
        r"\s+".join(re.escape(w).replace("’", "['’]").replace("'", "['’]") for w in e.split())
        for e in multiword
    )
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.I)


def _code_version() -> str:
    """The proofreader's code, and the core's French text helpers its messages use."""
    digest = hashlib.sha1()
    for path in [*sorted(HERE.glob("*.py")), Path(french.__file__)]:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _stat_key(paths) -> str:
    parts = []
    for path in paths:
        try:
            stat = os.stat(path)
            parts.append(f"{path}:{stat.st_size}:{stat.st_mtime_ns}")
        except OSError:
            parts.append(f"{path}:-")
    return ";".join(parts)


def _grammalecte_key() -> str:
    spec = importlib.util.find_spec("grammalecte")
    if spec is None or not spec.origin:
        return "absent"
    # Resolved: the venv reaches Debian's Grammalecte through a link inside the project,
    # and a copied or moved project keeps its cache.
    return _stat_key([os.path.realpath(spec.origin)])


class Proofreader:
    """Checks Markdown sources; cheap to create, loads dictionaries only when needed."""

    def __init__(self, options: Options | None = None):
        self.options = options or Options()
        # Our grammar rules read word readings from the table beside the lexicon.
        grammar.morphology_folder(self.options.lexicon_dir)
        dictionary_text = ""
        if self.options.dictionary and Path(self.options.dictionary).is_file():
            dictionary_text = Path(self.options.dictionary).read_text(encoding="utf-8")
        self.expressions = dictionary_entries(dictionary_text)
        self.site_words = words_of(self.expressions)
        jargon = dictionary_entries(JARGON_TEXT)
        # The trade's words, like the site's own, are spelt right and silence no grammar:
        # « les client » stays wrong although « relation client » is not.
        self.jargon_words = (
            words_of(jargon)
            | words_of(dictionary_entries(PLATFORMS_TEXT))
            | words_of(dictionary_entries(FAMILIAR_TEXT))
        )
        self._set_phrases = _phrases([*self.expressions, *jargon])
        use_grammar = self.options.grammar and importlib.util.find_spec("grammalecte") is not None
        self.use_grammar = use_grammar
        if self.options.grammar and not use_grammar:
            grammar.engine()  # says once that grammar is off
        self.context = _hash(
            _code_version(),
            dictionary_version(self.options.hunspell),
            dictionary_text,
            JARGON_TEXT,
            PLATFORMS_TEXT,
            FAMILIAR_TEXT,
            _grammalecte_key() if use_grammar else "no-grammar",
            ",".join(self.options.fields),
        )
        self.cache = Cache(self.options.cache_dir)
        self._speller: SpellingChecker | None = None
        # Grammalecte later (a build that must not wait for it, see background.py): a
        # paragraph whose Grammalecte findings are not cached gets our own grammar rules
        # now and is kept in ``deferred``; nothing computed without them is cached.
        self.defer_grammar = False
        self.deferred: dict[str, str] = {}  # grammar cache key -> paragraph
        self._deferrals = 0
        # The per-file cache key of each source of the last check_files() call.
        self.file_keys: dict[str, str] = {}
        self.told_now: list[str] = []  # see check_files
        # Grammar depends on the text alone; spelling also on the names the site's code
        # spans give (« pelican »), so a new one re-checks spelling, never grammar.
        self._grammar_context = self.context
        self.code_words: frozenset[str] = frozenset()
        if self.options.content:
            self.code_words = self._site_code_words(self.options.content)
            self.context = _hash(self.context, ",".join(sorted(self.code_words)))

    # -- engines, loaded on first need ------------------------------------------------------

    def _spelling(self) -> SpellingChecker:
        if self._speller is None:
            lexicon = load_lexicon(self.options.lexicon_dir, self.options.hunspell)
            self._speller = SpellingChecker(lexicon, self.site_words | self.jargon_words)
        return self._speller

    def _code_words(self, source: str) -> set[str]:
        """The lower-case words of a source's code spans that prose may use as names."""
        accepted = self._spelling().code_word
        return {
            word
            for span in code_spans(source)
            for word in re.findall(r"[^\W\d_]+", span)
            if accepted(word, not any(c.isspace() for c in span.strip()))
        }

    def _site_code_words(self, folder: str) -> frozenset[str]:
        """The code words of every source of the site, each file's kept by its stat."""
        version = _code_version()
        paths = [str(p) for p in sorted(Path(folder).rglob("*")) if p.suffix in MARKDOWN_SUFFIXES]
        stamps = {path: _hash(version, "code-words", path, _stat(path)) for path in paths}
        known = self.cache.get_many(list(stamps.values()))
        words: set[str] = set()
        for path, stamp in stamps.items():
            found = known.get(stamp)
            if found is None:
                seen = _stat(path)
                found = sorted(self._code_words(_read(path) or ""))
                if seen and _settled(path, seen):
                    self.cache.put(stamp, found)
            words.update(found)
        return frozenset(words)

    def warm_up(self) -> None:
        """Load the engines now (before forking workers, so that they share them).

        Grammalecte builds most of its rules on its first check: one check here, so that
        each worker does not build (and keep) its own copy.
        """
        self._spelling()
        if self.use_grammar and grammar.engine() and not self.defer_grammar:
            grammar.check(_WARM_UP)

    # -- checking ---------------------------------------------------------------------------

    def segment_hits(
        self, text: str, kind: str, extra: frozenset[str], base_key: str = ""
    ) -> list[Hit]:
        """Every finding of one segment, before placement in the file.

        Uncached, but for the findings other than grammar when Grammalecte's are deferred:
        kept under ``base_key``, so that the segment is not checked twice once they come.
        """
        if language.looks_foreign(text):
            return []  # a quotation or a pasted paragraph in English: not ours to correct
        raw = self.cache.get(base_key) if base_key else None
        if raw is not None:
            hits = [hit_from_json(item) for item in raw]
        else:
            hits = self._spelling().check(text, extra)
            hits += repetition.check(text, table=kind == "table")
            hits += typography.check(text)
        if base_key and self.defer_grammar and raw is None:
            self.cache.put(base_key, [hit_to_json(h) for h in hits])
        if kind != "table" and self.options.grammar:
            # Grammalecte when installed, our homophone rules always (unless grammar is off).
            # A dictionary word only passes the spelling check: the grammar findings around
            # it stay (« les community managers est » is wrong whatever the dictionary says).
            found = [
                h
                for h in self._grammar_hits(text)
                if not _STYLE_ADVICE.match(h.rule)
                # A word doubled on purpose is repetition.py's to judge (« hyper hyper »).
                and not (
                    h.rule.endswith(":doublon")
                    and repetition.doubled_on_purpose(text[h.start : h.end].split()[0])
                )
            ]
            # A form no verb has, made on a known verb (« croivent »), is told as grammar
            # (its conjugation), not as an unknown word; only where spelling rejects it.
            unknown = {(h.start, h.end) for h in hits if h.category == "spelling"}
            conjugated = {
                (h.start, h.end)
                for h in found
                if h.rule == "conjugaison" and (h.start, h.end) in unknown
            }
            found = [h for h in found if h.rule != "conjugaison" or (h.start, h.end) in conjugated]
            # A compound noun told by its construction (« chef-d’œuvres »: plural on the
            # first noun) is grammar, not the unknown word the spelling check sees in it.
            constructions = [(h.start, h.end) for h in found if h.rule == "construction"]
            hits = [
                h
                for h in hits
                if h.category != "spelling"
                or (
                    (h.start, h.end) not in conjugated
                    and not any(s <= h.start and h.end <= e for s, e in constructions)
                )
            ]
            if any(h.rule.startswith("grammalecte:gn:") for h in found):
                found = self._outside_english_phrases(text, found)
            spelled = [(h.start, h.end) for h in hits if h.category in ("spelling", "repetition")]
            for hit in found:
                if not any(s < hit.end and hit.start < e for s, e in spelled):
                    hits.append(hit)
        if self._set_phrases is not None and hits:
            phrases = [m.span() for m in self._set_phrases.finditer(text)]
            if phrases:
                hits = [h for h in hits if not _inside_phrase(h, phrases)]
        return hits

    def _outside_english_phrases(self, text: str, found: list[Hit]) -> list[Hit]:
        """Grammalecte's agreement findings left out on an English noun phrase inside a
        French sentence (« une Pull Request », « le native advertising », « la plupart des
        Rogue Likes »): English words in a row, one of them at least no French word. It
        reads them as French words and agrees the determiner with the first; French gives
        such a loan the gender of the French noun it stands for (Grevisse, genre des noms
        empruntés), which Grammalecte cannot know. Its other findings stay."""
        spelling = self._spelling()
        tokens = [(m.start(), m.end(), m.group()) for m in _PHRASE_WORD.finditer(text)]
        # An elided word is French (« la bar d’actions »), and a short one proves nothing
        # (« les podcast us »): the phrase needs an English word of four letters at least.
        runs = english_runs(
            text,
            tokens,
            lambda part: "’" not in part and "'" not in part and spelling._english_part(part),
            lambda part: len(part) < 4 or spelling._french_part(part),
            least=1,
        )
        spans = [tokens[i][:2] for i in runs]
        return [
            h
            for h in found
            if not h.rule.startswith("grammalecte:gn:")
            or not any(s < h.end and h.start < e for s, e in spans)
        ]

    def _grammar_hits(self, text: str) -> list[Hit]:
        """Grammar findings of a segment, cached by its text alone.

        Unlike spelling, they do not depend on the file's ignored words and names (those
        are filtered afterwards), and they are the slowest to compute: a paragraph met
        again in another file, or in a file whose ignores changed, is not checked again.
        """
        key = _hash(self._grammar_context, "grammar", text)
        cached = self.cache.get(key)
        if cached is not None:
            return [hit_from_json(item) for item in cached]
        if self.defer_grammar and self.use_grammar:
            self.deferred[key] = text
            self._deferrals += 1
            # Our own rules meanwhile, cached too: until Grammalecte's pass is done, every
            # build checks the paragraph again, and they are most of that check's time.
            ours = _hash(self._grammar_context, "grammar-ours", text)
            cached = self.cache.get(ours)
            if cached is not None:
                return [hit_from_json(item) for item in cached]
            hits = grammar.check(text, use_grammalecte=False)
            self.cache.put(ours, [hit_to_json(h) for h in hits])
            return hits
        hits = grammar.check(text, self.use_grammar)
        self.cache.put(key, [hit_to_json(h) for h in hits])
        return hits

    def check_document(self, document: Document) -> list[Finding]:
        """Findings of a parsed document, paragraph by paragraph through the cache."""
        extra = words_of(document.ignore_words) if document.ignore_words else frozenset()
        # Names written with a capital in mid-sentence are names at a sentence start too.
        names = {m.group(1) for s in document.segments for m in _MID_SENTENCE_NAME.finditer(s.text)}
        if names:  # a slip of the fingers with a capital is no name (« Buisness »)
            swapped = self._spelling().swapped_letters
            names = {name for name in names if not swapped(name)}
        extra = extra | names | self.code_words | self._code_words(document.source)
        # Italics also set a word apart for emphasis: one in italics one edit from a French
        # word is more likely a slip (« *vraiement* ») than a coinage, and is still checked,
        # unless it is an English word, foreign on purpose (« *listed* »). Quotation marks
        # around one word mark a coinage or a citation (« « punchés » »).
        lexicon = self._spelling().lexicon
        italic = italic_words(document.source)
        extra = extra | {
            word
            for word in cited_words(document.source)
            if word not in italic or not lexicon.near_french(word) or lexicon.is_english(word)
        }
        # An italic phrase whose words are all English's is an English phrase quoted on
        # purpose (« _one shot_ »): one French word in it (« *une idé* ») and it is checked.
        for m in _ITALIC_PHRASE.finditer(document.source):
            words = m.group(2).split()
            if len(words) >= 2 and all(lexicon.is_english(word) for word in words):
                extra = extra | set(words)
        prefix = _hash(self.context, ",".join(sorted(extra)))
        keys = [_hash(prefix, s.kind, s.text) for s in document.segments]
        cached = self.cache.get_many(keys)
        findings: list[Finding] = []
        for segment, key in zip(document.segments, keys, strict=True):
            raw = cached.get(key)
            if raw is None:
                waiting = self._deferrals
                base = _hash(key, "base")
                hits = self.segment_hits(segment.text, segment.kind, extra, base)
                if self._deferrals == waiting:
                    self.cache.put(key, [hit_to_json(h) for h in hits])
            else:
                hits = [hit_from_json(item) for item in raw]
            for hit in hits:
                findings.append(place(document, segment, hit))
        findings.sort(key=lambda f: (f.offset, f.column, f.category, f.rule))
        return group_repeated(_dedupe(findings))

    def _file_key(self, path: str, source: str) -> str:
        return _hash(self.context, "file", path, source)

    def check_source(self, path: str, source: str) -> list[Finding]:
        """Findings of one Markdown source (through the per-file cache)."""
        key = self._file_key(path, source)
        cached = self.cache.get(key)
        if cached is not None:
            return [from_record(item) for item in cached]
        return self._check_uncached(key, path, source)

    def _check_uncached(self, key: str, path: str, source: str) -> list[Finding]:
        """Findings of a source known to be missing from the per-file cache."""
        waiting = self._deferrals
        findings = self.check_document(parse(source, path, self.options.fields))
        if self._deferrals == waiting:
            self.cache.put(key, [to_record(f, full=True) for f in findings])
        return findings

    def check_files(
        self, paths: list[str], *, load_cached: bool = True
    ) -> dict[str, list[Finding] | None]:
        """Findings of many files: cached ones at once, the others on every core.

        With ``load_cached=False``, a file whose findings are in the cache gets None
        instead (read them with :meth:`cached_findings` when needed): a build in which
        one file changed reads one file's findings, whatever the size of the site. Those
        of them no build has told yet are named in :attr:`told_now`, and marked told. The
        per-file cache keys are left in :attr:`file_keys`.
        """
        shown = {path: display_path(path) for path in paths}
        keys = self._keys_of(paths, shown)
        self.file_keys = dict(keys)
        results: dict[str, list[Finding] | None] = {p: [] for p in paths if p not in keys}
        todo = []
        if load_cached:
            cached = self.cache.get_many(list(keys.values()))
            for path in keys:
                raw = cached.get(keys[path])
                if raw is None:
                    todo.append(path)
                else:
                    results[path] = [from_record(item) for item in raw]
        else:
            present = self.cache.known(list(keys.values()))
            untold = self._untold([keys[path] for path in keys if keys[path] in present])
            # Found by a Grammalecte pass after a build had ended: counted, not read
            # (after a cold build, that is every file of the site).
            self.told_now = [path for path in keys if keys[path] in untold]
            for path in keys:
                if keys[path] in present:
                    results[path] = None
                else:
                    todo.append(path)
            self.mark(untold, told=True)
        jobs = self.options.jobs or os.cpu_count() or 1
        if len(todo) >= PARALLEL_MIN_FILES and jobs > 1:
            results.update(self._check_on_every_core(todo, shown, jobs))
        else:
            for path in todo:
                source = _read(path)
                if source is None:
                    results[path] = []
                    continue
                key = self._file_key(shown[path], source)  # in case it changed meanwhile
                self.file_keys[path] = key
                results[path] = self._check_uncached(key, shown[path], source)
        self.cache.flush()
        return {path: results[path] for path in paths}

    def _keys_of(self, paths: list[str], shown: dict[str, str]) -> dict[str, str]:
        """The per-file cache key of each source (a source gone has none)."""
        # Sources are read for their keys, then again when checked: never all in memory.
        # A file removed meanwhile (renamed while the dev server builds) has no findings.
        # A file whose stat (inode, size, times) was seen before is not even read: its stamp
        # gives its key.
        stats = {path: _stat(path) for path in paths}
        stamps = {
            path: _hash(self.context, "stamp", path, shown[path], stat)
            for path, stat in stats.items()
            if stat
        }
        known = self.cache.get_many(list(stamps.values()))
        keys = {}
        for path in paths:
            stamp = stamps.get(path)
            if isinstance(known.get(stamp), str):
                keys[path] = known[stamp]
                continue
            source = _read(path)
            if source is None:
                continue
            keys[path] = self._file_key(shown[path], source)
            if stamp and _settled(path, stats[path]):
                self.cache.put(stamp, keys[path])
        return keys

    def _check_on_every_core(
        self, todo: list[str], shown: dict[str, str], jobs: int
    ) -> dict[str, list[Finding]]:
        """Findings of the files ``todo``, in workers forked from this process."""
        self.warm_up()
        global _WORKER
        _WORKER = self
        sources = {path: source for path in todo if (source := _read(path)) is not None}
        results = {path: [] for path in todo if path not in sources}
        todo = list(sources)
        if self.use_grammar and not self.defer_grammar:
            self._grammar_first([(shown[p], sources[p]) for p in todo], jobs)
        chunk = max(1, len(todo) // (jobs * 4))
        # Forked after the grammar pass: workers find its results in the cache's memory.
        with _fork_pool(jobs) as pool:
            items = [(self._file_key(shown[p], sources[p]), shown[p], sources[p]) for p in todo]
            for path, (findings, entries, deferred) in zip(
                todo, pool.map(_work, items, chunksize=chunk), strict=True
            ):
                self.cache.put_raw(entries)
                self.deferred.update(deferred)
                results[path] = findings
        _WORKER = None
        return results

    def mark(self, keys, *, told: bool) -> None:
        """Mark per-file cache keys as shown by a build or not: a file whose entry is there
        but not shown yet (found after its build had ended) is shown in full by the next."""
        if not keys:
            return
        for key in keys:
            self.cache.put(untold_key(key), not told)
        self.cache.flush()

    def _untold(self, keys: list[str]) -> set[str]:
        marks = self.cache.get_many([untold_key(key) for key in keys])
        return {key for key in keys if marks.get(untold_key(key))}

    def cached_findings(self, key: str) -> list[Finding] | None:
        """The findings the cache keeps under a per-file key (see :attr:`file_keys`)."""
        raw = self.cache.get(key)
        return None if raw is None else [from_record(item) for item in raw]

    def few_deferred(self) -> bool:
        """Whether the deferred paragraphs are an edit's few, checked without workers."""
        return len(self.deferred) < PARALLEL_MIN_FILES * 4

    def run_deferred(self, stop=lambda: False, batch: int = 0, jobs: int = 0) -> int:
        """Grammalecte over the deferred paragraphs, on ``jobs`` workers (default: the
        options'), written to the cache batch by batch; stops between two batches when
        ``stop()`` says so.

        Returns how many paragraphs are still waiting (0 when done).
        """
        jobs = jobs or self.options.jobs or os.cpu_count() or 1
        batch = batch or 32 * jobs
        waiting = list(self.deferred.items())
        self.defer_grammar = False
        if not waiting:
            return 0
        if self.few_deferred():  # an edit's few paragraphs: no workers
            for key, text in waiting:
                self.cache.put(key, [hit_to_json(h) for h in grammar.check(text, self.use_grammar)])
                del self.deferred[key]
            self.cache.flush()
            return 0
        self.warm_up()
        global _WORKER
        _WORKER = self
        try:
            with _fork_pool(jobs) as pool:
                for start in range(0, len(waiting), batch):
                    if stop():
                        return len(waiting) - start
                    part = waiting[start : start + batch]
                    chunk = max(1, len(part) // (jobs * 4))
                    found = pool.map(_grammar_work, [text for _, text in part], chunksize=chunk)
                    for (key, _), hits in zip(part, found, strict=True):
                        self.cache.put(key, hits)
                        del self.deferred[key]
                    self.cache.flush()
        finally:
            _WORKER = None
        return 0

    def _grammar_first(self, sources: list[tuple[str, str]], jobs: int) -> None:
        """Grammalecte over every distinct paragraph of ``sources`` not yet cached, on every core.

        Grammar is nine tenths of the work and depends on the text alone: done per file,
        a paragraph met in files given to different workers would be checked twice.
        """
        texts = {}
        for path, source in sources:
            for segment in parse(source, path, self.options.fields).segments:
                if segment.kind != "table":
                    texts[_hash(self._grammar_context, "grammar", segment.text)] = segment.text
        cached = self.cache.get_many(list(texts))
        missing = [key for key in texts if key not in cached]
        if not missing:
            return
        chunk = max(1, len(missing) // (jobs * 8))
        with _fork_pool(jobs) as pool:
            found = pool.map(_grammar_work, [texts[key] for key in missing], chunksize=chunk)
            for key, hits in zip(missing, found, strict=True):
                self.cache.put(key, hits)

    def close(self) -> None:
        """Write the cache."""
        self.cache.close()


# A word the author sets apart on purpose, alone between quotation marks or in italics:
# typography's marks of a foreign word (italics: Lexique des règles typographiques en
# usage à l’Imprimerie nationale, « mots étrangers »), of a coinage or a word used in a
# sense of the author's (quotation marks: Grevisse, guillemets). Such a word is no slip
# (« « consomm’acteur » », « « webosphère » », « le compteur *listed* »), in the whole
# file where the author introduced it. Bold (« ** ») is emphasis, not such a mark.
_CITED = re.compile(
    r"(?:(?<![*\w])[*_](?P<italic>[^\W\d_][\w’'-]*)[*_](?![*\w])"
    r"|«[ \u00a0\u202f]?(?P<quoted>[^\W\d_][\w’'-]*)[ \u00a0\u202f]?»"
    r"|(?<!\w)[“\"](?P<straight>[^\W\d_][\w’'-]*)[”\"](?!\w))"
)
# Words in italics, two or more (« _one shot_ », « *gut training* »): French typography
# sets a phrase of another language in italics (Lexique des règles typographiques en usage
# à l’Imprimerie nationale, « Italique »: mots et locutions en langue étrangère).
_ITALIC_PHRASE = re.compile(r"(?<![*\w])([*_])([^\W\d_][\w’' -]*[\w’'])\1(?![*\w])")
# A link whose text is one word that its target's host name holds (« [Vercel](https://vercel.com) »,
# « [Foundation](http://foundation.zurb.com/) »): the name of the site or product linked.
# The same for the last segment of its path or a value of its query (« [ungit](https://
# github.com/FredrikNoren/ungit) », « [cdnjs](https://marketplace.visualstudio.com/items?
# itemName=JakeWilson.vscode-cdnjs) »).
_NAMED_LINK = re.compile(r"\[([^\W\d_][\w’'-]*)\]\(<?(?:https?://)?(?:www\.)?([^/)\s>]+)([^)\s>]*)")


_PHRASE_WORD = re.compile(r"[^\W\d_][\w’'-]*")


def _target_names(link: str) -> set[str]:
    """The names a link's target gives after its host, whole and split at hyphens."""
    names = set()
    for name in _named_in_target(link + ")"):
        names.update({name, *name.split("-")})
    return names


def italic_words(source: str) -> frozenset[str]:
    """The words of a source set alone in italics."""
    return frozenset(m.group("italic") for m in _CITED.finditer(source) if m.group("italic"))


def cited_words(source: str) -> frozenset[str]:
    """Words of a source that its author cites, coins or names on purpose (see above)."""
    found = {
        m.group("italic") or m.group("quoted") or m.group("straight")
        for m in _CITED.finditer(source)
    }
    found.update(
        m.group(1)
        for m in _NAMED_LINK.finditer(source)
        if m.group(1).lower() in m.group(2).lower().split(".")
        or m.group(1).lower() in _target_names(m.group(0))
    )
    return frozenset(found)


# A capital after a word or a comma and a space; the lookbehind follows the capital so
# that the regex engine skips from capital to capital.
_MID_SENTENCE_NAME = re.compile(r"([A-ZÀ-ÖØ-Þ](?<=[\w,;] [A-ZÀ-ÖØ-Þ])[\w’'-]*)")
_WORKER: Proofreader | None = None


def _fork_pool(jobs: int):
    """Workers forked from this process, sharing its loaded dictionaries."""
    # Imported here: a proofreader on one core (beside a build) does without them.
    import gc
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    # The collector of a worker would visit, and so copy, every page of the dictionaries
    # and rules it shares with this process: what is loaded by now stays out of its sight.
    gc.freeze()
    return ProcessPoolExecutor(jobs, mp_context=get_context("fork"))


# What the warm-up checks: a sentence that runs the most common kinds of Grammalecte's rules.
_WARM_UP = "Les articles qu’il a publié hier sont très lu, et on a partager ces conseil."

# A file changed this recently may change again within the file system's clock tick,
# keeping its stat: its stamp is not remembered.
SETTLED_NS = 2_000_000_000


def _stat(path: str) -> str:
    """What tells a file's versions apart without reading it ("" when it is gone)."""
    try:
        stat = os.stat(path)
    except OSError:
        return ""
    return f"{stat.st_dev}:{stat.st_ino}:{stat.st_size}:{stat.st_mtime_ns}:{stat.st_ctime_ns}"


def _settled(path: str, seen: str) -> bool:
    """The file is as it was when ``seen`` (before it was read), and has been for a while."""
    if _stat(path) != seen:
        return False
    changed = max(int(part) for part in seen.split(":")[3:])
    return time.time_ns() - changed > SETTLED_NS


def _read(path: str) -> str | None:
    """The text of a source, or None when it is gone."""
    try:
        return Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None


def _work(item: tuple[str, str, str]) -> tuple[list[Finding], dict[str, str], dict[str, str]]:
    """One file in a worker: (file key, path, source) → findings, new cache entries and
    the paragraphs whose Grammalecte pass is deferred."""
    proofreader = _WORKER
    assert proofreader is not None
    proofreader.cache.take_pending()  # the parent's own, copied by the fork
    proofreader.deferred = {}
    findings = proofreader._check_uncached(*item)
    return findings, proofreader.cache.take_pending(), proofreader.deferred


def _grammar_work(text: str) -> list[list]:
    """Grammar findings of one paragraph in a worker, as the cache keeps them."""
    proofreader = _WORKER
    assert proofreader is not None
    return [hit_to_json(h) for h in grammar.check(text, proofreader.use_grammar)]


def place(document: Document, segment: Segment, hit: Hit) -> Finding:
    """The finding ``hit`` is once placed in the source file (see finding.py)."""
    start, end = segment.span(hit.start, hit.end)
    line, column = document.position(start)
    end_line, end_column = document.position(end - 1)
    if end_line != line:
        end_column = len(document.line_text(line)) + 1
    else:
        end_column += 1
    edit = None
    if hit.replacement is not None:
        contiguous = segment.offsets[hit.end - 1] - segment.offsets[hit.start] == (
            hit.end - hit.start - 1
        )
        if contiguous:
            edit = Edit(start, end, hit.replacement)
    return Finding(
        file=document.path,
        line=line,
        column=column,
        end_column=end_column,
        category=hit.category,
        rule=hit.rule,
        message=french_spaces(hit.message),
        suggestions=tuple(hit.suggestions),
        excerpt=document.line_text(line).strip()[:200],
        autofix=hit.autofix,
        offset=start,
        edit=edit,
        # What recognises a real finding among the known mistakes (never autofix ones).
        text="" if hit.autofix else segment.text[hit.start : hit.end],
        context="" if hit.autofix else context_of(segment.text, hit.start, hit.end),
    )


def _dedupe(findings: list[Finding]) -> list[Finding]:
    seen = set()
    unique = []
    for finding in findings:
        key = (finding.line, finding.column, finding.end_column, finding.rule)
        if key not in seen:
            seen.add(key)
            unique.append(finding)
    return unique


# Unknown words and glued words: what a proofreader reports once per text. A word of the
# trade the dictionaries lack (« nofollow » 34 times in an article on links) is one
# question for the author, not 34; a real slip written twice is one correction to make
# everywhere. Cut words (« modéra tion ») and grammar are about one place each: never
# grouped.
_GROUPED_RULES = frozenset({"orthographe", "mots-collés"})


def group_repeated(findings: list[Finding]) -> list[Finding]:
    """One finding per unknown word of a file, at its first occurrence, its message
    telling how many times and on which lines the file writes it (``occurrences`` keeps
    the others' places, for ``--vocabulaire``)."""
    groups: dict[tuple[str, str], list[Finding]] = {}
    for finding in findings:
        if finding.category == "spelling" and finding.rule in _GROUPED_RULES and finding.text:
            key = (finding.rule, finding.text.casefold().replace("'", "’"))
            groups.setdefault(key, []).append(finding)
    if all(len(group) == 1 for group in groups.values()):
        return findings
    firsts = {}
    for group in groups.values():
        if len(group) > 1:
            first = group[0]
            note = occurrence_note([f.line for f in group])
            firsts[id(first)] = replace(
                first,
                message=french_spaces(f"{first.message} ({note})"),
                occurrences=tuple((f.line, f.column, f.text) for f in group[1:]),
            )
            firsts.update((id(f), None) for f in group[1:])
    out = []
    for finding in findings:
        grouped = firsts.get(id(finding), finding)
        if grouped is not None:
            out.append(grouped)
    return out


def apply_edits(source: str, findings: list[Finding]) -> str:
    """The source with the typography edits of autofix findings applied (never overlapping)."""
    edits = sorted(
        {f.edit for f in findings if f.autofix and f.edit is not None},
        key=lambda e: (e.start, e.end),
    )
    out = []
    position = 0
    for edit in edits:
        if edit.start < position:
            continue
        out.append(source[position : edit.start])
        out.append(edit.text)
        position = edit.end
    out.append(source[position:])
    return "".join(out)
