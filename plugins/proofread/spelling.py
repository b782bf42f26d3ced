"""French spelling: Hunspell's French dictionary, fast, with ranked suggestions.

Debian's ``hunspell-fr`` dictionary is expanded once into the set of every word form
it accepts (about 460,000) and kept on disk, keyed by the dictionary files' hashes, as
MARISA tries: 4.5 MB mapped from files instead of 130 MB of Python strings and tables,
shared by every process, and a lookup costs under a microsecond. The expansion is read
with spylls (a pure-Python Hunspell) and covers prefixes and twofold suffixes: on the
30,000 most frequent French words it accepts exactly what spylls accepts.
pyspellchecker's French word frequencies rank the suggestions. Debian's English Hunspell
dictionary (``hunspell-en-us``), expanded the same way, recognises the English words and
expressions of a French text (« un bon reach », « machine to machine »), unless the word
is one letter away from a French word: « language », « exemple » written « example »,
« general » for « général » are French words misspelt, and stay findings.
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import os
import re
from collections.abc import Container, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .finding import Hit, word_set
from .language import english_runs
from .options import HUNSPELL_DIC
from .source import PLACEHOLDER
from .typography import ABBREVIATIONS

logger = logging.getLogger(__name__)

LEXICON_FORMAT = "9"
# A French word at least this frequent (pyspellchecker's counts) one edit away from an
# English word makes that word a likely misspelling (see near_french).
NEAR_FREQUENCY = 1000
# Debian's hunspell-en-us dictionary (without its .aff/.dic suffix).
ENGLISH_DIC = "/usr/share/hunspell/en_US"
LISTS = Path(__file__).resolve().parent / "lists"

# Elided words written with an apostrophe: l’, d’, qu’, j’, jusqu’...
ELISIONS = word_set("l d j m n s t c qu jusqu lorsqu puisqu quoiqu quelqu presqu entr prud")
# Inclusive writing joins a word and its endings with a middle dot: lecteur·ices.
_MIDDLE_DOTS = "·⋅"
# An @handle goes on past a slash: « @extrema/reality » names a Twitter list (its owner's
# handle, then the list's name), the handle of a GitHub repository too.
_TOKEN = re.compile(r"@\w+(?:/[\w-]+)*|#?\w+(?:[’'\-·⋅]\w+)*")
_ELIDED = re.compile(r"(\w+)[’'](.+)")
# A file name's extension or a host's last label: glued by a dot, lower case, short.
_EXTENSION = re.compile(r"\.[a-z0-9]{1,5}(?!\w|\.\w)")
_ROMAN = re.compile(r"^[IVXLCDM]+(?:e|er|re|ème|es)?$")
_FRENCH_LOWER = "abcdefghijklmnopqrstuvwxyz"
_SENTENCE_END = ".!?…:"
# A letter written three times or more: a word drawn out on purpose (« heuuu », « pfff »),
# unless it is a consonant inside the word, a slip of the finger (« storytellling »).
_LENGTHENED = re.compile(r"(\w)\1\1")
_SLIPPED = re.compile(r"([^\Waeiouyàâäéèêëîïôöùûü\d_])\1\1(?=\w)(?!\1)")
# English words of one or two letters that are not French words too.
# Learned elements that French glues to a word (see SpellingChecker._prefixed).
_GLUED_PREFIXES = (
    "micro",
    "macro",
    "mini",
    "multi",
    "hyper",
    "super",
    "ultra",
    "extra",
    "méga",
    "mega",
    "néo",
    "proto",
    "pseudo",
    "télé",
    "auto",
    "anti",
    "inter",
    "intra",
    "poly",
    "cyber",
    "web",
    # « co- », « éco- », « neuro- », « sur- » (cogérer, écoconception, neurosciences,
    # suremballage: Le Robert, Larousse; the Rectifications of 1990 glue them too).
    "co",
    "éco",
    "neuro",
    "sur",
)
# The same elements written with a hyphen (« co-gérance », « éco-camping »,
# « neuro-linguistique »): the spelling before the Rectifications of 1990, which
# recommend the glued one without making the other a mistake (Journal officiel, 6
# décembre 1990, « Les rectifications de l’orthographe », II.1: soudure recommandée).
_HYPHENED_PREFIXES = frozenset(_GLUED_PREFIXES) | {"ré", "pré", "post", "semi", "bio", "pro"}
# The last code point of the Latin letters (Latin Extended-B); French needs no letter past it.
_LATIN_END = 0x24F
_ENGLISH_SHORT = word_set("to by of in on at it is my we up so no do go be us an as or if")
# The endings of inclusive writing after a middle dot, shortened forms included:
# salarié·e·s, lecteur·ices, acteur·rice·s, heureux·ses, sportif·ves, chanteur·euses.
_INCLUSIVE_ENDINGS = word_set(
    "e es s x le les lle lles ne nes nne nnes se ses sse sses te tes tte ttes ve ves fe fes "
    "re res ère ères ière ières ice ices rice rices trice trices euse euses eure eures "
    "eresse eresses que ques ale ales aux ienne iennes enne ennes elle elles ette ettes"
)


_ACCENTS = str.maketrans("àâäáãåçéèêëíìîïñóòôöõúùûüýÿ", "aaaaaaceeeeiiiinooooouuuuyy")


def _strip_accents(word: str) -> str:
    return word.translate(_ACCENTS).replace("œ", "oe").replace("æ", "ae")


def dictionary_files(base: str = HUNSPELL_DIC) -> tuple[Path, Path]:
    """The .aff and .dic files of a Hunspell dictionary."""
    return Path(base + ".aff"), Path(base + ".dic")


def dictionary_version(base: str = HUNSPELL_DIC) -> str:
    """A short hash of what the lexicon is made from: the cache key of the lexicon.

    The French and English Hunspell files and pyspellchecker's French frequency list, by
    their size and modification time (a package upgrade writes them anew), and the
    lexicon's format. Neither read nor imported: every proofreading process asks, and the
    build's proofreader beside a one-article edit needs nothing else from them.
    """
    parts = [LEXICON_FORMAT]
    resources = None
    spec = importlib.util.find_spec("spellchecker")
    if spec is not None and spec.origin:
        resources = Path(spec.origin).parent / "resources"
    for path in (
        *dictionary_files(base),
        *dictionary_files(ENGLISH_DIC),
        *((resources / "fr.json.gz",) if resources else ()),
    ):
        try:
            stat = path.stat()
            parts.append(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}")
        except OSError:
            parts.append(f"{path.name}:-")
    return hashlib.sha1("\n".join(parts).encode()).hexdigest()[:16]


def expand_hunspell(base: str = HUNSPELL_DIC) -> set[str]:
    """Every word form the Hunspell dictionary accepts, elision prefixes aside."""
    from spylls.hunspell import Dictionary

    dictionary = Dictionary.from_files(base)
    aff = dictionary.aff
    need, forbidden = aff.NEEDAFFIX, aff.FORBIDDENWORD
    only_in_compound = aff.ONLYINCOMPOUND
    forms: set[str] = set()
    # Elision prefixes (l’, d’, qu’...) are split off by the checker, not expanded here.
    prefix_flags = set(aff.PFX)
    for word in dictionary.dic.words:
        flags = word.flags
        if (forbidden and forbidden in flags) or (only_in_compound and only_in_compound in flags):
            continue
        stem = word.stem
        if not (need and need in flags):
            forms.add(stem)
        suffixed: list[tuple[str, bool]] = [(stem, True)]
        for flag in flags:
            for suffix in aff.SFX.get(flag, ()):
                if not suffix.cond_regexp.search(stem):
                    continue
                form = (
                    stem[: len(stem) - len(suffix.strip)] if suffix.strip else stem
                ) + suffix.add
                if not (need and need in suffix.flags):
                    forms.add(form)
                suffixed.append((form, suffix.crossproduct))
                for flag2 in suffix.flags:  # twofold suffixes
                    for suffix2 in aff.SFX.get(flag2, ()):
                        if suffix2.cond_regexp.search(form):
                            cut = form[: len(form) - len(suffix2.strip)] if suffix2.strip else form
                            forms.add(cut + suffix2.add)
        for flag in flags & prefix_flags:
            for prefix in aff.PFX[flag]:
                if prefix.add.endswith(("'", "’")):
                    continue
                for form, cross in suffixed:
                    if (cross or form is stem) and prefix.cond_regexp.search(form):
                        prefixed = prefix.add + form[len(prefix.strip) :]
                        forms.add(prefixed)
                        for flag2 in prefix.flags:  # a suffix allowed by the prefix: watt → watts
                            for suffix in aff.SFX.get(flag2, ()):
                                if suffix.cond_regexp.search(prefixed):
                                    cut = prefixed[: len(prefixed) - len(suffix.strip)]
                                    forms.add((cut if suffix.strip else prefixed) + suffix.add)
    return forms


def _frequencies(language: str) -> dict[str, int]:
    from spellchecker import SpellChecker

    return dict(SpellChecker(language=language).word_frequency.dictionary)


@dataclass
class Lexicon:
    """Known French word forms, English words, French frequencies; built once, kept on disk.

    Every table is a MARISA trie mapped from its file: loading costs nothing, the pages
    are shared by every process that proofreads, and a word is found in a microsecond.
    """

    forms: Container[str]  # a marisa_trie.Trie, or any set
    english: Container[str]  # the forms of Debian's English Hunspell dictionary, as written
    version: str
    base: str = HUNSPELL_DIC
    frequencies: Mapping[str, list] | None = field(default=None, repr=False)
    unaccented: Mapping[str, list] | None = field(default=None, repr=False)

    @property
    def frequency(self) -> _Frequencies:
        """French word frequencies (pyspellchecker's), to rank suggestions."""
        return _Frequencies(self.frequencies or {})

    @property
    def _unaccented(self) -> _Unaccented:
        """Forms whose key (lower case, accents stripped) differs from them, by key."""
        return _Unaccented(self.unaccented or {})

    def known(self, word: str) -> bool:
        """Whether Hunspell's French dictionary accepts ``word`` (case rules included)."""
        if word in self.forms:
            return True
        word = word.replace("’", "'")
        if word in self.forms:
            return True
        first = word[0]
        if first.isupper():
            lower = word.lower()
            if lower in self.forms or (first.lower() + word[1:]) in self.forms:
                return True
            if word.isupper() and len(word) > 1 and word.capitalize() in self.forms:
                return True
        return False

    def is_english(self, word: str) -> bool:
        """Whether Hunspell's English dictionary accepts ``word``, with Hunspell's case rules
        (« reach », « Beats by Dre »; « google » is not « Google »), or it is one of the
        short English words that are not French words (« to », « by »)."""
        word = word.replace("’", "'")
        english = self.english
        if word in english or word.lower() in _ENGLISH_SHORT:
            return True
        if word[0].isupper():
            if word.lower() in english or (word[0].lower() + word[1:]) in english:
                return True
            if word.isupper() and len(word) > 1 and word.capitalize() in english:
                return True
        return False

    def is_acronym(self, word: str) -> bool:
        """An acronym of either dictionary written in lower case (« url », « rss », « pdf »),
        or its plural as English makes it (« urls », « pdfs »: French leaves acronyms
        invariable, but the form is no misspelling of a word)."""
        if not (3 <= len(word) <= 6 and word.isalpha() and word.islower()):
            return False
        upper = word.upper()
        if len(word) <= 5 and (upper in self.forms or upper in self.english):
            return True
        return word.endswith("s") and len(word) >= 4 and self.is_acronym(word[:-1])

    def near_french(self, word: str) -> bool:
        """Whether ``word`` may be a French word in common use misspelt: the same but for
        accents (« general », « video »), one edit away (« example » for « exemple »), or
        the French word written with English's spelling (« connection », « language »,
        « recommendations »: see _ANGLICISED); not « reach » for the rare « réac », nor
        « email » for « émail ». A plural is as common as its singular.

        One edit is a letter left out, added, doubled or swapped with its neighbour, a
        vowel for another (« example »), or a consonant for another of the same sound
        (« license »: see _SAME_SOUND); not a consonant for a different one: that makes
        another word (« funnel », « tunnel »; « wave », « cave »; « talk », « talc »),
        seldom a French word misspelt: those keep the sounds of their consonants and err
        on vowels, accents, doubled letters, a sound's spelling (the usage guides'
        anglicisms above; every English-looking misspelling of the development sets,
        tests/proofread/dev*: « example », « language », « connection », « resources »)."""
        key = _strip_accents(word.lower().replace("’", "'"))
        frequency = self.frequency

        def common(form: str) -> bool:
            if frequency.get(form, 0) >= NEAR_FREQUENCY:
                return True
            return form.endswith(("s", "x")) and frequency.get(form[:-1], 0) >= NEAR_FREQUENCY

        return any(
            common(form)
            for candidate in (key, *_edits(key, slips_only=True), *_frenched(key))
            for form in self._with_key(candidate)
        )

    def _with_key(self, key: str) -> list[str]:
        """Lower-case forms that read ``key`` once accents are stripped."""
        found = [key] if key in self.forms and key[:1].islower() else []
        others = self._unaccented.get(key)
        if others:
            found += others.split("\t")
        return found

    def suggest(self, word: str, limit: int = 5) -> list[str]:
        """Ranked corrections: one edit away (accents free), then two, most frequent first."""
        lower = word.lower().replace("’", "'")
        key = _strip_accents(lower)
        found: set[str] = set(self._with_key(key))
        first = _edits(key)
        for candidate in first:
            found.update(self._with_key(candidate))
        if not found:
            for candidate in first:
                for second in _deletes(candidate):
                    found.update(self._with_key(second))
        found.discard(lower)
        frequency = self.frequency

        def rank(candidate: str) -> tuple:
            return (
                -frequency.get(candidate, 0),
                _distance(lower, candidate),
                candidate,
            )

        ranked = sorted(found, key=rank)[:limit]
        if word[:1].isupper():
            ranked = [c[:1].upper() + c[1:] for c in ranked]
        return ranked


class _Frequencies:
    """``get(word, default)`` over a RecordTrie of counts."""

    def __init__(self, trie):
        self.trie = trie

    def get(self, word: str, default=None):
        found = self.trie.get(word)
        return found[0][0] if found else default


class _Unaccented:
    """``get(key)``: the tab-joined forms of a key, over a BytesTrie."""

    def __init__(self, trie):
        self.trie = trie

    def get(self, key: str, default=None):
        found = self.trie.get(key)
        return found[0].decode("utf-8") if found else default


def _unaccented_index(forms: list[str]) -> dict[str, str]:
    """Lower-case forms with accents (or œ, æ) by their key: key → tab-joined forms."""
    lower = [form for form in forms if form[:1].islower()]
    # One translate over all forms at once: about ten times faster than per word.
    keys = "\n".join(lower).translate(_ACCENTS).replace("œ", "oe").replace("æ", "ae")
    index: dict[str, list[str]] = {}
    for key, form in zip(keys.split("\n"), lower, strict=True):
        if key != form:
            index.setdefault(key, []).append(form)
    return {key: "\t".join(found) for key, found in index.items()}


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


# English spellings of words French shares with English, the French spelling beside
# (the « anglicismes orthographiques » of usage guides: Office québécois de la langue
# française, Banque de dépannage linguistique; Grevisse, « emprunts »): a word written
# the English way is a slip in a French text when the French form is a common word.
_ANGLICISED = (
    ("ction", "xion"),  # connection, reflection → connexion, réflexion
    ("guage", "gage"),  # language → langage
    ("endation", "andation"),  # recommendation → recommandation
    ("ddress", "dresse"),  # address → adresse
    ("ement", "ement"),
    ("ment", "ement"),  # development, engagement → développement
    ("pp", "p"),  # apparently → apparemment (with the edit allowed beside)
    ("ph", "f"),  # pamphlet, phantasme → pamphlet, fantasme
)


def _frenched(word: str) -> set[str]:
    """``word`` with each English spelling of _ANGLICISED written the French way."""
    found = set()
    for english, french in _ANGLICISED:
        start = word.find(english)
        while start >= 0 and english != french:
            found.add(word[:start] + french + word[start + len(english) :])
            start = word.find(english, start + 1)
    return found


_VOWELS = frozenset("aeiouy")


def _edits(word: str, slips_only: bool = False) -> set[str]:
    """The strings one edit away from ``word``; ``slips_only`` leaves out a consonant put
    for another consonant (see Lexicon.near_french)."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    letters = _FRENCH_LOWER + "-'"
    edits = {a + b[1:] for a, b in splits if b}
    edits |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    edits |= {
        a + c + b[1:]
        for a, b in splits
        if b
        for c in letters
        if not (slips_only and _consonant(b[0]) and _consonant(c) and not _same_sound(b[0], c))
    }
    edits |= {a + c + b for a, b in splits for c in letters}
    return edits


def _consonant(letter: str) -> bool:
    return letter.isalpha() and letter not in _VOWELS


# Consonants that spell one sound (c and s before e or i, s and z between vowels, c, k
# and q, g and j before e): a writer takes one for the other, the English spelling of a
# French word too (« license » for « licence », « organization » for « organisation »).
_SAME_SOUND = frozenset(frozenset(pair) for pair in ("cs", "sz", "ck", "kq", "cq", "gj"))


def _same_sound(a: str, b: str) -> bool:
    return frozenset((a, b)) in _SAME_SOUND


def _distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


_LEXICONS: dict[tuple[str, str], Lexicon] = {}


_TABLES = ("forms", "english", "frequency", "unaccented")


def _english_forms() -> set[str]:
    """The word forms of Debian's English Hunspell dictionary (none when it is missing)."""
    if not all(path.exists() for path in dictionary_files(ENGLISH_DIC)):
        logger.warning(
            "Dictionnaire anglais absent (%s.dic) : les mots anglais ne sont pas reconnus ; "
            "installez-le : sudo apt-get install hunspell-en-us",
            ENGLISH_DIC,
        )
        return set()
    return {form for form in expand_hunspell(ENGLISH_DIC) if form.replace("'", "").isalpha()}


def _build_tables(base: str) -> dict:
    """Every table of the lexicon, as tries (about 12 s: Hunspell's expansions)."""
    import marisa_trie

    english = _english_forms()
    forms = sorted(expand_hunspell(base))
    return {
        "forms": marisa_trie.Trie(forms),
        "english": marisa_trie.Trie(english),
        "frequency": marisa_trie.RecordTrie(
            "<Q", ((word, (count,)) for word, count in _frequencies("fr").items())
        ),
        "unaccented": marisa_trie.BytesTrie(
            (key, found.encode("utf-8")) for key, found in _unaccented_index(forms).items()
        ),
    }


def _empty_table(name: str):
    import marisa_trie

    if name == "frequency":
        return marisa_trie.RecordTrie("<Q")
    return marisa_trie.BytesTrie() if name == "unaccented" else marisa_trie.Trie()


def load_lexicon(cache_dir: str | os.PathLike | None, base: str = HUNSPELL_DIC) -> Lexicon:
    """The lexicon of ``base``, from memory, from ``cache_dir``, or built and saved there."""
    version = dictionary_version(base)
    key = (str(cache_dir), version)
    if key in _LEXICONS:
        return _LEXICONS[key]
    folder = Path(cache_dir) if cache_dir else None
    paths = {}
    if folder:
        paths = {name: folder / f"lexicon-{version}.{name}.marisa" for name in _TABLES}
    tables = None
    if paths and all(path.exists() for path in paths.values()):
        try:
            tables = {}
            for name, path in paths.items():
                tables[name] = _empty_table(name)
                tables[name].mmap(str(path))  # shared by every process, never copied
        except Exception:
            tables = None
    if tables is None:
        logger.info("Construction du lexique français (une seule fois)…")
        tables = _build_tables(base)
        for name, path in paths.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_suffix(f".{os.getpid()}.tmp")
            tables[name].save(str(temporary))
            os.replace(temporary, path)
    lexicon = Lexicon(
        tables["forms"],
        tables["english"],
        version,
        base,
        frequencies=tables["frequency"],
        unaccented=tables["unaccented"],
    )
    _LEXICONS[key] = lexicon
    return lexicon


def dictionary_entries(text: str) -> tuple[str, ...]:
    """The words and expressions of a dictionary file: one a line, ``#`` starts a comment."""
    return tuple(entry for line in text.splitlines() if (entry := line.split("#", 1)[0].strip()))


def words_of(expressions) -> frozenset[str]:
    """Every word of some expressions, as written and in lower case, apostrophes both ways."""
    words: set[str] = set()
    for expression in expressions:
        for token in re.findall(r"[\w’'\-]+", expression):
            for variant in (token, token.lower()):
                words.add(variant)
                words.add(variant.replace("’", "'"))
                words.add(variant.replace("'", "’"))
                words.update(part for part in variant.split("-") if part)
    return frozenset(words)


def _sentence_start(text: str, start: int) -> bool:
    index = start - 1
    # A line break inside a paragraph is a space (Markdown joins the lines of a wrapped
    # source): « Front\nMatter » is mid-sentence.
    while index >= 0 and text[index] in ' \t\n\u00a0\u202f«"“(—–-*' + PLACEHOLDER:
        index -= 1
    return index < 0 or text[index] in _SENTENCE_END


def _plain_skip(word: str) -> bool:
    """Tokens that are not French words to check: numbers, codes, acronyms, CamelCase."""
    if len(word) < 2 or (not word[0].isalpha() and word[0] not in "’'"):
        return True
    if any(c.isdigit() or c == "_" for c in word):
        return True
    if not word.isascii() and any(c.isalpha() and ord(c) > _LATIN_END for c in word):
        return True  # another script (« さよなら », « Москва »): not French, not ours to check
    letters = word.replace("-", "").replace("'", "").replace("’", "")
    if len(letters) > 1 and letters.isupper():
        return True  # acronym: PAC, AMAP, ONG
    if any(c.isupper() for c in letters[1:]) and not letters.isupper():
        return True  # CamelCase: LinkedIn, WhatsApp
    return bool(_ROMAN.match(word))


class SpellingChecker:
    """Spelling, broken and glued words of a segment's text."""

    def __init__(self, lexicon: Lexicon, site_words: frozenset[str] = frozenset()):
        self.lexicon = lexicon
        self.site_words = site_words
        # token → its word (elision removed) when it may be misspelt, None when it is
        # right anywhere: most tokens of a run are seen many times.
        self._suspects: dict[str, str | None] = {}
        self._english: dict[str, bool] = {}
        self._suggested: dict[tuple[str, int], tuple[str, ...]] = {}
        # The trade's words and the site's, by first letter: suggestions for a misspelt
        # loanword (« storytellling » → storytelling) that no dictionary holds.
        self._vocabulary: dict[str, list[str]] = {}
        for entry in site_words:
            if len(entry) >= 4 and entry.isalpha() and entry.islower():
                self._vocabulary.setdefault(entry[0], []).append(entry)

    def is_english(self, word: str) -> bool:
        """An English word that is no likely misspelling of a French one (one edit away
        from a French word, accents aside): « reach », « insight », not « example »."""
        try:
            return self._english[word]
        except KeyError:
            pass
        lexicon = self.lexicon
        found = word.lower() in _ENGLISH_SHORT or (
            lexicon.is_english(word) and not lexicon.near_french(word)
        )
        self._english[word] = found
        return found

    def _english_compound(self, word: str) -> bool:
        """Two English words written as one, as English does (« frontend », « roadmap »,
        « webhook »): one of them at least is no French word, and the whole is no likely
        misspelling of a French word nor of the trade's (« hastag » is « hashtag »
        misspelt, not « has tag »). Two French words glued stay « mots collés »."""
        if not (word.isalpha() and word.islower() and len(word) >= 6):
            return False
        key = "+" + word  # memoised beside the single English words
        if key not in self._english:
            lexicon = self.lexicon
            english, known = lexicon.english, lexicon.known
            self._english[key] = (
                any(
                    word[:cut] in english
                    and word[cut:] in english
                    and not (known(word[:cut]) and known(word[cut:]))
                    for cut in range(3, len(word) - 2)
                )
                and not any(edit in self.site_words for edit in _edits(word))
                and not lexicon.near_french(word)
            )
        return self._english[key]

    def _prefixed(self, word: str) -> bool:
        """A learned element glued to a word, as French writes it (« microservices »,
        « multiplateforme », « webdesigner »): the Rectifications of 1990 glue compounds of
        learned elements (micro-, multi-, hyper-, auto-...), and dictionaries glue « web »
        likewise (webcam, webmestre, webdesign: Larousse, Le Robert). The rest must be a
        word of either dictionary, of four letters at least, and the whole no likely
        misspelling of a common French word."""
        lower = word.lower()
        if not lower.isalpha() and "’" not in lower:
            return False
        lexicon = self.lexicon
        for prefix in _GLUED_PREFIXES:
            rest = lower[len(prefix) :]
            if (
                lower.startswith(prefix)
                and len(rest) >= 4
                and (lexicon.known(rest) or self.is_english(rest))
            ):
                return not lexicon.near_french(word)
        return False

    def _verbal_adjective(self, word: str) -> bool:
        """The feminine or plural of a present participle used as an adjective or a noun
        (« des mères biberonnantes »: the verbal adjective agrees, Grevisse, participe
        présent et adjectif verbal), for a verb of the first group a dictionary lists when
        the form in « -ant » is its own. Not when the adjective is spelt otherwise, which
        the dictionary then lists: « précédente », « fatigante », « communicante » make
        « précédante », « fatiguante », « communiquante » mistakes still."""
        lower = word.lower()
        match = re.fullmatch(r"(\w+)ant(e|es|s)", lower)
        if not match:
            return False
        stem, ending = match.groups()
        known = self.lexicon.known
        if not (known(stem + "ant") and known(stem + "er")):
            return False
        adjective = re.sub(r"qu$", "c", re.sub(r"gu$", "g", stem))
        return not any(known(other + ending) for other in (stem + "ent", adjective + "ant"))

    def _english_part(self, part: str) -> bool:
        """A word of English's dictionary, after a French elision (« l’employee advocacy »)."""
        match = _ELIDED.match(part)
        if match and match.group(1).lower() in ELISIONS:
            part = match.group(2)
        return self.lexicon.is_english(part)

    def _french_part(self, part: str) -> bool:
        """A French word, but for the short English words (« to », « of ») that French
        dictionaries list as abbreviations or symbols."""
        return part.lower() not in _ENGLISH_SHORT and self.lexicon.known(part)

    def code_word(self, word: str, name: bool) -> bool:
        """Whether a lower-case word met in code may be accepted in prose: a name (a code
        span without spaces: `pelican`, `favicon.ico`), or a word of longer code that is
        not a French word misspelt (`brew install zsh`, not `const reseau = 1`)."""
        return (
            len(word) >= 2
            and word.isalpha()
            and word.islower()
            and not self.lexicon.known(word)
            and (name or not self.lexicon.near_french(word))
        )

    def _accepted(self, word: str, extra: frozenset[str]) -> bool:
        if word in self.site_words or word in extra:
            return True
        lower = word.lower()
        return lower in self.site_words or lower in extra

    def _ok(self, word: str, extra: frozenset[str], mid_sentence: bool) -> bool:
        """Whether a word without elision is acceptable, cheapest tests first."""
        lexicon = self.lexicon
        if lexicon.known(word) or _plain_skip(word) or self._accepted(word, extra):
            return True
        if word[0].isupper() and mid_sentence:
            return not self.swapped_letters(word)  # a proper noun, unless a slip
        if _MIDDLE_DOTS[0] in word or _MIDDLE_DOTS[1] in word:
            return not self._inclusive_errors(word, extra, mid_sentence)
        return lexicon.is_acronym(word)

    def swapped_letters(self, word: str) -> bool:
        """Whether a capitalised word is a common word with two neighbouring letters
        swapped (« Buisness », « Focebook »): the commonest slip of the fingers, which
        names seldom are one away from. Long words only: short names are often one swap
        from some word."""
        if len(word) < 7 or not word[1:].islower():
            return False
        lower = word.lower()
        lexicon = self.lexicon
        for i in range(len(lower) - 1):
            if lower[i] == lower[i + 1]:
                continue
            swapped = lower[:i] + lower[i + 1] + lower[i] + lower[i + 2 :]
            if lexicon.frequency.get(swapped, 0) >= NEAR_FREQUENCY or (
                swapped in lexicon.english and not lexicon.known(word)
            ):
                return True
        return False

    def _inclusive_errors(self, word: str, extra: frozenset[str], mid_sentence: bool) -> list:
        """The parts of an inclusive word that are wrong, as (offset in word, part): the
        stem must be a word, or be one with all its endings (tou·te·s: toutes) or its last
        (tou·s: tous); each ending a known ending or the stem's feminine."""
        parts = re.split(f"[{_MIDDLE_DOTS}]", word)
        stem = parts[0]
        known = self.lexicon.known
        whole = (stem + "".join(parts[1:])).lower(), (stem + parts[-1]).lower()
        right = self._ok(stem, extra, mid_sentence) or (
            len(parts) > 1 and known(whole[0]) and known(whole[1])
        )
        errors = [] if right else [(0, stem)]
        position = len(stem) + 1
        for ending in parts[1:]:
            lower = ending.lower()
            if not (
                lower in _INCLUSIVE_ENDINGS
                or known(lower)
                or any(known(stem[: len(stem) - cut] + lower) for cut in range(1, 4))
            ):
                errors.append((position, ending))
            position += len(ending) + 1
        return errors

    def _suspect(self, token: str) -> str | None:
        """The word of ``token`` (elision removed), or None when it is right in any context."""
        try:
            return self._suspects[token]
        except KeyError:
            pass
        word: str | None = token
        if token[0] in "@#":
            word = None
        else:
            # Elisions: l’, d’, qu’, jusqu’... then the word itself.
            if ("'" in word or "’" in word) and not self.lexicon.known(word):
                while True:
                    match = _ELIDED.match(word)
                    if not match or match.group(1).lower() not in ELISIONS:
                        break
                    word = match.group(2)
            if self._ok(word, frozenset(), False):
                word = None
        self._suspects[token] = word
        return word

    def check(self, text: str, extra: frozenset[str] = frozenset()) -> list[Hit]:
        """Spelling findings of ``text``; ``extra`` holds the file's ignored words."""
        forms = self.lexicon.forms
        suspect = self._suspect
        # Most segments have no unknown word at all: settle them without positions.
        for token in {t for t in _TOKEN.findall(text) if t not in forms}:
            word = suspect(token)
            if word is not None and not (word in extra or word.lower() in extra):
                break
        else:
            return []
        hits: list[Hit] = []
        lexicon = self.lexicon
        tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
        consumed = -1
        english: set[int] | None = None  # the tokens of English phrases, on first need
        for index, (start, end, token) in enumerate(tokens):
            if token in forms or index <= consumed:
                continue
            word = suspect(token)
            if word is None:
                continue
            offset = end - len(word)
            mid_sentence = word[0].isupper() and not _sentence_start(text, start)
            if self._ok(word, extra, mid_sentence):
                continue
            if english is None:
                english = english_runs(text, tokens, self._english_part, self._french_part)
            if index in english:
                continue  # « la recherche "apple touch icon" », « une appli front-end »
            if text[end : end + 1] == "." and word.lower() in ABBREVIATIONS:
                continue  # « anc. art. », « env. »
            if _dotted_name(text, start, end):
                continue  # « config.yml », « carnet.example.org »: a file or a host
            if _LENGTHENED.search(word) and not _SLIPPED.search(word):
                continue  # « heuuu », « trooop »: written as said, on purpose
            # A word cut by a space: « modéra tion », « commu nauté ».
            pair = None
            if index > consumed + 1:
                p_start, p_end, p_token = tokens[index - 1]
                if offset - p_end == 1 and text[p_end] == " " and p_token.isalpha():
                    pair = (p_start, end, p_token, word)
            if pair is None or not lexicon.known(pair[2] + pair[3]):
                pair = None
                if index + 1 < len(tokens):
                    n_start, n_end, n_token = tokens[index + 1]
                    if (
                        n_start - end == 1
                        and text[end] == " "
                        and n_token.isalpha()
                        and n_token.islower()
                        and lexicon.known(word + n_token)
                    ):
                        pair = (offset, n_end, word, n_token)
                        consumed = index + 1
            if pair and len(pair[2] + pair[3]) >= 5:
                first, second = pair[2], pair[3]
                hits.append(
                    Hit(
                        pair[0],
                        pair[1],
                        "spelling",
                        "mot-coupé",
                        f"mot coupé par une espace : « {first} {second} »",
                        (first + second,),
                    )
                )
                continue
            hits.extend(self._word(text, word, offset, extra, mid_sentence))
        return hits

    def _word(
        self, text: str, word: str, offset: int, extra: frozenset[str], mid_sentence: bool
    ) -> list[Hit]:
        lexicon = self.lexicon
        if "-" in word:
            parts = word.split("-")
            joined = "".join(parts)
            if (
                len(parts) == 2
                and parts[0].lower() in _HYPHENED_PREFIXES
                and len(parts[1]) >= 4
                and lexicon.known(parts[1])
            ):
                return []  # « co-gérance », « éco-camping »: a learned element, hyphened
            if all(
                p == "t" or not p or self._ok(p, extra, mid_sentence or i > 0)
                for i, p in enumerate(parts)
            ):
                return []
            if lexicon.known(joined):
                return [
                    Hit(
                        offset,
                        offset + len(word),
                        "spelling",
                        "mot-coupé",
                        f"mot coupé par un trait d’union : « {word} »",
                        (joined,),
                    )
                ]
            hits = []
            position = offset
            for i, part in enumerate(parts):
                learned = i == 0 and len(parts) == 2 and part.lower() in _HYPHENED_PREFIXES
                if (
                    part
                    and part != "t"
                    and not learned  # « co-animmation »: the word after it is the slip
                    and not self._ok(part, extra, mid_sentence or i > 0)
                ):
                    hits.extend(self._word(text, part, position, extra, True))
                position += len(part) + 1
            return hits
        if _MIDDLE_DOTS[0] in word or _MIDDLE_DOTS[1] in word:
            return self._inclusive_hits(text, word, offset, extra, mid_sentence)
        if (
            self.is_english(word)
            or self._english_compound(word)
            or self._prefixed(word)
            or self._verbal_adjective(word)
        ):
            return []
        end = offset + len(word)
        suggestions = self.suggest(word)
        close = (
            bool(suggestions)
            and _distance(_strip_accents(word.lower()), _strip_accents(suggestions[0].lower())) <= 1
        )
        glued = "" if close else self._split_glued(word)
        if glued:
            return [
                Hit(
                    offset,
                    end,
                    "spelling",
                    "mots-collés",
                    f"mots collés : « {word} » → {glued}",
                    (glued,),
                )
            ]
        if not mid_sentence and word[0].isupper() and (len(word) < 5 or not self._near_word(word)):
            return []  # a capitalised unknown word at a sentence start: likely a name
        message = f"« {word} » inconnu du dictionnaire"
        if suggestions:
            message += f" ; vouliez-vous dire « {suggestions[0]} » ?"
        return [Hit(offset, end, "spelling", "orthographe", message, suggestions)]

    def _near_word(self, word: str) -> bool:
        """Whether a French word is one letter from ``word``, accents aside: a capitalised
        word at a sentence start is then a slip (« Egalment »), else a name. The English
        words that suggestions add for a misspelt loanword do not count: « Refty » is no
        slip for « Hefty »."""
        found = self.lexicon.suggest(word, 1)
        return (
            bool(found)
            and _distance(_strip_accents(word.lower()), _strip_accents(found[0].lower())) <= 1
        )

    def _inclusive_hits(
        self, text: str, word: str, offset: int, extra: frozenset[str], mid_sentence: bool
    ) -> list[Hit]:
        hits = []
        for position, part in self._inclusive_errors(word, extra, mid_sentence):
            if position == 0:
                hits.extend(self._word(text, part, offset, extra, mid_sentence))
                continue
            start = offset + position
            hits.append(
                Hit(
                    start,
                    start + len(part),
                    "spelling",
                    "orthographe",
                    f"« {word} » : terminaison « {part} » inconnue de l’écriture inclusive",
                    (),
                )
            )
        return hits

    def suggest(self, word: str, limit: int = 5) -> tuple[str, ...]:
        """The French dictionary's suggestions, with the trade's words and English words
        closer to ``word`` than the best of them first (« hastag » → hashtag).

        Remembered by word: a writer's usual slips come back in file after file (an
        imported blog's « evenement » in hundreds of them), each costs a few milliseconds.
        """
        key = (word, limit)
        found = self._suggested.get(key)
        if found is None:
            found = self._suggested[key] = self._suggest(word, limit)
        return found

    def _suggest(self, word: str, limit: int) -> tuple[str, ...]:
        lexicon = self.lexicon
        french = lexicon.suggest(word, limit)
        lower = word.lower()
        key = _strip_accents(lower)
        keys = {_strip_accents(s.lower()) for s in french}
        if keys & _edits(key):
            best = 1  # a transposition is one slip too (« lecteru » → lecteur)
        else:
            best = min((_distance(key, other) for other in keys), default=3)
        closer: list[tuple[int, str]] = []
        for candidate in self._vocabulary.get(lower[:1], ()):
            if abs(len(candidate) - len(lower)) <= 2 and candidate != lower:
                distance = _distance(key, _strip_accents(candidate))
                if distance < best:
                    closer.append((distance, candidate))
        if best > 1 and not lexicon.is_english(word):
            # An English word one letter away, for a misspelt loanword (« engagment »).
            english = lexicon.english
            closer += [(1, c) for c in sorted(_edits(lower)) if c in english and c != lower]
        if not closer:
            return tuple(french)
        extra = [c for _, c in sorted(set(closer))]
        if word[:1].isupper():
            extra = [c[:1].upper() + c[1:] for c in extra]
        merged = list(dict.fromkeys([*extra, *french]))
        return tuple(merged[:limit])

    def _split_glued(self, word: str) -> str:
        known = self.lexicon.known
        frequency = self.lexicon.frequency
        best = ""
        for i in range(2, len(word) - 1):
            left, right = word[:i], word[i:]
            if (
                len(left) + len(right) >= 6
                and min(len(left), len(right)) >= 2
                and (
                    known(left)
                    and known(right)
                    and (len(left) >= 3 or left in ("un", "en", "de"))
                    and frequency.get(left.lower(), 0) >= 1000
                    and frequency.get(right.lower(), 0) >= 1000
                )
            ):
                candidate = f"{left} {right}"
                if not best or abs(len(left) - len(right)) < abs(
                    best.index(" ") - (len(word) - best.index(" "))
                ):
                    best = candidate
        return best


def _dotted_name(text: str, start: int, end: int) -> bool:
    """Whether the word at ``start:end`` is part of a file or host name written in prose
    (« le fichier config.yml », « sur exemple.com »): a word glued by a dot, with no space,
    to a short lower-case extension or label. A missing space after a full stop is
    another matter: the next sentence starts with a capital (typography.py says so)."""
    if _EXTENSION.match(text, end):
        return True  # the name before the extension
    return (
        start >= 2
        and text[start - 1] == "."
        and text[start - 2].isalnum()
        and bool(_EXTENSION.match(text, start - 1))
    )
