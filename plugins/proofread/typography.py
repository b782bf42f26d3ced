"""French typography: findings in the source, and the fix applied to the rendered HTML.

French puts a narrow no-break space (U+202F) before ; ! ? and a no-break space
(U+00A0) before : and inside « », uses the typographic apostrophe ’ and the
ellipsis …. The render-time fix writes all of that into the HTML, never inside
code, pre, script, style, attributes or URLs, so the findings it settles by itself
are reported with ``autofix`` and never block a strict run.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cmcore.french import NBSP, NNBSP

from .finding import Hit, word_set

FRENCH_SPACES = NBSP + NNBSP

# Abbreviations after which a lower-case word is normal: « etc. et », « p. ex. ».
ABBREVIATIONS = word_set(
    "etc cf ex env min max vol fig chap art av apr éd coll trad dir réf tél ch hab "
    "mr mme mlle mm dr pr st ste bd av nº no approx c.-à-d vs resp anc suiv sq id ibid "
    "op cit al pp nos éds"
)

# Each pattern starts with the punctuation it is about and looks behind it afterwards:
# the regex engine then skips to that character instead of trying every position
# (five to ten times faster than a leading lookbehind, same matches).
_ORDINARY_BEFORE = re.compile(r"([ \t](?<=[^\s\u00a0\u202f][ \t])[ \t]*)([;!?]+|:|»)")
_MISSING_BEFORE_TIGHT = re.compile(r"([;!?](?<=(?:[^\W_]|[)\]»’…%€$\ufffc])[;!?])[;!?]*)")
_MISSING_BEFORE_COLON = re.compile(r":(?<=(?:[^\W\d_]|[)\]»’…\ufffc]):)(?=\s|$)")
_MISSING_BEFORE_CLOSE = re.compile(r"»(?<=[^\s\u00a0\u202f]»)")
_AFTER_OPEN = re.compile(r"«(?:([ \t]+)|(?=[^\s\u00a0\u202f]))")
_APOSTROPHE = re.compile(r"'(?<=[^\W_]')(?=\w)")
_ELLIPSIS = re.compile(r"\.(?<!\.\.)\.\.(?!\.)")
_DOUBLE_SPACE = re.compile(r"( (?<=[^\s] ) +)(?=[^\s])")
_NO_SPACE_AFTER = re.compile(
    r"([,;](?<=[^\W\d_]{2}[,;])|[!?](?<=[^\W\d_]{2}[!?])[!?]*)(?=[^\W\d_])"
)
_ACRONYM_JOINED = re.compile(r"[A-Z]{2,};[A-Z]{2,}(?![^\W\d_])")
# « magique.C’est », « fin.Nous »: a capital and a lower-case letter or an apostrophe.
_NO_SPACE_AFTER_STOP = re.compile(r"\.(?<=[a-zà-öø-ÿ]{2}\.)(?=[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ’'])")
# A name written with a dot between two capitalised parts (« Spray.Bike », « Booking.Com »,
# « Node.Js »): brands and hosts do so, and nothing but the first word's capital tells
# them from « à Paris.Nous partons ». A capitalised word, the dot, a capitalised word that
# is no word a French sentence commonly opens with, and no apostrophe after it.
_DOTTED_NAME = re.compile(r"(?<![\w.])[A-ZÀ-ÖØ-Þ][\w-]*\.([A-ZÀ-ÖØ-Þ]\w*)(?![\w’'-]|\.\w)")
_SENTENCE_OPENERS = word_set(
    "le la les l un une des du de d au aux à en et ou mais donc or ni car puis alors "
    "ensuite enfin bref ainsi aussi pourtant cependant sinon ici là voilà voici oui non "
    "merci je j tu il elle on nous vous ils elles ce c ça cela ceci cette ces cet celui "
    "celle ceux celles mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs "
    "qui que quoi quel quelle quels quelles quand comme si pour par sur sous dans avec "
    "sans chez vers depuis pendant après avant tout tous toute toutes chaque rien "
    "personne y il n ne pas plus très bien mal encore déjà même certes heureusement "
    "malheureusement finalement aujourd hier demain"
)
# « contenu , tandis », « atelier . Suivez »: no space before a comma or a full stop.
_SPACE_BEFORE_STOP = re.compile(r"(?<=[^\W_])([ \t]+)([,.])(?=\s|$)")
# A text emoticon (« :p », « :-D », « ;) », « xD », « =P »): a picture, not a word, set
# apart by spaces on purpose; the space between it and the punctuation that follows is no
# « space before a full stop » (the rules of French spacing are about words).
_EMOTICON = re.compile(r"(?:^|(?<=\s))(?:[:;=8][-'^o]?[()\[\]DPpOo/|*3]+|[xX]D+)$")
_LOWER_AFTER_STOP = re.compile(r"(?<![.\w])([\w’'-]+)\.( +)([a-zà-öø-ÿ][\w’'-]*)")
_STOP_THEN_LOWER = re.compile(r"\. +[a-zà-öø-ÿ]")


def _space_for(punct: str) -> str:
    return NBSP if punct in (":", "»") else NNBSP


def _label(punct: str) -> str:
    return f"« {punct} »"


def _fixed(start: int, end: int, rule: str, message: str, replacement: str) -> Hit:
    """A finding the render-time fix settles by itself (``autofix``): it writes ``replacement``."""
    return Hit(start, end, "typography", rule, message, (replacement,), True, replacement)


def _real(start: int, end: int, rule: str, message: str, suggestion: str) -> Hit:
    """A finding the author must fix."""
    return Hit(start, end, "typography", rule, message, (suggestion,))


def _ordinary_space_before(text: str) -> Iterator[Hit]:
    for m in _ORDINARY_BEFORE.finditer(text):
        punct = m.group(2)
        if punct == ":" and text[m.end() : m.end() + 1] in (")", "("):
            continue  # an emoticon
        space = _space_for(punct[0])
        kind = "insécable" if space == NBSP else "fine insécable"
        message = f"espace ordinaire avant {_label(punct)} : il faut une espace {kind}"
        yield _fixed(m.start(1), m.end(1), "espace-insécable", message, space)


def _missing_space_before(text: str) -> Iterator[Hit]:
    for m in _MISSING_BEFORE_TIGHT.finditer(text):
        punct = m.group(1)
        if text[m.end() : m.end() + 1] == ")" and punct == ";":
            continue
        message = f"espace fine insécable manquante avant {_label(punct)}"
        yield _fixed(m.start(1), m.end(1), "espace-manquante", message, NNBSP + punct)
    for m in _MISSING_BEFORE_COLON.finditer(text):
        message = "espace insécable manquante avant « : »"
        yield _fixed(m.start(), m.end(), "espace-manquante", message, NBSP + ":")


def _spaces_inside_guillemets(text: str) -> Iterator[Hit]:
    for m in _MISSING_BEFORE_CLOSE.finditer(text) if "»" in text else ():
        message = "espace insécable manquante avant « » »"
        yield _fixed(m.start(), m.end(), "guillemets-espace", message, NBSP + "»")
    for m in _AFTER_OPEN.finditer(text) if "«" in text else ():
        message = "espace insécable manquante après « « »"
        yield _fixed(m.start(), m.end(), "guillemets-espace", message, "«" + NBSP)


def _straight_apostrophes(text: str) -> Iterator[Hit]:
    for m in _APOSTROPHE.finditer(text) if "'" in text else ():
        message = "apostrophe droite : utilisez l’apostrophe typographique « ’ »"
        yield _fixed(m.start(), m.end(), "apostrophe", message, "’")


def _straight_quotes(text: str) -> Iterator[Hit]:
    """Straight double quotes, each opening or closing by what comes before it."""
    message = "guillemets droits : utilisez les guillemets français « »"
    for index, char in enumerate(text) if '"' in text else ():
        if char != '"':
            continue
        before = text[index - 1] if index else " "
        if before.isspace() or before in "([{—–/\ufffc" or index == 0:
            end = index + 1
            while end < len(text) and text[end] in " \t":
                end += 1
            yield _fixed(index, end, "guillemets", message, "«" + NBSP)
        else:
            start = index
            while start > 0 and text[start - 1] in " \t":
                start -= 1
            yield _fixed(start, index + 1, "guillemets", message, NBSP + "»")


def _ellipses(text: str) -> Iterator[Hit]:
    for m in _ELLIPSIS.finditer(text) if "..." in text else ():
        message = "trois points : utilisez le caractère « … »"
        yield _fixed(m.start(), m.end(), "points-de-suspension", message, "…")


def _double_spaces(text: str) -> Iterator[Hit]:
    for m in _DOUBLE_SPACE.finditer(text) if "  " in text else ():
        message = "espaces multiples entre deux mots"
        yield _fixed(m.start(1), m.end(1), "double-espace", message, " ")


def _spacing_around_stops(text: str) -> Iterator[Hit]:
    """Missing spaces after punctuation, spaces before a comma or full stop: not fixed
    at render time."""
    for m in _NO_SPACE_AFTER.finditer(text):
        punct = m.group(1)
        # « TL;DR » (too long; didn't read): an English acronym whose letters a semicolon
        # joins, written without spaces (Wiktionary, « TL;DR »).
        if punct == ";" and _ACRONYM_JOINED.match(text, _word_start(text, m.start(1))):
            continue
        message = f"espace manquante après {_label(punct)}"
        yield _real(m.start(1), m.end(1), "espace-après", message, punct + " ")
    for m in _SPACE_BEFORE_STOP.finditer(text) if " ," in text or " ." in text else ():
        if _EMOTICON.search(text, max(0, m.start(1) - 8), m.start(1)):
            continue
        punct = m.group(2)
        message = f"espace en trop avant {'la virgule' if punct == ',' else 'le point'}"
        yield _real(m.start(1), m.end(2), "espace-avant", message, punct)
    for m in _NO_SPACE_AFTER_STOP.finditer(text):
        if _dotted_name(text, m.start()):
            continue
        yield _real(m.start(), m.end(), "espace-après", "espace manquante après le point", ". ")


def _dotted_name(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` joins the two capitalised parts of a name."""
    start = dot
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "-"):
        start -= 1
    m = _DOTTED_NAME.match(text, start)
    return bool(m and m.start(1) == dot + 1 and m.group(1).lower() not in _SENTENCE_OPENERS)


