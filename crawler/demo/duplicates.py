"""A labelled corpus for duplicate detection: originals, syndicated variants, hard negatives.

Each document belongs to a cluster (one story); a detector should keep the first document of
every cluster and flag every later one, and never flag a document against another cluster.

Variants of each original: a new headline; 1, 3, 5, 7 or 10% of the words edited; paragraphs
reordered; the last paragraph dropped; a byline and an "originally published by" line; another
site's template lines; all of these at once; and the same text under another URL.
Hard negatives: a follow-up that quotes a third of the story; two different stories under the
same long disclaimer; short briefs on different topics; template-made weather and results
reports with other facts.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from crawler.neardup import NearDuplicates, exact_key, sketch

Story = tuple[str, list[str]]  # headline, paragraphs

_FILLER = (
    "reportedly",
    "officially",
    "locally",
    "notably",
    "apparently",
    "broadly",
    "again",
    "largely",
    "mostly",
    "still",
    "also",
    "indeed",
    "recently",
    "finally",
)
_AGENCIES = ("Reuters", "AP", "AFP", "dpa", "Harbour Wire")
_DISCLAIMER = (
    "Disclaimer: The information in this article is provided for general information only "
    "and does not constitute investment, legal or tax advice. The publisher and its partners "
    "accept no liability for decisions made on the basis of this content. Prices and figures "
    "may have changed since publication. Readers should seek independent professional advice "
    "before acting on any of the matters discussed here. Some links may be sponsored."
)
_CITIES = ("Hamburg", "Kiel", "Bremen", "Rostock", "Lübeck", "Flensburg", "Emden", "Husum")


@dataclass(frozen=True)
class Doc:
    id: str
    cluster: str
    kind: str
    text: str


def text_of(headline: str, paragraphs: list[str]) -> str:
    return "\n".join([headline, *paragraphs])


_NOUNS = (
    "council",
    "harbour",
    "budget",
    "school",
    "bridge",
    "ferry",
    "hospital",
    "museum",
    "market",
    "stadium",
    "library",
    "railway",
    "union",
    "court",
    "police",
    "festival",
    "factory",
    "airport",
    "park",
    "river",
    "tower",
    "clinic",
    "shipyard",
    "station",
    "theatre",
    "orchestra",
    "farm",
    "brewery",
    "lighthouse",
    "archive",
    "pension",
    "tariff",
    "election",
    "coalition",
    "mayor",
    "minister",
    "report",
    "survey",
    "strike",
    "storm",
    "flood",
    "drought",
    "harvest",
    "vaccine",
    "reactor",
    "pipeline",
    "canal",
)
_VERBS = (
    "approved",
    "rejected",
    "delayed",
    "announced",
    "criticised",
    "funded",
    "closed",
    "opened",
    "reviewed",
    "questioned",
    "defended",
    "expanded",
    "cancelled",
    "praised",
    "investigated",
    "postponed",
    "welcomed",
    "blocked",
    "measured",
    "rebuilt",
)
_ADJECTIVES = (
    "new",
    "old",
    "northern",
    "regional",
    "controversial",
    "costly",
    "delayed",
    "popular",
    "temporary",
    "historic",
    "private",
    "public",
    "disputed",
    "modest",
    "ambitious",
    "local",
    "national",
    "seasonal",
    "rural",
    "coastal",
)
_SYLLABLES = (
    "ka",
    "ber",
    "lin",
    "do",
    "ras",
    "mo",
    "ten",
    "vi",
    "lo",
    "gar",
    "sen",
    "tho",
    "mar",
    "wen",
    "del",
    "ul",
    "rik",
    "sa",
    "han",
    "pe",
    "tor",
    "kil",
    "nes",
    "brun",
)
_FRAMES = (
    "The {a} {n} in {p} was {v} on {d} after {q} weeks of talks.",
    "{P} said the {n} had been {v} because the {a} {n2} cost {q} million euros.",
    "Critics in {p} argued that the {n} should never have been {v}.",
    "According to a {a} {n2}, {q} people in {p} are affected by the {n}.",
    '"We {v} the {n} because we had no choice," {P} told reporters in {p}.',
    "The {n2} of {p} {v} the plan, and a decision on the {a} {n} is expected by {d}.",
    "{P}, who leads the {a} {n2}, {v} the figures on {d}.",
    "In {p}, {q} residents signed a petition about the {n}.",
    "Officials {v} a {a} {n} near the {n2} in {p} late on {d}.",
    "The cost of the {n} rose to {q} million, {P} confirmed.",
)
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _name(rng: random.Random, parts: int = 2) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(parts)).capitalize()


def prose_story(rng: random.Random) -> Story:
    """A made-up news story of five to eight paragraphs, its own places and people."""
    places = [_name(rng, 3) for _ in range(3)]
    people = [f"{_name(rng)} {_name(rng, 3)}" for _ in range(3)]

    def sentence() -> str:
        n, n2 = rng.sample(_NOUNS, 2)
        return rng.choice(_FRAMES).format(
            a=rng.choice(_ADJECTIVES),
            n=n,
            n2=n2,
            v=rng.choice(_VERBS),
            p=rng.choice(places),
            P=rng.choice(people),
            d=rng.choice(_DAYS),
            q=rng.randint(2, 950),
        )

    paragraphs = [
        " ".join(sentence() for _ in range(rng.randint(3, 5))) for _ in range(rng.randint(5, 8))
    ]
    headline = f"{places[0]}: {rng.choice(_ADJECTIVES)} {rng.choice(_NOUNS)} {rng.choice(_VERBS)}"
    return headline.capitalize(), paragraphs


def sample_originals(count: int, seed: int = 5) -> list[Story]:
    """Distinct made-up stories (the tests' originals; bench/ also uses real texts)."""
    rng = random.Random(seed)
    return [prose_story(rng) for _ in range(count)]


def build_corpus(originals: list[Story], others: list[Story], seed: int = 1) -> list[Doc]:
    """Originals first, then variants and negatives in a shuffled order.

    ``others``: unrelated stories; the first half writes the follow-ups, the second half the
    pairs under one disclaimer.
    """
    if len(others) < 2 * len(originals):
        raise ValueError("give at least two unrelated stories per original")
    follow_ups, disclaimed = others[: len(originals)], others[len(originals) :]
    rng = random.Random(seed)
    docs: list[Doc] = []
    later: list[Doc] = []
    for number, (headline, paragraphs) in enumerate(originals):
        cluster = f"story{number}"
        docs.append(Doc(f"{cluster}/original", cluster, "original", text_of(headline, paragraphs)))
        for kind, text in variants(headline, paragraphs, rng):
            later.append(Doc(f"{cluster}/{kind}", cluster, f"variant:{kind}", text))
        if follow_ups:
            other_head, other_paras = follow_ups[number % len(follow_ups)]
            third = paragraphs[: max(1, len(paragraphs) // 3)]
            quoted = [f'As we reported earlier: "{p}"' for p in third]
            follow = [*other_paras[:2], *quoted, *other_paras[2:]]
            later.append(
                Doc(
                    f"{cluster}/follow-up",
                    f"{cluster}-follow-up",
                    "negative:follow-up",
                    text_of(f"Update: {other_head}", follow),
                )
            )
    for number in range(0, len(disclaimed) - 1, 2):
        for side in (0, 1):
            head, paras = disclaimed[number + side]
            cluster = f"disclaimer{number + side}"
            later.append(
                Doc(
                    cluster,
                    cluster,
                    "negative:disclaimer",
                    text_of(head, [*paras[:3], _DISCLAIMER]),
                )
            )
    later.extend(briefs(rng))
    later.extend(reports(rng))
    rng.shuffle(later)
    return docs + later


def variants(headline: str, paragraphs: list[str], rng: random.Random) -> list[tuple[str, str]]:
    agency = rng.choice(_AGENCIES)
    out = [
        ("new-headline", text_of(f"{headline}: what we know", paragraphs)),
        ("reordered", text_of(headline, rng.sample(paragraphs, len(paragraphs)))),
        ("last-paragraph-dropped", text_of(headline, paragraphs[:-1])),
        (
            "byline",
            text_of(
                headline,
                [
                    f"By Staff, {agency}",
                    *paragraphs,
                    f"This article was originally published by {agency}.",
                ],
            ),
        ),
        (
            "other-template",
            text_of(
                headline,
                [
                    "Share this article",
                    *paragraphs,
                    "Read more: the day's top stories",
                    "Comments (0)",
                ],
            ),
        ),
        ("same-text-other-url", text_of(headline, paragraphs)),
    ]
    for percent in (1, 3, 5, 7, 10):
        out.append((f"edited-{percent}pct", text_of(headline, edit(paragraphs, percent, rng))))
    combined = edit(paragraphs[:-1], 5, rng)
    out.append(
        ("all-at-once", text_of(f"{headline} (updated)", [f"By Staff, {agency}", *combined]))
    )
    return out


def edit(paragraphs: list[str], percent: int, rng: random.Random) -> list[str]:
    """Replace, drop or insert ``percent`` % of the words."""
    words = [p.split() for p in paragraphs]
    slots = [(i, j) for i, ws in enumerate(words) for j in range(len(ws))]
    for i, j in rng.sample(slots, max(1, len(slots) * percent // 100)):
        action = rng.random()
        if action < 0.6:
            words[i][j] = rng.choice(_FILLER)
        elif action < 0.8:
            words[i][j] = ""
        else:
            words[i][j] = f"{words[i][j]} {rng.choice(_FILLER)}"
    return [" ".join(w for w in ws if w) for ws in words]


def briefs(rng: random.Random) -> list[Doc]:
    topics = [
        "A lorry overturned on the coastal road near the ferry terminal on Monday morning.",
        "The library extends its opening hours during the winter exam season.",
        "Police are looking for witnesses after a break-in at the marina office.",
        "The swimming pool in the north district closes for repairs until March.",
        "A new bakery opened in the old fish market hall on Saturday.",
        "The council approved a small grant for the harbour choir's spring concert.",
    ]
    return [
        Doc(f"brief{i}", f"brief{i}", "negative:brief", f"In brief\n{t}")
        for i, t in enumerate(topics)
    ]


def reports(rng: random.Random) -> list[Doc]:
    docs = []
    for day in range(6):
        lines = [
            f"Weather for {city}: {rng.choice(['sunny', 'cloudy', 'rain showers', 'fog'])}, "
            f"highs of {rng.randint(2, 24)} degrees, lows of {rng.randint(-5, 12)} degrees, "
            f"wind {rng.randint(5, 60)} km/h from the {rng.choice(['north', 'west', 'east'])}."
            for city in _CITIES
        ]
        docs.append(
            Doc(
                f"weather{day}",
                f"weather{day}",
                "negative:template-report",
                text_of(f"The weather on day {day + 1}", lines),
            )
        )
    for round_ in range(6):
        lines = [
            f"{home} {rng.randint(0, 5)}, {away} {rng.randint(0, 5)}. "
            f"Attendance: {rng.randint(1000, 30000)}. Scorers: {rng.randint(1, 90)}th minute."
            for home, away in zip(_CITIES[::2], _CITIES[1::2], strict=True)
        ]
        docs.append(
            Doc(
                f"results{round_}",
                f"results{round_}",
                "negative:template-report",
                text_of(f"Results of round {round_ + 1}", lines),
            )
        )
    return docs


@dataclass
class Score:
    precision: float
    recall: float
    flagged: int
    false_merges: list[tuple[str, str]]
    missed: list[str]
    lost_clusters: list[str]


def evaluate(docs: list[Doc], is_duplicate_of: dict[str, str | None]) -> Score:
    """Score a detector's verdicts: doc id -> id of the earlier doc it duplicates, or None."""
    cluster_of = {d.id: d.cluster for d in docs}
    seen: set[str] = set()
    kept: set[str] = set()
    tp, false_merges, missed = 0, [], []
    for doc in docs:
        match = is_duplicate_of.get(doc.id)
        if match is None:
            kept.add(doc.cluster)
            if doc.cluster in seen:
                missed.append(doc.id)
        elif cluster_of[match] == doc.cluster:
            tp += 1
        else:
            false_merges.append((doc.id, match))
        seen.add(doc.cluster)
    precision = tp / (tp + len(false_merges)) if tp + len(false_merges) else 1.0
    recall = tp / (tp + len(missed)) if tp + len(missed) else 1.0
    lost = sorted({d.cluster for d in docs} - kept)
    return Score(precision, recall, tp + len(false_merges), false_merges, missed, lost)


def detect(docs: list[Doc], store: object, threshold: float = 0.5) -> dict[str, str | None]:
    """Run the crawler's text checks (exact, then near) over ``docs`` in order, as a crawl
    would: doc id -> id of the earlier doc it duplicates, or None when it is kept."""
    near = NearDuplicates(store, threshold=threshold)
    texts: dict[str, str] = {}
    verdicts: dict[str, str | None] = {}
    for doc in docs:
        digest = exact_key(doc.text)
        if digest in texts:
            verdicts[doc.id] = texts[digest]
            continue
        found = sketch(doc.text)
        match = near.find(found, doc.id, doc.text)
        verdicts[doc.id] = match[0] if match else None
        if match is None:
            texts[digest] = doc.id
            near.add(found, doc.id)
    return verdicts
