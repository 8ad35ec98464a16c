"""Sample news stories with distinct, realistic text, made deterministically from a seed."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

# Building blocks for article sentences: subjects, actions, objects and closings per topic.
_TOPICS: dict[str, dict[str, list[str]]] = {
    "politics": {
        "who": [
            "The city council",
            "The regional parliament",
            "The opposition leader",
            "The finance minister",
            "A cross-party committee",
            "The mayor's office",
        ],
        "did": [
            "approved",
            "rejected",
            "postponed a vote on",
            "published a draft of",
            "opened hearings on",
            "announced a review of",
        ],
        "what": [
            "the harbour redevelopment plan",
            "a new housing levy",
            "the transport budget",
            "changes to the school funding formula",
            "the flood defence programme",
            "a ban on short-term rentals in the old town",
        ],
    },
    "business": {
        "who": [
            "The shipyard",
            "A local brewery",
            "The regional savings bank",
            "The port authority",
            "A logistics start-up",
            "The chamber of commerce",
        ],
        "did": ["reported", "forecast", "warned of", "celebrated", "disclosed", "confirmed"],
        "what": [
            "a sharp rise in quarterly orders",
            "higher energy costs for the winter",
            "two hundred new jobs at the northern terminal",
            "a drop in container traffic",
            "its first profit in four years",
            "plans to move production closer to the river",
        ],
    },
    "science": {
        "who": [
            "Researchers at the marine institute",
            "A team of geologists",
            "The university hospital",
            "Astronomers at the hill observatory",
            "Climate scientists",
            "A group of volunteer birdwatchers",
        ],
        "did": ["measured", "discovered", "documented", "modelled", "sequenced", "tracked"],
        "what": [
            "record water temperatures in the bay",
            "a colony of rare seabirds",
            "microplastics in the river sediment",
            "the genome of a local oyster",
            "a slow landslide above the coastal road",
            "a comet visible before dawn",
        ],
    },
    "sport": {
        "who": [
            "The harbour rowing club",
            "The city's football team",
            "The women's handball side",
            "A sixteen-year-old sprinter",
            "The sailing federation",
            "The cycling team",
        ],
        "did": ["won", "lost", "qualified for", "withdrew from", "hosted", "prepared for"],
        "what": [
            "the national championship final",
            "the spring regatta",
            "a tense derby in front of a sold-out stadium",
            "the European qualifiers",
            "the coastal marathon",
            "a training camp in the mountains",
        ],
    },
}
_WHEN = [
    "on Tuesday",
    "late on Monday",
    "this week",
    "after months of debate",
    "earlier than expected",
    "at a crowded meeting",
    "on Friday morning",
    "over the weekend",
]
_DETAIL = [
    "Officials said the decision would be reviewed again in the autumn.",
    "Critics argued that the figures had been presented too late for proper scrutiny.",
    "Supporters pointed to similar projects in other port cities that had paid off.",
    "Residents who attended the session asked for more detail on the timetable.",
    "The full report is expected to be published before the end of the year.",
    "Several speakers warned that costs could rise if the work was delayed.",
    "A spokesperson declined to comment on the numbers before they were audited.",
    "Independent experts described the outcome as cautious but sensible.",
    "Local businesses have followed the process closely for more than a year.",
    "The next step requires approval from the regional government.",
]
_QUOTE = [
    '"We have listened carefully, and this is the most responsible path," {name} said.',
    '"Nobody expected it to happen this quickly," {name} told reporters afterwards.',
    '"The numbers speak for themselves, but the work is far from over," said {name}.',
    '"It is a good day for the city, and a long one," {name} said with a smile.',
]
_PEOPLE = [
    "Maria Lindqvist",
    "Tomasz Kowalski",
    "Aisha Rahman",
    "Jonas Becker",
    "Elena Rossi",
    "Kwame Mensah",
    "Sofia Almeida",
    "Henrik Dahl",
    "Nadia Petrova",
    "Liam O'Connor",
]


@dataclass(kw_only=True)
class Story:
    """One article of the sample site."""

    slug: str
    section: str
    title: str
    lead: str
    paragraphs: list[str]
    authors: list[str]
    published: datetime
    tags: list[str] = field(default_factory=list)
    language: str = "en"

    @property
    def path(self) -> str:
        return f"/news/{self.section}/{self.published:%Y/%m}/{self.slug}.html"

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)


def make_stories(count: int, seed: int = 7, newest: datetime | None = None) -> list[Story]:
    """``count`` distinct English stories, newest first, one every five hours before ``newest``."""
    rng = random.Random(seed)
    newest = newest or datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
    stories = []
    topics = list(_TOPICS)
    for number in range(count):
        section = topics[number % len(topics)]
        words = _TOPICS[section]
        title = " ".join(rng.choice(words[part]) for part in ("who", "did", "what"))
        paragraphs = []
        for index in range(rng.randint(5, 8)):
            sentences = [
                f"{rng.choice(words['who'])} {rng.choice(words['did'])} "
                f"{rng.choice(words['what'])} {rng.choice(_WHEN)}.",
                rng.choice(_DETAIL),
                rng.choice(_DETAIL),
            ]
            if index % 2:
                sentences.append(rng.choice(_QUOTE).format(name=rng.choice(_PEOPLE)))
            sentences.append(f"Story {number + 1}, part {index + 1}, was filed from the harbour.")
            paragraphs.append(" ".join(sentences))
        authors = rng.sample(_PEOPLE, rng.choice([1, 1, 2]))
        stories.append(
            Story(
                slug=f"{_slug(title)}-{number + 1}",
                section=section,
                title=title[0].upper() + title[1:],
                lead=paragraphs[0].split(".")[0] + ".",
                paragraphs=paragraphs,
                authors=authors,
                published=newest - timedelta(hours=5 * number),
                tags=sorted({section.title(), rng.choice(["Harbour", "City", "Region"])}),
            )
        )
    return stories


def _slug(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split()[:8])
