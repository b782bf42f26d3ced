"""Every figure of the report, computed from the site's data for a period and the one before.

The result is plain records (:class:`Report`, :class:`Section`, :class:`Figure`,
:class:`Table`) that the document module writes as HTML, CSV and JSON.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from babel.dates import format_date as format_babel
from babel.numbers import format_decimal

from cmcore import dates
from cmcore.french import NBSP, NNBSP, plural
from comments.sanitize import text_of
from events import wording
from events.listing import recurrence_rule
from events.model import EVENT_TYPES, Occurrence

from . import tone
from .period import Period
from .site import SiteData

TOP = 10
EXAMPLES = 2
HOSTILE = ("insulte", "propos raciste")
EVOLUTION = "Évolution"  # the column comparing the period with the one before
MINUS = "\u2212"


def number(value) -> str:
    """French number: « 1 234 », « 2,5 »; « – » for none."""
    if value is None:
        return "–"
    return format_decimal(value, locale="fr_FR")


def evolution(current, previous) -> str:
    """« +3 (+300 %) », « −2 (−20 %) », « = », « nouveau » (nothing before), or « – »."""
    if current is None or previous is None:
        return "–"
    diff = round(current - previous, 1)
    if diff == 0:
        return "="
    if not previous:
        return "nouveau"
    sign = "+" if diff > 0 else MINUS
    percent = round(100 * abs(diff) / abs(previous))
    return f"{sign}{number(abs(diff))} ({sign}{number(percent)}{NBSP}%)"


def _compared(rows, current=lambda row: row[1], previous=lambda row: row[2]) -> tuple:
    """``rows`` with an :data:`EVOLUTION` cell at the end."""
    return tuple((*row, evolution(current(row), previous(row))) for row in rows)


@dataclass(frozen=True)
class Figure:
    """One number, for the period and the period before (``None``: not comparable)."""

    key: str
    label: str
    current: float | int | None
    previous: float | int | None = None
    unit: str = ""


@dataclass(frozen=True)
class Chart:
    """How to draw a table: ``bar`` (series side by side), ``stacked`` or ``hbar``."""

    kind: str
    title: str
    description: str
    columns: tuple[int, ...] = ()  # the table's columns drawn as series (default: all)


@dataclass(frozen=True)
class Table:
    """A table of the report, written as HTML and as ``<key>.csv``."""

    key: str
    caption: str
    columns: tuple[str, ...]
    rows: tuple[tuple, ...]
    chart: Chart | None = None
    links: tuple[str, ...] = ()  # a URL per row for the first column, or ()


@dataclass
class Section:
    key: str
    title: str
    figures: list[Figure] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    empty: str = ""  # what to say when the period has nothing for this section


@dataclass
class Report:
    site: str
    period: Period
    previous: Period
    generated: dt.datetime
    sections: list[Section]


def weeks(period: Period) -> list[dt.date]:
    """The Mondays of the weeks that overlap ``period``."""
    first = period.start - dt.timedelta(days=period.start.weekday())
    return [first + dt.timedelta(weeks=n) for n in range((period.end - first).days // 7 + 1)]


def week_label(monday: dt.date) -> str:
    """« sem. du 2 nov. »."""
    return f"sem. du {format_babel(monday, 'd MMM', locale='fr_FR')}"


def _per_week(days: list[dt.date], period: Period) -> list[int]:
    mondays = weeks(period)
    counts = Counter(day - dt.timedelta(days=day.weekday()) for day in days if day in period)
    return [counts[m] for m in mondays]


def _local_day(value: dt.datetime, site: SiteData) -> dt.date:
    return value.astimezone(site.timezone).date()


def build(site: SiteData, period: Period, now: dt.datetime, audience=None) -> Report:
    """The whole report for ``period``."""
    previous = period.previous()
    sections = [
        publications(site, period, previous),
        conversation(site, period, previous),
        tone_section(site, period, previous),
        events_section(site, period, previous, now),
    ]
    if audience is not None:
        sections.append(audience_section(audience))
    return Report(site.name, period, previous, now, sections)


# --- publications --------------------------------------------------------------------


# Long but flat: the section's figures, then its tables, in the order the report shows them.
def _counted(name, title, heading, periods, key, label=lambda value: value) -> Table:
    """Articles of the period and of the period before, counted by ``key`` (sorted)."""
    now, before = periods
    values = sorted({key(a) for a in now + before})
    return Table(
        name,
        title,
        (heading, "Période", "Période précédente", EVOLUTION),
        _compared(
            (label(v), sum(key(a) == v for a in now), sum(key(a) == v for a in before))
            for v in values
        ),
    )


def publications(site: SiteData, period: Period, previous: Period) -> Section:
    section = Section("publications", "Publications", empty="Aucun article publié sur la période.")
    now_list = [a for a in site.articles if _local_day(a.date, site) in period]
    before = [a for a in site.articles if _local_day(a.date, site) in previous]
    announced = [e for e in site.events if e.announced and _local_day(e.announced, site) in period]
    announced_before = [
        e for e in site.events if e.announced and _local_day(e.announced, site) in previous
    ]
    lessons = [lesson for lesson in site.lessons if lesson.date and lesson.date.date() in period]
    lessons_before = [
        lesson for lesson in site.lessons if lesson.date and lesson.date.date() in previous
    ]
    section.figures = [
        Figure("articles", "Articles publiés", len(now_list), len(before)),
        Figure("mots", "Mots écrits", sum(a.words for a in now_list), sum(a.words for a in before)),
        Figure(
            "lecture",
            "Temps de lecture cumulé",
            sum(a.minutes for a in now_list),
            sum(a.minutes for a in before),
            "min",
        ),
        Figure("evenements_annonces", "Événements annoncés", len(announced), len(announced_before)),
        Figure("lecons", "Leçons publiées", len(lessons), len(lessons_before)),
    ]
    undated = sum(1 for lesson in site.lessons if lesson.date is None)
    if undated:
        section.notes.append(
            f"{plural(undated, 'leçon')} sans ligne «{NBSP}Date{NBSP}:{NBSP}» "
            f"dans l’en-tête {'ne sont pas comptées' if undated > 1 else 'n’est pas comptée'} "
            "(ajoutez la date de mise en ligne)."
        )
    section.tables.append(
        _counted(
            "articles-par-categorie",
            "Articles par catégorie",
            "Catégorie",
            (now_list, before),
            lambda a: a.category,
            label=lambda c: site.category_labels.get(c, c),
        )
    )
    section.tables.append(
        _counted(
            "articles-par-auteur",
            "Articles par auteur",
            "Auteur",
            (now_list, before),
            lambda a: a.author,
        )
    )
    section.tables.append(
        Table(
            "publications-par-semaine",
            "Articles publiés par semaine",
            ("Semaine", "Articles"),
            tuple(
                zip(
                    map(week_label, weeks(period)),
                    _per_week([_local_day(a.date, site) for a in now_list], period),
                    strict=True,
                )
            ),
            Chart(
                "bar",
                "Articles publiés par semaine",
                "Nombre d’articles publiés chaque semaine de la période.",
            ),
        )
    )
    section.tables.append(
        Table(
            "articles",
            "Articles de la période",
            ("Titre", "Date", "Catégorie", "Auteur", "Mots", "Lecture (min)"),
            tuple(
                (
                    a.title,
                    dates.format_date(a.date),
                    site.category_labels.get(a.category, a.category),
                    a.author,
                    a.words,
                    a.minutes,
                )
                for a in now_list
            ),
            links=tuple(a.url for a in now_list),
        )
    )
    if lessons:
        section.tables.append(
            Table(
                "lecons",
                "Leçons publiées",
                ("Leçon", "Formation", "Date"),
                tuple((x.title, x.course, dates.format_date(x.date)) for x in lessons),
                links=tuple(x.url for x in lessons),
            )
        )
    return section


# --- conversation --------------------------------------------------------------------


def _is_reader(comment, site: SiteData) -> bool:
    return comment.author.casefold().strip() not in site.authors


def _reason_label(reason: str) -> str:
    # « insulte : « … » » → « insulte »: the report says why, not the offending word.
    return reason.split(NBSP + ":", 1)[0].split(" :", 1)[0].strip() or "autre"


def _titles(site: SiteData) -> dict[str, str]:
    found = {a.slug: a.title for a in site.articles}
    found.update({x.slug: f"Leçon{NBSP}: {x.title}" for x in site.lessons})
    return found


def _comment_stats(site: SiteData, span: Period, by_id: dict, first_seen: dict) -> dict:
    """The readers' comments of ``span``, the author's replies to them and how soon."""
    readers = [
        (slug, c, held)
        for slug, c, held in site.comments
        if _is_reader(c, site) and _local_day(c.date, site) in span
    ]
    replies = [
        c
        for _, c, _ in site.comments
        if not _is_reader(c, site)
        and _local_day(c.date, site) in span
        and c.parent in by_id
        and _is_reader(by_id[c.parent][1], site)
    ]
    names = {c.author.casefold().strip() for _, c, _ in readers}
    new = {n for n in names if first_seen[n] in span}
    # Time to the author's first reply, for the readers' comments of the span.
    first_reply: dict[str, dt.datetime] = {}
    for _, c, _ in site.comments:
        if not _is_reader(c, site) and c.parent:
            first_reply[c.parent] = min(first_reply.get(c.parent, c.date), c.date)
    delays = [
        (first_reply[c.id] - c.date).total_seconds() / 3600
        for _, c, _ in readers
        if c.id in first_reply and first_reply[c.id] >= c.date
    ]
    return {
        "readers": readers,
        "held": [r for r in readers if r[2]],
        "names": names,
        "new": new,
        "replies": replies,
        "median": round(statistics.median(delays), 1) if delays else None,
        "answered": len(delays),
    }


# Long but flat: the section's figures, then its tables, in the order the report shows them.
def conversation(site: SiteData, period: Period, previous: Period) -> Section:
    section = Section(
        "conversation", "Conversation", empty="Aucun commentaire reçu sur la période."
    )
    titles = _titles(site)
    lesson_slugs = {x.slug for x in site.lessons}
    by_id = {c.id: (slug, c, held) for slug, c, held in site.comments}
    first_seen: dict[str, dt.date] = {}
    for _, comment, _ in site.comments:
        if _is_reader(comment, site):
            first_seen.setdefault(comment.author.casefold().strip(), _local_day(comment.date, site))

    cur = _comment_stats(site, period, by_id, first_seen)
    old = _comment_stats(site, previous, by_id, first_seen)
    section.figures = [
        Figure("commentaires", "Commentaires reçus", len(cur["readers"]), len(old["readers"])),
        Figure(
            "publies",
            "Commentaires publiés",
            len(cur["readers"]) - len(cur["held"]),
            len(old["readers"]) - len(old["held"]),
        ),
        Figure("retenus", "Retenus par la modération", len(cur["held"]), len(old["held"])),
        Figure("commentateurs", "Commentateurs", len(cur["names"]), len(old["names"])),
        Figure("nouveaux", "Nouveaux commentateurs", len(cur["new"]), len(old["new"])),
        Figure(
            "fideles",
            "Commentateurs déjà venus",
            len(cur["names"] - cur["new"]),
            len(old["names"] - old["new"]),
        ),
        Figure("reponses", "Réponses de l’auteur", len(cur["replies"]), len(old["replies"])),
        Figure(
            "delai_median",
            "Délai médian de première réponse",
            cur["median"],
            old["median"],
            "h",
        ),
    ]
    per_article = Counter(slug for slug, _, _ in cur["readers"] if slug not in lesson_slugs)
    per_article_before = Counter(slug for slug, _, _ in old["readers"] if slug not in lesson_slugs)
    ranked = sorted(per_article, key=lambda s: (-per_article[s], titles.get(s, s)))
    section.tables.append(
        Table(
            "commentaires-par-article",
            "Commentaires reçus par article",
            ("Article", "Période", "Période précédente", EVOLUTION),
            _compared((titles.get(s, s), per_article[s], per_article_before[s]) for s in ranked),
        )
    )
    section.tables.append(
        Table(
            "commentaires-par-semaine",
            "Commentaires reçus par semaine",
            ("Semaine", "Commentaires"),
            tuple(
                zip(
                    map(week_label, weeks(period)),
                    _per_week([_local_day(c.date, site) for _, c, _ in cur["readers"]], period),
                    strict=True,
                )
            ),
            Chart(
                "bar",
                "Commentaires reçus par semaine",
                "Nombre de commentaires de lecteurs reçus chaque semaine.",
            ),
        )
    )
    section.tables.append(
        Table(
            "articles-les-plus-commentes",
            "Articles les plus commentés",
            ("Article", "Commentaires"),
            tuple((titles.get(s, s), per_article[s]) for s in ranked[:5]),
            Chart(
                "hbar",
                "Articles les plus commentés",
                "Les cinq articles qui ont reçu le plus de commentaires sur la période.",
            ),
        )
    )
    reasons = Counter(_reason_label(held) for _, _, held in cur["held"])
    section.tables.append(
        Table(
            "moderation",
            "Commentaires retenus par la modération, par motif",
            ("Motif", "Commentaires"),
            tuple(sorted(reasons.items(), key=lambda r: (-r[1], r[0]))),
        )
    )
    lessons = Counter(slug for slug, _, _ in cur["readers"] if slug in lesson_slugs)
    lessons_before = Counter(slug for slug, _, _ in old["readers"] if slug in lesson_slugs)
    section.tables.append(
        Table(
            "retours-lecons",
            f"Retours sur les leçons («{NBSP}Cette leçon vous a-t-elle aidé{NNBSP}?{NBSP}»)",
            ("Leçon", "Période", "Période précédente", EVOLUTION),
            _compared(
                (titles[s].removeprefix(f"Leçon{NBSP}: "), lessons[s], lessons_before[s])
                for s in sorted(set(lessons) | set(lessons_before), key=lambda s: -lessons[s])
            ),
        )
    )
    if cur["median"] is not None:
        section.notes.append(
            f"Délai médian calculé sur {plural(cur['answered'], 'commentaire')} "
            "ayant reçu une réponse de l’auteur."
        )
    return section


# --- tone ----------------------------------------------------------------------------


def _tones(site: SiteData, span: Period) -> list[tuple[str, object, str, str]]:
    found = []
    for slug, comment, held in site.comments:
        if _is_reader(comment, site) and _local_day(comment.date, site) in span:
            text = text_of(comment.html)
            # What the site's lists hold as insult or racism is negative whatever its words.
            hostile = _reason_label(held) in HOSTILE if held else False
            found.append(
                (slug, comment, text, tone.NEGATIVE if hostile else tone.classify(text), held)
            )
    return found


def tone_section(site: SiteData, period: Period, previous: Period) -> Section:
    section = Section(
        "ton", "Ton des commentaires", empty="Aucun commentaire à analyser sur la période."
    )
    section.notes.append(tone.METHOD)
    titles = _titles(site)
    cur, old = _tones(site, period), _tones(site, previous)
    for label in tone.LABELS:
        count = sum(t[3] == label for t in cur)
        before = sum(t[3] == label for t in old)
        section.figures.append(
            Figure(f"ton_{label}", f"Commentaires au ton {label}", count, before)
        )
    mondays = weeks(period)
    per_week = {
        label: _per_week([_local_day(c.date, site) for _, c, _, t, _ in cur if t == label], period)
        for label in tone.LABELS
    }
    section.tables.append(
        Table(
            "ton-par-semaine",
            "Ton des commentaires par semaine",
            ("Semaine", "Positif", "Neutre", "Négatif"),
            tuple(
                (week_label(m), *(per_week[label][i] for label in tone.LABELS))
                for i, m in enumerate(mondays)
            ),
            Chart(
                "stacked",
                "Ton des commentaires par semaine",
                "Commentaires positifs, neutres et négatifs reçus chaque semaine.",
            ),
        )
    )
    by_article: dict[str, Counter] = defaultdict(Counter)
    for slug, _, _, label, _ in cur:
        by_article[slug][label] += 1
    rows = []
    for slug, counts in sorted(by_article.items(), key=lambda i: -sum(i[1].values())):
        total = sum(counts.values())
        rows.append(
            (
                titles.get(slug, slug),
                counts[tone.POSITIVE],
                counts[tone.NEUTRAL],
                counts[tone.NEGATIVE],
                round(100 * counts[tone.POSITIVE] / total),
                round(100 * counts[tone.NEGATIVE] / total),
            )
        )
    section.tables.append(
        Table(
            "ton-par-article",
            "Ton par article",
            ("Article", "Positifs", "Neutres", "Négatifs", "% positifs", "% négatifs"),
            tuple(rows),
        )
    )
    examples = []
    for label in tone.LABELS:
        # Quoted: published comments only, never what moderation held back.
        chosen = [t for t in cur if t[3] == label and not t[4]][:EXAMPLES]
        examples += [(label, titles.get(s, s), tone.excerpt(text)) for s, _, text, _, _ in chosen]
    section.tables.append(
        Table(
            "ton-exemples",
            "Exemples (premiers mots, sans le nom ni l’adresse des commentateurs)",
            ("Ton", "Article", "Début du commentaire"),
            tuple(examples),
        )
    )
    return section


# --- events --------------------------------------------------------------------------


def occurrences_in(event, span: Period) -> list[Occurrence]:
    """The occurrences of ``event`` that start within ``span`` (local days of the event)."""
    if not event.recurrence:
        return [event.first] if event.start.date() in span else []
    start = dt.datetime.combine(span.start, dt.time(), tzinfo=event.start.tzinfo)
    end = dt.datetime.combine(span.end, dt.time(23, 59, 59), tzinfo=event.start.tzinfo)
    rule = recurrence_rule(event.recurrence, event.start)
    return [
        Occurrence(s, s + event.duration, event.all_day) for s in rule.between(start, end, inc=True)
    ]


# Long but flat: the section's figures, then its tables, in the order the report shows them.
def events_section(site: SiteData, period: Period, previous: Period, now: dt.datetime) -> Section:
    section = Section("evenements", "Événements", empty="Aucun événement sur la période.")

    def listed(span: Period):
        return sorted(
            ((e, o) for e in site.events for o in occurrences_in(e, span)),
            key=lambda item: (item[1].start, item[0].slug),
        )

    cur, old = listed(period), listed(previous)

    def split(items):
        cancelled = [i for i in items if i[0].cancelled]
        held = [i for i in items if not i[0].cancelled and i[1].end <= now]
        coming = [i for i in items if not i[0].cancelled and i[1].end > now]
        return held, coming, cancelled

    (held, coming, cancelled), (held0, coming0, cancelled0) = split(cur), split(old)
    free = [i for i in cur if i[0].price is not None and i[0].price.free]
    section.figures = [
        Figure("tenus", "Événements tenus", len(held), len(held0)),
        Figure("a_venir", "Événements à venir", len(coming), len(coming0)),
        Figure("annules", "Événements annulés", len(cancelled), len(cancelled0)),
        Figure(
            "gratuits",
            "Événements gratuits",
            len(free),
            sum(1 for i in old if i[0].price is not None and i[0].price.free),
        ),
    ]
    kinds = [k for k in EVENT_TYPES if any(e.kind == k for e, _ in cur + old)]
    section.tables.append(
        Table(
            "evenements-par-type",
            "Événements par type",
            ("Type", "Tenus", "À venir", "Annulés", "Période précédente", EVOLUTION),
            _compared(
                # The period's events, whatever became of them, against the period before.
                (
                    (
                        wording.kind(k),
                        sum(e.kind == k for e, _ in held),
                        sum(e.kind == k for e, _ in coming),
                        sum(e.kind == k for e, _ in cancelled),
                        sum(e.kind == k for e, _ in old),
                    )
                    for k in kinds
                ),
                current=lambda row: row[1] + row[2] + row[3],
                previous=lambda row: row[4],
            ),
            Chart(
                "stacked",
                "Événements par type",
                "Événements tenus, à venir et annulés de la période, par type.",
                (1, 2, 3),
            ),
        )
    )

    section.tables.append(_by_place(held, coming))

    def state(event, occurrence) -> str:
        if event.cancelled:
            return "annulé"
        return "tenu" if occurrence.end <= now else "à venir"

    section.tables.append(
        Table(
            "evenements",
            "Événements de la période",
            ("Événement", "Date", "Type", "Lieu", "Prix", "État"),
            tuple(
                (
                    e.title,
                    wording.dates(o),
                    wording.kind(e.kind),
                    e.place.name if e.place else ("En ligne" if e.online else ""),
                    wording.price(e.price),
                    state(e, o),
                )
                for e, o in cur
            ),
            links=tuple(site.event_urls[e.slug] for e, _ in cur),
        )
    )
    return section


def _city(event) -> str:
    if event.place is None:
        return "En ligne" if event.online else "Non précisé"
    # « Cocody, Abidjan »: the city ends the address.
    return event.place.address.rsplit(",", 1)[-1].strip() or "Non précisé"


def _by_place(held: list, coming: list) -> Table:
    """Events held (and to come) in the period, per city and venue."""
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for column, items in enumerate((held, coming)):
        for event, _ in items:
            venue = event.place.name if event.place else ""
            counts[(_city(event), venue)][column] += 1
    return Table(
        "evenements-par-lieu",
        "Événements par lieu",
        ("Ville", "Lieu", "Tenus", "À venir"),
        tuple(
            (city, venue, *numbers)
            for (city, venue), numbers in sorted(
                counts.items(), key=lambda item: (-item[1][0], -item[1][1], item[0])
            )
        ),
    )


# --- audience ------------------------------------------------------------------------


def audience_section(reading) -> Section:
    section = Section(
        "audience", "Audience", empty="Aucune visite dans les journaux pour la période."
    )
    cur, old = reading.current, reading.previous
    section.figures = [
        Figure("pages_vues", "Pages vues", cur.views, old.views),
        Figure("visiteurs", "Visiteurs (estimation)", cur.visitors, old.visitors),
        Figure("robots", "Requêtes de robots écartées", cur.robots, old.robots),
        Figure(
            "erreurs_404",
            "Pages introuvables (404)",
            sum(cur.not_found.values()),
            sum(old.not_found.values()),
        ),
    ]
    for key, caption, column, counter in (
        ("pages-les-plus-vues", "Pages les plus vues", "Page", cur.pages),
        ("sites-referents", "Sites d’où viennent les lecteurs", "Site", cur.referrers),
        (
            "pages-introuvables",
            "Adresses introuvables (404) les plus demandées",
            "Adresse",
            cur.not_found,
        ),
        ("recherches", "Recherches faites sur le site", "Recherche", cur.searches),
    ):
        section.tables.append(
            Table(key, caption, (column, "Nombre"), tuple(counter.most_common(TOP)))
        )
    section.notes.append(
        f"{reading.lines} ligne{'s' if reading.lines > 1 else ''} de journal lue"
        f"{'s' if reading.lines > 1 else ''}, dont {reading.unreadable} illisible"
        f"{'s' if reading.unreadable > 1 else ''} (ignorée{'s' if reading.unreadable > 1 else ''})."
    )
    section.notes.append(
        "Visiteurs estimés sans rien conserver\u00a0: chaque jour, l’adresse et le navigateur sont "
        "mélangés à un secret tiré au hasard pour ce rapport seulement, puis oubliés\u202f; "
        "les robots connus (liste crawler-user-agents) sont écartés."
    )
    return section