def _lower_case_after_stop(text: str) -> Iterator[Hit]:
    if _STOP_THEN_LOWER.search(text) is None:
        return
    for m in _LOWER_AFTER_STOP.finditer(text):
        word = m.group(1)
        if word.lower() in ABBREVIATIONS or len(word) < 2 or word.isupper():
            continue
        if "." in text[max(0, m.start() - 3) : m.start()]:
            continue  # « c.-à-d. », « J.-C. »
        following = m.group(3)
        message = "minuscule après un point : commencez la phrase par une majuscule"
        suggestion = following[0].upper() + following[1:]
        yield _real(m.start(3), m.end(3), "majuscule", message, suggestion)


# Notation of numbers, hours, ordinals and titles (Imprimerie nationale, *Lexique des
# règles typographiques en usage à l’Imprimerie nationale*, « Heure », « Pour cent »,
# « Ordinaux », « Monsieur »; BDL, « Écriture des heures », « Le symbole pour cent »,
# « Abréviation des adjectifs numéraux ordinaux », « Abréviation de monsieur »):
# - the hour symbol « h » is set apart from the number by a (no-break) space: « 19 h »,
#   « 19 h 30 », not « 19h »;
# - « % » is a symbol, set apart from its number by a no-break space: « 10 % »;
# - the ordinal is abbreviated with the last letter(s) of the word: « 1er », « 1re »,
#   « 2e », « 3e », never « 3ème », « 3ième », « 1ère »;
# - « Monsieur » is abbreviated « M. »; « Mr » is the English « Mister ».
_HOUR = re.compile(r"(?<![\w.,/:-])((?:[01]?\d|2[0-4]))h((?:[0-5]\d)?)(?![\w/])")
_PERCENT = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)?)%")
_ORDINAL = re.compile(r"(?<![\w.,])(\d+)(ième|ieme|ème|eme|ère|ere|è)s?(?!\w)")
_MISTER = re.compile(r"(?<![\w.])Mr\.?(?= [A-ZÀ-ÖØ-Þ])")


def _hour(m: re.Match) -> str:
    minutes = NBSP + m.group(2) if m.group(2) else ""
    return f"{m.group(1)}{NBSP}h{minutes}"


def _percent(m: re.Match) -> str:
    return m.group(1) + NNBSP + "%"


def _numbers_and_titles(text: str) -> Iterator[Hit]:
    """Hours and percentages are only spacing: the render-time fix sets them (``autofix``);
    ordinals and « Mr » change letters: the author fixes them."""
    for m in _HOUR.finditer(text) if "h" in text else ():
        message = "heure : une espace insécable avant et après « h » (« 19 h », « 19 h 30 »)"
        yield _fixed(m.start(), m.end(), "heure", message, _hour(m))
    for m in _PERCENT.finditer(text) if "%" in text else ():
        message = "espace insécable manquante avant « % »"
        yield _fixed(m.start(), m.end(), "pour-cent", message, _percent(m))
    for m in _ORDINAL.finditer(text):
        number, ending = m.group(1), m.group(2).lower()
        feminine = ending in ("ère", "ere")
        if number == "1":
            right = "1re" if feminine else "1er"
        elif feminine:
            continue  # « 2ère » : not an ordinal one can fix blindly
        else:
            right = number + "e"
        if m.group(0).endswith("s"):
            right += "s"
        message = f"abréviation de l’ordinal : « {right} », non « {m.group(0)} »"
        yield _real(m.start(), m.end(), "ordinal", message, right)
    for m in _MISTER.finditer(text) if "Mr" in text else ():
        message = "« Monsieur » s’abrège « M. » (« Mr » est l’abréviation anglaise)"
        yield _real(m.start(), m.end(), "monsieur", message, "M.")


# In this order: findings of equal place are told apart by it (see checker._dedupe).
_STEPS = (
    _ordinary_space_before,
    _missing_space_before,
    _spaces_inside_guillemets,
    _straight_apostrophes,
    _straight_quotes,
    _ellipses,
    _double_spaces,
    _spacing_around_stops,
    _lower_case_after_stop,
    _numbers_and_titles,
)


def check(text: str) -> list[Hit]:
    """Typography findings of a segment's text (code and URLs are already out)."""
    hits: list[Hit] = []
    for step in _STEPS:
        hits.extend(step(text))
    return hits


# --- Render-time fix of the HTML ----------------------------------------------------------

_TAG = re.compile(
    r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<![^>]*>|<\?.*?\?>"
    r"|<(/?)([A-Za-z][\w:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>",
    re.S,
)
SKIP_TAGS = word_set("code pre script style kbd samp textarea var math svg tt template")
VOID_TAGS = word_set("area base br col embed hr img input link meta source track wbr")
BLOCK_TAGS = word_set(
    "p div li ul ol h1 h2 h3 h4 h5 h6 blockquote td th tr table br hr section article "
    "header footer nav aside figure figcaption dd dt dl main title body html head"
)
_FOREIGN = re.compile(r"""\blang\s*=\s*["']?(?!fr)[a-zA-Z]""", re.I)
_MASK = re.compile(
    r"&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);"
    r"|(?:https?://|ftp://|www\.)[^\s<>\"]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
)
_NBSP_ENTITIES = {"&nbsp;": NBSP, "&#160;": NBSP, "&#xa0;": NBSP, "&#xA0;": NBSP}
_NNBSP_ENTITIES = {"&#8239;": NNBSP, "&#x202f;": NNBSP, "&#x202F;": NNBSP}
_PUA = re.compile("[\ue000-\uf8ff]")

_FIX_ELLIPSIS = _ELLIPSIS
_FIX_APOSTROPHE = re.compile(r"(?<=[^\W_])'(?=\w|$)")
_FIX_OPEN = re.compile(r"«[ \t\n]*(?![\u00a0\u202f])")
_FIX_CLOSE = re.compile(r"([ \t\n]*)»")
_FIX_TIGHT = re.compile(r"([ \t\n]*)([;!?]+)")
_FIX_COLON = re.compile(r"([ \t\n]*):")
_WORDISH = re.compile(r"[^\W_]|[)\]»’…%€$\"\ue000-\uf8ff]")


def fix_text(text: str, previous: str = "\n") -> str:
    """French typography of one HTML text node; ``previous`` is the character before it."""
    if not text or _PUA.search(text):
        return text  # private-use characters are ours for masking: leave such text alone
    masks: list[str] = []

    def mask(match: re.Match) -> str:
        value = match.group()
        if value in _NBSP_ENTITIES:
            return _NBSP_ENTITIES[value]
        if value in _NNBSP_ENTITIES:
            return _NNBSP_ENTITIES[value]
        masks.append(value)
        return chr(0xE000 + len(masks) - 1) if len(masks) < 6400 else value

    # Entities, URLs and e-mail addresses all hold one of these: most text nodes do not.
    maybe_masked = "&" in text or "@" in text or "://" in text or "www." in text
    work = previous[-1:] + (_MASK.sub(mask, text) if maybe_masked else text)
    if "..." in work:
        work = _FIX_ELLIPSIS.sub(lambda m: m.group() if m.start() == 0 else "…", work)
    if "'" in work:
        work = _FIX_APOSTROPHE.sub("’", work)
    if '"' in work:
        work = _fix_quotes(work)
    if "«" in work:
        work = _FIX_OPEN.sub("«" + NBSP, work)
    if "»" in work:
        work = _FIX_CLOSE.sub(lambda m: _before(m, work, NBSP, "»"), work)
    if ";" in work or "!" in work or "?" in work:
        work = _FIX_TIGHT.sub(lambda m: _before(m, work, NNBSP, m.group(2)), work)
    if ":" in work:
        work = _FIX_COLON.sub(lambda m: _colon(m, work), work)
    if "h" in work:
        work = _HOUR.sub(_hour, work)
    if "%" in work:
        work = _PERCENT.sub(_percent, work)
    work = work[1:]
    if masks:
        work = _PUA.sub(lambda m: masks[ord(m.group()) - 0xE000], work)
    return work


def _before(match: re.Match, work: str, space: str, punct: str) -> str:
    start = match.start()
    if start == 0:
        return match.group()  # the space belongs to the previous text node
    before = work[start - 1]
    spaces = match.group(1)
    if spaces:
        return space + punct
    if before in FRENCH_SPACES or not _WORDISH.match(before):
        return match.group()
    if punct == ";" and work[match.end() : match.end() + 1] == ")":
        return match.group()  # ;)
    return space + punct


def _colon(match: re.Match, work: str) -> str:
    start, end = match.start(), match.end()
    if start == 0:
        return match.group()
    before = work[start - 1]
    after = work[end : end + 1]
    if after in ("/", ")", "(", "-", ":") or before == ":":
        return match.group()
    if match.group(1):
        return NBSP + ":"
    if before.isdigit() and after.isdigit():
        return match.group()
    if before in FRENCH_SPACES or not _WORDISH.match(before):
        return match.group()
    if after and not after.isspace() and after not in FRENCH_SPACES:
        return match.group()  # « Re:Sujet », « std:x »: not French punctuation
    return NBSP + ":"


def _fix_quotes(work: str) -> str:
    out = []
    index = 0
    length = len(work)
    while index < length:
        char = work[index]
        if char != '"':
            out.append(char)
            index += 1
            continue
        before = out[-1] if out else "\n"
        if index == 0:
            out.append(char)  # the previous node's last character: never ours
            index += 1
            continue
        if before.isspace() or before in "([{—–/\u00a0\u202f«":
            out.append("«" + NBSP)
            index += 1
            while index < length and work[index] in " \t\n":
                index += 1
        else:
            while out and out[-1] in (" ", "\t", "\n"):
                out.pop()
            out.append(NBSP + "»")
            index += 1
    return "".join(out)


def fix_html(html: str) -> str:
    """Apply French typography to the text of an HTML fragment or page.

    Tags and attributes are copied as they are; nothing inside code, pre, kbd, samp,
    script, style, textarea, svg or math, nor in an element whose ``lang`` is not
    French, is touched; URLs, e-mail addresses and entities in text are kept whole.
    """
    if not html:
        return html
    out: list[str] = []
    position = 0
    skipping: list[str] = []
    previous = "\n"
    for match in _TAG.finditer(html):
        start = match.start()
        if start > position:
            text = html[position:start]
            if skipping:
                out.append(text)
                previous = "x"
            else:
                fixed = fix_text(text, previous)
                out.append(fixed)
                previous = fixed[-1]
        out.append(match.group())
        name = (match.group(2) or "").lower()
        if name:
            closing = bool(match.group(1))
            attributes = match.group(3) or ""
            self_closing = attributes.rstrip().endswith("/") or name in VOID_TAGS
            if skipping:
                if name == skipping[-1] and not self_closing:
                    if closing:
                        skipping.pop()
                    else:
                        skipping.append(name)
                if not skipping:
                    previous = "x"
            elif (
                not closing
                and not self_closing
                and (name in SKIP_TAGS or _FOREIGN.search(attributes))
            ):
                skipping.append(name)
            if name in BLOCK_TAGS:
                previous = "\n"
        position = match.end()
    if position < len(html):
        text = html[position:]
        out.append(text if skipping else fix_text(text, previous))
    return "".join(out)


def _word_start(text: str, index: int) -> int:
    """Where the run of letters that ends at ``index`` starts."""
    while index > 0 and text[index - 1].isalpha():
        index -= 1
    return index
