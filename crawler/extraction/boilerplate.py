"""Boilerplate that slips past trafilatura, removed block by block from its result tree.

trafilatura keeps what looks like prose. What it lets through, on real pages: headlines of
other stories (a block that is one link), lists of such links, "Read also:" lines, calls to
subscribe, follow, comment or download an app, photo credits, the placeholders of embeds (a
consent box, "please enable JavaScript"), and short lines that are a date, a byline, a category
or a comment count. Each block (paragraph, heading, quote, list item) and each loose line
between blocks is judged on its own text, its length and the share of it that is link text,
never on site names. Link text is read from the page's anchors before trafilatura prunes the
page (trafilatura drops links from its result unless asked to keep them, which changes what it
extracts). A publisher's body (JSON-LD, feed) carries the same and is judged line by line
(``prune_text``).

Only short blocks are judged: a long paragraph is the story even when it says "newsletter".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from itertools import groupby, islice, pairwise
from math import ceil
from urllib.parse import urldefrag, urljoin

from lxml.etree import Element, _Element
from lxml.html import HtmlElement

from crawler.utils.text import words

# A block this long or longer is prose: no rule here removes it.
SHORT = 300
# A block whose characters are at least this share of link text is a link to elsewhere.
LINK_SHARE = 0.75
# A block this long that is not links is prose: the story runs from the first such to the last.
PROSE = 150
# A block shorter than this between the first two paragraphs of prose may be the header's.
HEADER_LINE = 80
# A list of this many items, each a link, is a list of other stories even inside the story.
MIN_LINK_ITEMS = 2
# A trail of sections above the story: this many items at least, each this many words at most.
CRUMBS = 3
CRUMB_WORDS = 4
# A table of contents in a publisher's body: this many lines at least in a row, each the text
# of a link to a place in the page, and the short label above them ("Table of Contents").
CONTENTS_LINES = 3
CONTENTS_LABEL = 40
# Other stories' cards after the story: the story's own prose says this many times as much.
STORY_OVER_CARDS = 2
# A linked list item this many words long or longer is a headline, shorter a name.
HEADLINE_WORDS = 4
# A list item that ends in a link may begin with a kicker this long ("Kicker: <a>...</a>").
MAX_KICKER = 60
# A teaser's line under its linked headline, in a list of other stories after the story.
TEASER_LINE = 160
# Links that share their first word with no more than this many others are each looked for
# in a whole block; more are looked up where the block's words begin.
FEW_ANCHORS = 32
# Anchors shorter than this ("more", "here", an icon's letter) say nothing about a block...
MIN_ANCHOR = 12
# ...unless there are this many of them and little else: a menu ("Impressum Datenschutz
# Kontakt"), at the story's margins.
MENU_ITEMS = 3
# A line that is the same text twice over, each this long or longer, is a teaser's card.
DOUBLED_MIN = 20
# A line this many words long or shorter is a label or a button, not a reporter's sentence.
TO_READER_WORDS = 4
# A run of this many dated lines in a row, each naming something, is a programme or a timeline.
PROGRAMME_LINES = 3
# A page with more captioned pictures than this is a gallery or a listicle: its captions stay.
MAX_CAPTIONS = 4
# A caption is this long at least: fewer characters may be a subheading's too.
MIN_CAPTION = 20
# An author's box (a line of their name, a few of who they are) is among this many last blocks.
AUTHOR_BOX = 3
# The last blocks read for it: the box's, its label's and the one its removal leaves last.
AUTHOR_ENDING = 2 * AUTHOR_BOX + 2
# An author's box says this much at most; a longer block that begins with their name is prose.
MAX_AUTHOR_BOX = 600
# A block of this many words or more, this share of whose word pairs a longer block of the
# text says too, says that block again: a teaser or a summary of it, a pull quote...
RESTATED_WORDS = 8
RESTATED_SHARE = 0.8
# ...and no more than this share of its words, and none of its numbers, is not in the longer
# block ("Is there a toilet on the bus? No." is not "Is there a toilet on the bus? Not always.").
RESTATED_NEW = 0.1
# ...if it is prose: this share of its words at least are words of letters only (not a row of
# figures, codes or a reference list's pages).
RESTATED_LETTERS = 0.75
# A pair of words in more blocks than this says nothing of which two are alike (thousands of
# paragraphs cut from one template would make every one a candidate of every other: a page of
# 6,000 took 64 s).
RESTATED_OWNERS = 10

_BLOCKS = ("p", "head", "quote", "item")
# A slideshow's captions, numbered: this many at least.
GALLERY_ITEMS = 3
# A teaser under another story's headline: a sentence, this many words or more.
TEASER_WORDS = 8
_COUNTER = re.compile(r"(\d{1,3})(?: ?/ ?| (?:of|von|de|sur|di|z) )(\d{1,3})\b")


def _pattern(*alternatives: str) -> re.Pattern[str]:
    return re.compile("|".join(alternatives), re.IGNORECASE)


class _Phrases:
    """Alternatives of one kind, case-insensitive, searched as one pattern would be but
    compiled in two: those that must begin the line (written ``^\\W*...``) tried at its start
    only, the rest searched anywhere. Python's ``re`` tries every alternative of a pattern at
    every position of a line, and most of these phrases begin one: searched as one, the calls
    and labels cost more than all the other rules together. When every one of the rest begins
    with a word written out (``\\bexterne...``), a group of them (``\\b(?:log|sign) in``) or a
    word named in a comment (``(?#derechos reservados)...``), a line that holds none of those
    words is not searched at all: a substring test costs far less than the search."""

    _LEAD = r"^\W*"
    # the letters an alternative begins with, up to its first sign of a pattern ("externe" of
    # "\bexterne[rn]?"; one less before a quantifier: "externe" of "\bexternen?")
    _WRITTEN = re.compile(r"\\b([a-zß-ÿ ]{4,})(?=([?*{]?))")
    # a group of words written out, not optional: "log" and "sign" of "\b(?:log|sign) in"
    _GROUP = re.compile(r"\\b\(\?:([a-zß-ÿ ]{3,}(?:\|[a-zß-ÿ ]{3,})*)\)(?![?*{])")
    # a word the alternative names as one every match holds, where it does not begin with it
    _NAMED = re.compile(r"\(\?#([^)]+)\)")

    def __init__(self, *alternatives: str) -> None:
        start = [a[len(self._LEAD) :] for a in alternatives if a.startswith(self._LEAD)]
        anywhere = [a for a in alternatives if not a.startswith(self._LEAD)]
        self._start = re.compile(rf"\W*(?:{'|'.join(start)})", re.IGNORECASE) if start else None
        self._anywhere = re.compile("|".join(anywhere), re.IGNORECASE) if anywhere else None
        words = [self._written(a) for a in anywhere]
        self._words = tuple(w for ws in words if ws for w in ws) if all(words) else ()

    @classmethod
    def _written(cls, alternative: str) -> tuple[str, ...] | None:
        """The words one of which a line must hold for ``alternative`` to match, or None."""
        found = cls._WRITTEN.match(alternative)
        if found is not None:
            word = found.group(1)[:-1] if found.group(2) else found.group(1)
            return (word,) if len(word) >= 4 else None
        group = cls._GROUP.match(alternative) or cls._NAMED.match(alternative)
        return tuple(group.group(1).split("|")) if group else None

    def search(self, text: str) -> re.Match[str] | None:
        if self._start is not None and (found := self._start.match(text)):
            return found
        if self._anywhere is None:
            return None
        if self._words:
            lowered = text.lower()
            if not any(word in lowered for word in self._words):
                return None
        return self._anywhere.search(text)


# double quotation marks of every convention, which open and close in pairs ("", “”, „“, «»)
_DOUBLE_QUOTE = re.compile(r'(?<!\d)"|[“”„«»]')  # not an inch's mark (65" TV)
# the end of a sentence, or of a quotation or a bracket after it
_CLOSED = re.compile(r"[.!?…\"”»)]\W*$")
# Lines that send the reader to another story or page.
_ELSEWHERE = _Phrases(
    r"^\W*(?:read|see) (?:also|more)\b(?! than\b)", r"^\W*(?:explore )?related\b(?! to\b)",
    r"^\W*also (?:read|see|watch)\s*:",
    r"^\W*more on this\b",
    # the post before or after, another section's stories: "Previous Post: ...", "More world
    # stories from NBC News:" (a line that ends at its colon: "More good news: ..." is prose)
    r"^\W*(?:previous|next|older|newer) (?:post|article|story|entry)\s*:",
    r"^\W*(?:vorheriger|nächster|älterer|neuerer) (?:beitrag|artikel|eintrag)\s*:",
    r"^\W*(?:article|billet) (?:précédent|suivant)\s*:",
    r"^\W*(?:entrada|artículo|noticia) (?:anterior|siguiente)\s*:",
    r"^\W*more (?:[\w'’&-]+ ){0,4}(?:news|stories|content|coverage|articles)"
    r"(?: (?:from|on|at) [^!?:]{1,40})?\s*:\W*$",
    r"^\W*previously posted (?:items|posts|entries)\W*$",
    r"^\W*more (?:[\w.&'’-]+ ){0,3}headlines\b", r"^\W*more in (?:[\w.&'’-]+ ){0,4}news\W*$",
    r"^\W*(?:stories|articles|more) in this section\b",
    r"^\W*(?:recent|latest) (?:[\w&'’-]+ ){0,3}(?:picks|articles|stories)"
    r"(?: and (?:articles|stories|picks))?\W*$",
    r"^\W*(?:on this topic|story history|internal links|don['’]t miss|trending (?:today|now|"
    r"this week)|popular this week|news categories|must-read(?: related)? articles|"
    r"my other blogs|key stories|your say|today['’]s latest news|search the web for more)\W*$",
    r"^\W*previously on\b[^.!?]{0,30}$",
    r"^\W*(?:previous stories\s*:|also in this issue\b|from other news sites\W*$)",
    r"^\W*from the section\b",
    r"^\W*if you want (?:other|more) stories on this topic\b",
    r"^\W*lesen sie (?:auch|hier|mehr)\b", r"^\W*zum thema\s*:\s*$", r"^\W*lies (?:auch|mehr)\b",
    r"^\W*mehr zum thema\b", r"^\W*mehr zu diesem thema(?:\s*[:|»›]|\W*$)",
    r"^\W*empfohlene (?:artikel|beiträge)\b", r"^\W*vorschau auf den nächsten artikel\b",
    # "A lire aussi": the capital's accent dropped
    r"^\W*(?:[àa] )?lire (?:aussi|également)\b", r"^\W*voir aussi\b",
    r"^\W*(?:lee|lea|leer|leia|vea|ver|mira) (?:también|também)\b", r"^\W*te recomendamos\b",
    # the same labels in the words of other Spanish, French, Italian and Polish sites
    r"^\W*(?:temas relacionados|lee la nota completa|[àa] voir aussi|sur le même thème|"
    r"ces articles peuvent vous intéresser|la rédaction vous conseille|ti potrebbe interessare|"
    r"polecane|więcej na ten temat)\W*$",
    r"^\W*(?:también )?te puede interesar\b", r"^\W*mire:", r"^\W*leggi anche\b",
    r"^\W*puedes ver\s*(?::|aquí|también|más)",
    # "Weitere Infos unter example.com"
    r"^\W*(?:weitere|mehr) (?:infos?|informationen)\b.{0,40}\b(?:unter|auf|bei)\s+\S+\.[a-z]{2,}",
    r"^\W*más (?:información|noticias)\b[^.!?]{0,40}\ben\s+[\w-]+\.[a-z]{2,}\W*$",
    r"^\W*bitte beachten sie auch unsere\b",
    r"^\W*dowiedz się więcej\b", r"^\W*(?:czytaj|zobacz|przeczytaj) (?:też|także|również|więcej)\b",
    # the same in the other languages of European news: related stories, "more on"
    r"^\W*(?:articles?|sujets?) (?:similaires|liés|connexes)\b", r"^\W*sur le même sujet\b",
    r"^\W*(?:noticias?|artículos?|notas?) relacionad[ao]s?\b", r"^\W*más noticias\b",
    r"^\W*(?:notícias|matérias) relacionadas\b", r"^\W*(?:veja|leia) (?:mais|também)\b",
    r"^\W*saiba mais\b", r"^\W*mais notícias\b",
    r"^\W*(?:articoli|notizie) correlat[ei]\b", r"^\W*potrebbe interessarti\b",
    r"^\W*(?:lees|bekijk) ook\b", r"^\W*gerelateerde (?:artikelen|berichten)\b",
    r"^\W*powiązane (?:artykuły|wiadomości)\b", r"^\W*polecamy\b",
    r"^\W*das (?:\w+ ){0,2}könnte (?:sie|dich|euch) (?:auch |ebenfalls )?interessieren\b",
    r"^\W*(?:diese[rs]?|die(?:se)?) (?:\w+ ){0,2}könnten? (?:sie|dich|euch) "
    r"(?:auch |ebenfalls )?interessieren(?:\s*:|[.!]?\W*$)",
    r"^\W*vous aimerez (?:aussi|également|peut-être aussi)(?:\s*:|\W*$)",
    r"^\W*das könnte (?:ihnen|dir|euch) (?:auch |ebenfalls )?gefallen\b",
    # the label over links elsewhere ("Weiterführende Links:", "External links")
    r"^\W*(?:weiterführende|externe|nützliche|external|further|useful|liens) "
    r"(?:links|liens utiles)\W*(?:\[\w+\])?\W*$",
    r"^\W*you (?:may|might) (?:also )?(?:like|be interested)\b",
    r"^\W*recommended (?:for you|stories|articles|videos)\b",
    r"^\W*recommended reading(?:\s*:|\W*$)",
    r"^\W*for more on\b[^.!?:]{1,50}$",
    # the boxes of other stories and of the ad networks' ("Promoted stories", "From around the
    # web", "Recommended by"), and of the author's other stories ("More by this author", "View
    # all posts by Ann Writer", "Zur Autorenseite")
    r"^\W*(?:elsewhere on the (?:web|bbc)|from (?:around|across) the web|"
    r"(?:promoted|sponsored|partner) (?:stories|links|content)|recommended by|"
    r"more (?:by|from) (?:this|the) (?:author|writer|reporter|columnist)|"
    r"empfehlungen der redaktion|unsere empfehlungen|am meisten gelesen|mehr aus dem ressort|"
    r"(?:weitere|mehr|neueste|aktuelle) (?:videos|artikel|beiträge|bildergalerien)|"
    r"(?:noticia|artículo) (?:anterior|siguiente)|(?:anterior|siguiente) (?:noticia|artículo)|"
    r"unsere top-?themen|die redaktion empfiehlt|mehr aus der rubrik|alle videos|"
    r"(?:poprzedni|następny) artykuł)\W*$",
    r"^\W*(?:view|see|read) all (?:posts|articles|stories|columns) (?:by|from)\b[^.!?]{0,40}$",
    r"^\W*(?:zur autorenseite|alle (?:artikel|beiträge) (?:des autors|der autorin|von)\b"
    r"[^.!?]{0,40}$|mehr (?:von|vom) (?:diesem|dieser) (?:autor|autorin)\W*$)",
    # the label over a box of other stories ("Most read", "More from The Nation", "Up next")
    r"^\W*most (?:read|popular|viewed|shared)(?: (?:in|on|stories|articles) [^.!?]{1,30})?\W*$",
    r"^\W*(?:lo más (?:leído|visto)|más leíd[ao]s|i più (?:letti|visti)|najczęściej (?:czytane|"
    r"komentowane)|meest (?:gelezen|bekeken)|mais (?:lidas|lidos|vistas)|(?:articles )?les plus "
    r"lus|die wichtigsten nachrichten)\W*$",
    r"^\W*more (?:stories )?from [^.!?:]{1,40}$",
    r"^\W*(?:other|more|recent|featured|latest) (?:[\w-]+ ){0,2}(?:columns|slide ?shows|"
    r"galleries|videos|stories)\W*$",
    r"^\W*(?:up next|popular|trending(?: now)?)\W*$",
    r"^\W*(?:previous|next) (?:page|article|story|post)\W*$",
    r"^\W*(?:ähnliche|verwandte) (?:artikel|beiträge|themen)(?: (?:auf|bei|zu) [^.!?]{1,40})?"
    r"\W*$",
    r"^\W*ähnliche\s*:\s*$",
    r"^\W*meist ?gelesen(?:e[nr]?)?(?: (?:artikel|beiträge|news|nachrichten))?\W*$",
    # Argentina's and Finland's: "Otras noticias de Política", "Lue aiheesta lisää"
    r"^\W*(?:otras noticias de|más leídas de|más noticias de)\b[^.!?]{0,40}$",
    r"^\W*lue (?:aiheesta )?(?:lisää|myös)\b",
    r"^\W*for more (?:stories|news|articles) like this\b",
    r"^\W*(?:explore further|more)\s*:?\s*$",
    # "Follow AP's full coverage of Brexit at https://...", "More AP NBA: https://..."
    r"^\W*follow [\w’'.]+(?: [\w’'.]+)? (?:full |complete |latest |live )?coverage of\b"
    r"[^.!?]{0,80}\bat\s+(?:https?://|www\.)",
    r"^\W*more (?-i:[A-Z]{2,})\b[\w ]{0,30}:\s*https?://",
    r"^\W*mehr (?:themen|artikel|nachrichten|news) (?:auf|bei|von) [^.!?]{1,40}$",
    r"^\W*mehr (?:themen|artikel|nachrichten|news) (?:auf|bei) [\w.-]+\.[a-z]{2,}\s*:?\s*$",
    r"^\W*zum (?:artikel|beitrag)\s*:",
    # the same labels in Chinese, Japanese and Korean ("related news", "recommended")
    r"^\W*(?:相关(?:新闻|阅读|文章|报道)|相關(?:新聞|閱讀|文章)|推荐阅读|関連(?:記事|ニュース|キーワード)|"
    r"おすすめ(?:情報|記事)?|あわせて読みたい|관련\s?기사|많이 본 뉴스|추천 기사)\W*$",
)  # fmt: skip
_SHARE_WORD = (
    r"(?:tweet|twittern|teilen|share|drucken|print|e-?mail|facebook|twitter|whatsapp|linkedin|"
    r"xing|pinterest|telegram|flipboard|reddit|messenger|pocket|imprimer|imprimir|partager|"
    r"compartir|condividi|stampa|drukuj|udostępnij)"
)
# Lines that send the reader elsewhere in words a reporter's sentence begins with too ("Mehr
# dazu wollte er nicht sagen", "Weitere Informationen lagen nicht vor"): only when the line
# speaks to the reader or is no sentence (``_to_reader``).
_ELSEWHERE_IF = _pattern(
    r"^\W*mehr dazu\b", r"^\W*auch interessant\b", r"^\W*passend zum thema\b",
    r"^\W*weitere (?:aktuelle |interessante |spannende )?(?:artikel|beiträge|themen|tipps|news|"
    r"nachrichten|meldungen)\b",
    r"^\W*weitere (?:infos|informationen)\b(?:\W*$|.{0,60}$)", r"^\W*puedes ver\b",
    # a line led by arrows is a link ("&gt;&gt; Hier finden Sie alle Termine", "► Mehr
    # dazu"), unless it is a story's point ("► Die Polizei ermittelt.")
    r"^\s*(?:>>|►|▶)",
    r"\b(?:view|see|read|check out) our (?:latest|full|complete|other)\b[^.!?]{0,40}\bhere\b",
    # a pointer to the site's live blog or overview, the link after its colon: "Mehr zur Lage
    # lesen Sie in unserem Liveblog:", "Aktuelle Meldungen finden Sie in unserem Ticker:"
    r"\b(?:lesen|finden|sehen|hören) sie\b[^.!?]{0,80}\b(?:in unsere[mr]|auf unserer|bei uns|"
    r"im (?:live-?blog|(?:news-?)?ticker|überblick|dossier|special))\b"
    r"[^.!?]{0,40}:\s*$",
    r"\b(?:read|find|follow|see) (?:more|all|the latest|our)\b[^.!?]{0,80}\b(?:in|on) our\b"
    r"[^.!?]{0,40}:\s*$",
)  # fmt: skip
# Calls to subscribe, sign up, follow, share, comment, download or donate: the reader is
# spoken to ("subscribe now", "follow us"), which a report about subscriptions does not do.
_CALL = _Phrases(
    r"\bsubscribe (?:now|today|here)\b", r"^\W*subscribe\b", r"\balready a subscriber\b",
    r"^\W*sign up\b", r"\bsign up (?:now|today|here|for (?:free|our|the newsletter))\b",
    r"^\W*(?:log|sign) in\b",
    r"\b(?:log|sign) in (?:here|to (?:continue|read|comment|check|access|view|see))\b",
    r"\bfollow (?:us|@)",
    r"\bfollow [\w.]+(?: [\w.]+)? on (?:twitter|x|instagram|facebook|threads|bluesky)\s*:?\s*@",
    r"^\W*follow [\w.]+(?: [\w.]+)? on (?:google news|twitter|facebook|instagram|x)\b",
    r"^\W*follow [\w.]+(?: [\w.]+){0,5} on (?:twitter|facebook|instagram|x|threads|tiktok)\b"
    r"[^.]{0,30}\b(?:and|,)\s*(?:twitter|facebook|instagram|x|threads|tiktok)\b",
    r"^\W*download (?:the|our)\b.*\bapps?\b", r"\bdownload our\b.*\bapps?\b",
    r"\bdownload (?:the|our)\b.*\bapps? for (?:ios|android|iphone)\b",
    r"\b(?:join|support) us\b", r"\bdonate now\b",
    r"\b(?:nuestro|nosso) canal de (?:telegram|whatsapp)\b", r"\búnete\b", r"\bsuscr[ií]bete\b",
    r"\b(?:síguenos|siguenos)\b", r"\babonnez-vous\b", r"\binscrivez-vous\b",
    r"\bjetzt abonnieren\b", r"^\W*jetzt teilen\W*$",
    r"^\W*recibe (?:las|nuestras) noticias\b", r"^\W*descarga nuestra app\b",
    r"^\W*hazte (?:socio|suscriptor|miembro)\b", r"^\W*(?:masz [^?]{0,40}\?\s*)?napisz do nas\b",
    r"^\W*article réservé aux abonnés\b", r"^\W*get [^.!?]{1,40}\bnewsletter\b",
    r"\bwere you interviewed for this (?:story|article)\b",
    r"^\W*(?:[^.!?]{0,60}\?\s*)?send us (?:your )?feedback\W*$",
    r"^\W*get the latest [^.!?]{1,40} here\W*$",
    r"^\W*to (?:listen|watch|hear)\b[^.!?]{0,60}\bclick\b", r"^\W*join (?:now|today)\b",
    r"^\W*(?:got|have) an? [\w ]{1,20} you['’]?d like to (?:add|share)\s*\?",
    r"\bhier (?:kannst du|können sie) das angebot\b",
    # a paywall's and a plea's words: "Sie möchten gerne weiterlesen?", "Sichere diesen
    # Journalismus!", Argentina's "Ingresá o suscribite"
    r"^\W*(?:sie möchten|möchten sie|du möchtest|möchtest du) (?:gerne )?weiterlesen\s*\?",
    r"^\W*registrieren sie sich (?:jetzt )?(?:kostenlos|gratis)\W*$",
    r"\bsichere? diesen journalismus\b",
    r"^\W*(?:helfen sie mit|unterstützen sie)\b[^.!?]{0,60}\bjournalismus\b[^?]*$",
    r"\bpara comentar (?:debés|debes|tenés que|tienes que)\b", r"^\W*ingresá o suscribite\b",
    r"\bclic (?:aquí|acá)\W*$", r"^\W*we (?:always |would )?welcome your (?:feedback|comments)\W*$",
    r"^\W*join our\b[^.!?]{0,40}\b(?:group|channel|community|server|mailing list)\b",
    r"^\W*(?:möchtest du|möchten sie|willst du|wollen sie) uns (?:dein |ihr |ein )?"
    r"feedback geben\b",
    r"^\W*wir freuen uns (?:\w+ ){0,2}(?:über|auf) (?:\w+ ){0,3}(?:deine?|ihre?|eure?) "
    r"(?:\w+ ){0,3}"
    r"(?:anregungen|feedback|kommentare?|meinung|erfahrungsberichte)\b",
    r"^\W*apoie o\b", r"^\W*check back (?:in )?(?:soon|later|often|tomorrow)\b",
    r"^\W*(?:sie sind|du bist|bist du|sind sie) (?:bereits|schon) (?:registriert|abonnent(?:in)?|"
    r"kunde|kundin|mitglied)\s*\?", r"\bjetzt abo abschließen\b",
    r"^\W*hier geht(?:['’]s| es) zum abo\b", r"^\W*verpassen sie (?:keine|nichts)\b[^.!?]{0,40}"
    r"\b(?:news|nachrichten|artikel|updates|neuigkeiten|angebote)\b",
    r"\bdelivered (?:straight |directly )?to your inbox\b",
    r"^\W*recibe (?:nuestro|el) (?:boletín|newsletter)\b", r"^\W*we respect your privacy\b",
    r"^\W*(?:continue reading|keep reading|read more) with an? (?:subscription|membership)\b",
    r"^\W*this (?:article|story|content) is (?:only )?(?:for|available to|reserved for|"
    r"exclusive to) (?:subscribers|members)\b",
    # the newsroom asks for tips and corrections ("Found a typo?", "Have a news tip?")
    r"^\W*(?:report an? (?:error|typo|correction)\W*$|(?:found|spotted|see) an? (?:typo|mistake|"
    r"error)\s*\?|haben sie einen fehler (?:entdeckt|gefunden)\s*\?|(?:have|got) an? (?:news )?"
    r"tip\s*\?|send us (?:an?|your) (?:news )?tips?\b)",
    r"^\W*(?:tweet|twittern|teilen|share|drucken|imprimer|imprimir|partager|compartir|"
    r"condividi|drukuj|udostępnij)\W*$",  # one share button, a verb
    r"\bregistrieren!", r"\bnicht eingeloggt\b",
    r"\bunterstütze (?:uns|\w+ (?:bereits|mit|jetzt))",
    r"\bhier klicken\b", r"\bfolgen sie uns\b",
    r"^\W*folg(?:t|e)? (?:mir|uns)(?: gerne)? auf\b",
    r"\bjetzt\b[^.!?]{0,60}\b(?:im abo|als e-paper)\b",
    r"\bsuivez-nous\b", r"\bsiga-nos\b", r"\binscreva-se\b", r"\bassine (?:já|agora)\b",
    r"\bseguici\b", r"\biscriviti\b", r"\babbonati (?:ora|subito)\b", r"\bvolg ons\b",
    r"\babonneer\b",
    r"\bobserwuj nas\b", r"\bzapisz się\b", r"\bzasubskrybuj\b",
    r"^\W*(?:teilen|sharen) mit\b", r"^\W*teilen auf(?:\W+[\w.-]+)?\W*$",
    r"^\W*share (?:this|on)\b",
    r"^\W*(?:artikel|beitrag|seite|article|story|post|page) "
    r"(?:teilen|share|partager|compartir)\W*$",
    rf"^\W*{_SHARE_WORD}(?:\W+{_SHARE_WORD})+\W*$",  # a row of share buttons
    r"^\W*(?:keine )?kommentare\W*(?:\d+\W*)?$", r"\bkommentare insgesamt\b",
    r"^\W*(?:\d+ )?comments?\W*$", r"^\W*no comments?(?: yet)?\W*$",
    r"^\W*(?:leave a|add a) comments?\b",
    # the comment box's own lines, and the way in
    r"\bjoin our commenting\b", r"\bhinterlasse (?:\w+ ){0,2}(?:einen |deinen )?kommentar\b",
    r"^\W*submit your (?:letters?|story|stories|photos?|tips?)\b",
    r"^\W*(?:submit|send) (?:your )?comments (?:on|about|to) this (?:post|article|story)\b",
    r"^\W*(?:werden sie|werde) (?:jetzt )?mitglied\b",
    # a membership's perks: "When you join ..., you'll get", "Erhalten Sie exklusive Angebote!"
    r"^\W*when you (?:join|subscribe|become a member)\b", r"\berhalten sie exklusive (?:angebote|"
    r"vorteile|inhalte)\b", r"^\W*(?:first-time|new) subscribers (?:also )?(?:receive|get)\b",
    r"\b(?:comment policy|community guidelines|display name) before commenting\b",
    r"^\W*kommentar abgeben\b",
    r"\bum einen kommentar (?:zu )?(?:hinterlassen|abzugeben|schreiben)",
    r"^\W*(?:leave a reply|schreibe einen kommentar|schreiben sie einen kommentar|"
    r"kommentar (?:verfassen|schreiben)|"
    r"kommentare schreiben|publier un commentaire|deja un comentario|deixe um comentário|"
    r"lascia un commento)\b",
    r"\bnotify me of (?:follow-up|new) (?:comments|posts)\b",
    r"^\W*(?:enter your comment here|gib hier deinen kommentar ein|saisissez votre commentaire)",
    r"^\W*(?:fill in your details below or click an icon to log in|trage deine daten unten ein "
    r"oder klicke ein icon um dich einzuloggen)\b",
    r"^\W*(?:you are commenting using your|du kommentierst mit deinem)\s+\S+",
    r"^\W*(?:benachrichtige|informiere) mich über (?:nachfolgende kommentare|neue beiträge)\b",
    r"\b(?:by using this form you agree with the storage|mit der nutzung dieses formulars "
    r"erklärst du dich mit der speicherung)\b",
    r"^\W*laisser un commentaire\b",
    r"^\W*connectez-vous pour (?:commenter|réagir)\b", r"\bcet article est réservé aux abonnés\b",
    r"^\W*déjà abonnée?\s*\?", r"^\W*schrijf je in voor (?:de|onze) nieuwsbrief\b",
    r"^\W*hören sie (?:hier )?(?:den|diesen) (?:artikel|beitrag)(?: an)?\W*$",
    r"\baddress(?:es)? will not be published\b",  # "Your email address will not be ..."
    r"\bcomments are moderated\b", r"\bkeine kommentare möglich\b",
    # the comment box's rules and state: "Please keep comments civil", "Comments are closed."
    r"\bplease keep (?:your )?comments (?:civil|clean|respectful|polite|on[- ]topic|relevant)\b",
    r"\bwe reserve the right to (?:remove|delete|edit) (?:any )?comments?\b",
    r"^\W*(?:comments are (?:now )?closed|kommentare sind geschlossen|die kommentarfunktion ist "
    r"(?:geschlossen|deaktiviert)|les commentaires sont fermés|los comentarios están cerrados|"
    r"i commenti sono chiusi|os comentários estão (?:fechados|encerrados))\W*$",
    r"\benter your e-?mail(?: address)? below\b",
    r"^\W*by clicking \W?(?:create account|sign up|register|subscribe)\W?,? you\b",
    r"^\W*please confirm the information below before signing in\b",
    r"\btake advantage of this special offer\b",
    r"^\W*please read our terms (?:and|&) conditions\b",
    r"\bcomments?(?: entries)? (?:are|is) limited to \d+ (?:words|characters)\b",
    r"\ball comments (?:are )?subject to (?:approval|moderation)\b",
    r"^\W*comment (?:rules|guidelines|policy)\W*$",
    r"^\W*get [\w'’ ]{0,30}(?:news|updates|alerts|headlines) (?:via|by) e-?mail\b",
    r"^\W*(?:log ?in|sign in) or register to (?:post )?comments?\b",  # Drupal's
    r"^\W*anmelden oder registrieren,? um (?:kommentare|einen kommentar) zu "
    r"(?:schreiben|verfassen)",
    # a row of the site's profiles: "Twitter (17,951 followers) • Facebook (3,507 likes)"
    r"\b(?:twitter|facebook|instagram|youtube|flickr|linkedin) \(\d[\d,.]*k? (?:followers|likes|"
    r"fans|subscribers|contacts)\)",
    r"^\W*(?:find|like|join) us on (?:facebook|twitter|instagram|youtube|linkedin|g\+)\W*$",
    r"\bcomments?\b[^!?]{0,160}\b(?:profanity|personal attacks)\b[^.]{0,60}\b(?:will not be "
    r"tolerated|(?:are|is) not (?:allowed|permitted|tolerated))\b",
    r"^\W*if you have (?:trouble|problems?) (?:leaving|posting|submitting) a comment\b",
    # the newsroom asks for readers' accounts: "Please include a contact number if you are
    # willing to speak to a BBC journalist"
    r"\bif you are (?:willing|happy|prepared) to (?:speak to|be contacted by) an? [\w ]{0,30}"
    r"(?:journalist|reporter)\b",
    r"\bshare (?:them |it |this |your \w+ )?with us by (?:emailing|e-mailing)\b",
    r"^\W*to print this article,? (?:all )?you (?:need|must|have)\b",
    r"\bso you can print this article\b",
    # the reporter's telephone and handle under the story: "Ann Writer: 916-321-1636,
    # @AnnWriter" (a help line's number alone is the story's)
    r"^\W*(?-i:[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){1,3}): \d{3}-\d{3}-\d{4}, @\w{1,15}\W*$",
    r"^\W*(?:letzte|neueste|bisher keine|noch keine) kommentare\W*$",
    r"^\W*(?:\d+|one|an?|ein(?:e|en)?|une?|uno|una|um|uma) (?:antworten|antwort|responses?|"
    r"replies|reply|comments?|kommentare?|commentaires?|comentarios?|coment[áa]rios?|"
    r"thoughts?|gedanken?|réflexions?|reacties?|reactie)"
    r"(?: (?:zu|to|on|auf|sur|en|em|su|op|about)\s+[„\"“«'‘].{0,120})?\W*$",
    r"\b(?:log in|sign in|register) or create an? (?:free )?account\b",
    r"\bcreate an? (?:free )?account to (?:continue|read)\b",
    # the newsroom asks for tips and corrections ("Got a story? Get in touch...")
    r"\bget in touch (?:with our \w+ (?:team|desk)|at \S+@)", r"^\W*got a story\b",
    r"^\W*do you have a story\b", r"^\W*we want to hear from you\b",
    r"^\W*we pay for (?:your )?(?:stories|videos|pictures|photos)\b",
    r"^\W*fehler gefunden\s*\?", r"\bmelden sie (?:den|einen|uns den) fehler\b",
    r"\bihre meinung ist uns wichtig\b",
    r"^\W*(?:hat ihnen|dir hat|ihnen hat) (?:dieser|der|unser) (?:artikel|beitrag) gefallen\b",
    r"^\W*wie hat (?:ihnen|dir) (?:dieser|der) (?:artikel|beitrag) gefallen\b",
    r"^\W*(?:did you (?:like|enjoy)|enjoyed|like|liked) this (?:article|story|post)\s*\?",
    # the reporter's address for readers: "Write to Al Root at allen.root@...", "Reach the
    # reporters on Twitter at ..."
    r"^\W*write to [^.!?:]{1,60} at \S+@", r"^\W*(?:reach|contact) the (?:reporters?|writers?|"
    r"authors?|editors?) (?:on \w+ )?(?:at|via) (?:\S+@|https?://|@)",
    # comments that will not be let through ("Comentários ... não serão aprovados pelo moderador")
    r"\b(?:comments|comment|comentários|comentarios|kommentare|commentaires)\b[^.]{0,80}\b(?:will "
    r"not be (?:approved|published)|não serão (?:aprovados|publicados)|no serán (?:aprobados|"
    r"publicados)|werden nicht (?:freigeschaltet|veröffentlicht)|ne seront pas publiés)\b"
    r"[^.]{0,20}\b(?:moderador|moderator|moderatore|modérateur|moderación|moderation|redaktion)",
    # what is left of a paywalled text ("Il vous reste 57% de cet article à lire")
    r"^\W*il vous reste \d+(?:[.,]\d+)?\s*% de cet article",
    r"\bla suite est réservée aux abonnés",
    r"^\W*(?:\d+ (?:wochen|tage|monate?) )?(?:kostenlos|gratis) (?:testen|lesen)\W*$",
    r"^\W*(?:jetzt )?(?:\d+|einen|ein) (?:wochen?|tage|monate?) (?:kostenlos|gratis)"
    r"(?: (?:testen|lesen))?\W*$",
    r"\bjournalismus braucht (?:deine|ihre|eure) unterstützung\b",
    r"\bjournalism (?:needs|depends on) your support\b",
    r"\bhier geht(?:['’]s| es) zu(?:r|m)? [^.!?]{0,30}\b(?:app|whatsapp-kanal)\b",
    r"^\W*(?:nur |jetzt )?\d+[,.]\d\d ?€ (?:im ersten monat|pro monat|monatlich)\W*$",
)  # fmt: skip
# Calls in words that a report uses too ("the town's newsletter", "fewer households
# subscribe to cable", "millions follow him on Instagram", "Sky conta 4 milioni di
# abbonati"): only when the line speaks to the reader or is no sentence.
_CALL_IF = _pattern(
    r"newsletter", r"\bsubscribe to\b", r"\bsign up\b", r"\bcomment below\b",
    r"\bkommentare\b[^.?]{0,60}\b(?:entfern|lösch|sperr)\w*\b[^.?]{0,20}\b(?:kann|können|wird|"
    r"werden|vorbehalten)\b[^?]*$",
    r"\b(?:log|sign) in (?:to|for)\b",
    r"\bfollow [\w.]+(?: [\w.]+)? on (?:google news|twitter|facebook|instagram|x)\b",
    r"\bcanal de (?:telegram|whatsapp)\b", r"\babonnieren\b", r"\bim abo\b",
    r"^\W*(?:keine )?kommentare\b", r"\bin den kommentaren\b", r"\babbonati\b",
    r"\bassine o\b", r"\be-paper\b", r"\bclick here\b", r"^\W*become a (?:member|subscriber)\b",
)  # fmt: skip
# Japanese pitches for membership ("有料会員になると会員限定の有料記事もお読みいただけます"),
# searched only in a line that says "会員" (member): the pattern has no word to look for first.
_CALL_MEMBERS = re.compile(
    r"会員限定の有料記事|無料で会員登録|会員登録(?:はこちら|してください)|会員向け記事が読み放題"
)
# The reader spoken to: "you", "Sie", "du", "vous", ...; the site speaking as "we", "our", "my".
_TO_READER = re.compile(
    r"\b(?i:you|your|yours|we|our|us|my|du|dich|dir|dein\w*|euch|euer|eure\w*|wir|uns|"
    r"unser\w*|mein\w*|vous|votre|vos|nous|notre|nos|usted|ustedes|tu|tus|nuestr\w*|você|"
    r"vocês|noss\w*|voi|vostr\w*|nostr\w*|jij|jouw|onze|wasz\w*|nasz\w*)\b"
    r"|\b(?:Sie|Ihnen|Ihre?[mnrs]?)\b"  # German formal address: capitalised
)
# The label of a page's control, the whole line: a link back or on, to print, share, save,
# hear, comment on or rate the page, a breadcrumb, a footer's legal links. A line of a story
# is never only that.
_CONTROL = re.compile(
    r"(?:reuse this content|explore more on these topics|send any friend a story|watch next|"
    r"click to expand|tap to unmute|paid post|do not sell my (?:personal )?info(?:rmation)?|"
    r"jetzt weiterlesen|(?:jetzt |mit einem abo )?weiterlesen mit [\w+ ]{1,12}|"
    r"mit einem abo weiterlesen|"
    r"bildergalerie ansehen|video starten|hier geht(?:['’]s| es) (?:zum artikel|weiter)|"
    r"mehr lesen sie hier|artikel merken|zur merkliste|zugang zu allen artikeln|"
    r"bereits abonnent(?:in)?\s*\?(?: hier anmelden)?|"
    r"abstimmen|ergebniss?e? anzeigen|stimme abgeben|view results|audio-player|"
    r"jetzt kostenlos anmelden|zur übersicht aller (?:artikel|beiträge|meldungen)|"
    r"alle (?:artikel|beiträge|meldungen) zum thema|zum dossier|link zum artikel|jetzt testen|"
    r"alle inhalte lesen|noch kein abo\s*\?|mehr artikel aus dieser kategorie|artikel teilen mit|"
    r"feedback senden|zum kommentarbereich|udostępnij artykuł|skomentuj artykuł|oceń artykuł|"
    r"wróć do strony głównej|sigue leyendo|weiter zum artikel|artikel weiterlesen|"
    r"zur mobilen ansicht|jetzt lesen|zur homepage|artikel als pdf herunterladen|"
    r"zur startseite von [\w .-]{1,30}|ihre bewertung|(?:vielen )?dank(?:e)? für ihre bewertung|"
    r"wie (?:finden|fanden) sie diesen (?:artikel|beitrag)|kontakt zur redaktion|"
    r"abschicken|absenden|alle \d+ (?:schritte|bilder|fotos|kommentare) anzeigen|"
    r"(?:show|view|see) all \d+ (?:steps|photos|images|comments)|"
    # "zurück zur Übersicht", not a subheading's "Zurück zur Normalität"
    r"zurück(?: zu[rm]? (?:(?:den|der|allen) )?(?:\w*übersicht|meldungen|artikeln|beiträgen|"
    r"startseite|liste|suche|news|nachrichten|blog|seitenanfang|anfang|home|kategorie|"
    r"vorherigen seite|artikelliste|themenseite|veranstaltungen|terminen|events))?|nach oben|"
    r"(?:zum )?seitenanfang|zur startseite|"
    r"startseite|zur übersicht|alle (?:news|meldungen|nachrichten|artikel|beiträge|termine|"
    r"pressemitteilungen)(?: anzeigen)?|weiterlesen|mehr lesen|(?:mehr|weitere) (?:erfahren|"
    r"anzeigen|infos?)|mehr informationen|zum (?:artikel|beitrag)|(?:artikel|beitrag) lesen|"
    r"(?:vorheriger|nächster) (?:artikel|beitrag)|(?:ältere|neuere) (?:beiträge|einträge)|"
    r"druckversion|(?:seite|artikel|beitrag) drucken|(?:per )?e-?mail (?:versenden|senden)|"
    r"link kopieren|(?:artikel |beitrag )?(?:empfehlen|merken|versenden|vorlesen|anhören)|"
    r"auf \w+ teilen|(?:diesen )?(?:artikel|beitrag) teilen|audio (?:abspielen|anhören)|"
    r"(?:jetzt )?kommentieren|diskutieren sie mit|zu den kommentaren|"
    r"kommentare (?:anzeigen|lesen|ausblenden|einblenden)|\d+ kommentare?|"
    r"(?:bewerten sie diesen|diesen) (?:artikel|beitrag)(?: bewerten)?|(?:artikel|beitrag) "
    r"bewerten|war dieser (?:artikel|beitrag) hilfreich|sie sind hier|"
    r"pressekontakt|ansprechpartner(?:in)?|impressum|datenschutz(?:erklärung|hinweise)|"
    r"back(?: to (?:top|overview|the list|list|news|home|all \w+))?|(?:go )?to top|"
    r"read more|continue reading|read the full (?:story|article)|(?:see|show|view) (?:more|all)|"
    r"all news|more news|(?:previous|next) (?:post|article|story)|(?:older|newer) posts|"
    r"skip to (?:main )?content|print (?:this )?(?:article|page|story)|print this|order reprints?|"
    r"(?:article )?licensing and reprints?(?: options)?|reprints? (?:and|&) permissions|"
    r"e-?mail (?:this )?(?:article|story)|copy link|save (?:article|for later)|"
    r"listen to this (?:article|story)(?:\W+\d{1,2}:\d\d min)?(?:\W+learn more)?|"
    r"share (?:this )?(?:article|story|post)|pin it|"
    r"add (?:a )?comment|(?:view|show) comments|join the (?:discussion|conversation)|"
    r"was this (?:article|page|post) (?:helpful|useful)|rate this (?:article|post|recipe)|"
    r"you are here|privacy policy|terms of (?:use|service)|"
    r"retour(?: à la liste| aux actualités| en haut)?|haut de page|lire la suite|"
    r"en savoir plus|voir (?:plus|tout)|article (?:précédent|suivant)|envoyer par e-?mail|"
    r"copier le lien|écouter (?:cet )?article|vous êtes ici|commenter|"
    r"volver(?: arriba| al inicio)?|leer más|seguir leyendo|ver más|saber más|ir arriba|"
    r"(?:artículo|noticia) (?:anterior|siguiente)|enviar por (?:correo|e-?mail)|"
    r"copiar enlace|escuchar (?:este )?artículo|usted está aquí|estás aquí|comentar|"
    r"torna su|leggi (?:tutto|di più)|continua a leggere|scopri di più|"
    r"articolo (?:precedente|successivo)|copia link|voltar|leia mais|continue lendo|ver mais|"
    r"czytaj (?:dalej|więcej)|zobacz więcej|wróć|kopiuj link|terug|lees (?:meer|verder)|"
    r"loading|lädt|chargement|cargando|carregando|caricamento|ładowanie|please wait|"
    r"now (?:watching|playing)|fullscreen|thumbnails|(?:enter|exit) full ?screen|"
    # a blog's or a forum's buttons and boxes
    r"comments powered by disqus|post (?:a|your) comment|kommentar veröffentlichen|"
    r"add (?:a )?new comment|"
    r"neuen kommentar hinzufügen|(?:newer|older) posts?(?: (?:newer|older) posts?)?(?: home)?|"
    r"(?:neuerer|älterer) post(?: (?:neuerer|älterer) post)?(?: startseite)?|zitieren|"
    r"report (?:post|comment|this)|(?:beitrag|kommentar) melden|recent posts|neueste beiträge|"
    r"alle ansehen|load more|mehr laden|cookie[- ](?:settings|einstellungen)|accept all|"
    r"alle akzeptieren|zum inhalt springen|toggle navigation|(?:share|tweet|pin|e-?mail) this|"
    r"(?:proudly )?powered by wordpress|(?:erstelle eine website wie diese mit|bloggen auf|"
    r"blog at|create a free website or blog at|website built with) wordpress\.com|"
    r"(?:page|seite|página|pagina) \d+ (?:of|von|de|di) \d+|"
    r"\d{1,3} (?:of|von|de|sur|di|z) \d{1,3}|"  # a slideshow's counter
    r"\d{1,4} ?[-–] ?\d{1,4} (?:of|von|de|sur|di|z) \d{1,6}|"  # a list's pager: "1 - 4 of 20"
    r"(?:no|one|\d+) comments? (?:leave|add|post) a (?:comment|reply)|"
    r"\d[\d,.]* (?:reads|aufrufe|lecturas|lectures)|"  # a post's read count
    r"\d[\d,.]* (?:bewertungen|ratings|reviews|avis|valoraciones|recensioni|opinii)|"
    r"no related posts|keine ähnlichen beiträge|"
    # a news page's buttons: save, gift, hear, enlarge, play, a caption's toggle
    r"zur merkliste hinzufügen|artikel verschenken|gift this article|listen to (?:this )?article|"
    r"add to myft|read next|keep reading|read full article|continue reading the main story|"
    r"skip advertisement|enlarge this image|(?:toggle|hide|show) caption|"
    r"editors?[’']?s? (?:picks?|choice)|did you find this (?:article|page|post) (?:helpful|useful)|"
    r"jump to comments|zur (?:bilder)?galerie|zum video|sie befinden sich hier|"
    r"printer[- ]friendly(?: (?:page|version|format))?|send (?:this )?(?:article|story|page) to "
    r"(?:a )?friends?(?: by(?: e-?mail)?)?|(?:e-?)?mail (?:this )?(?:article |story )?to a friend|"
    r"print story|read later|digg this(?: story)?|add to del\.icio\.us|most e-?mailed|"
    r"(?:change )?text size|story tools|"
    # the Wayback Machine's toolbar over an archived page
    r"\d+ captures|about this capture|collected by|"
    r"around the web|bild vergrößern|galerie öffnen|video abspielen|artikel zum hören|"
    r"audio-version|teilen sie diesen (?:artikel|beitrag)|lire plus tard|offrir cet article|"
    r"ajouter à mes favoris|partager sur \w+|compartir en \w+|ver comentarios|"
    r"leserkommentare|plus-artikel|exklusiv für abonnenten|"
    # a share-by-mail form's and an author-follow box's buttons and messages
    r"post to (?:facebook|twitter)|cancel ?send|sent!|email the author|a?a?font size|"
    r"show chapters|scroll down for video|"
    # Chinese, Japanese, Korean, Hindi: share, comment, follow, print, copy the link, to top
    r"分享|评论|評論|关注|關注|收藏|打印|复制链接|返回顶部|返回首页|分享让更多人看到|"
    r"シェア|コメント|印刷|フォローする|カテゴリーをフォローする|ページの先頭へ|"
    r"공유(?:하기)?|댓글|인쇄|기사 URL이 복사되었습니다|맨 위로|कॉपी लिंक|शेयर)"
    r"(?: ?[:.…?!]+)?",
    re.IGNORECASE,
)
# ... and at the story's margins, labels that head a fact box inside it ("Kontakt"), and
# buttons whose word a subheading may be ("Details", "Video", "Weiter", "Listen").
_CONTROL_MARGIN = re.compile(
    r"(?:kontakt|datenschutz|(?:press |media )?contacts?|reply|antworten|répondre|responder|"
    r"rispondi|permalink|details|top|home|search|suche|menu|menü|close|schließen|like|"
    r"gefällt mir|follow|folgen|listen|anhören|hören|écouter|escuchar|ascolta|posłuchaj|"
    r"melden|report|edit|bearbeiten|guardar|salva|zapisz|commenta|komentarze|diskussion|"
    r"empfehlungen|bildergalerie|image|video|zoom|vollbild|play|abspielen|credit\.*|"
    r"getty images|mehr nachrichten|weitere nachrichten|top[- ]themen|previous|next|weiter|"
    r"vorherige|nächste|précédent|suivant|anterior|siguiente|log ?in|anmelden|register|"
    r"registrieren|\d+ claps?|feedback|supported by|vote|in other news|"
    r"(?:alle|all) (?:bilder|fotos|photos|images) (?:von|by) [\w.'’ -]{2,40}|"
    r"rate and (?:comment|review)|hide images|"
    r"neue kommentare|adresse für rückfragen|seguí leyendo|"
    r"suscribite|(?:unsere )?quellen(?:angaben|nachweis)?|abbrechen|cancel|alle anzeigen|"
    r"fotostrecke|photo gallery|"
    r"watch the video|mein konto|my account|mediadaten|zum angebot|commenti|comentários|"
    r"kontaktieren sie uns|zzgl\.? versand(?:kosten)?|"
    r"(?:preis )?inkl\.? (?:\d+ ?% )?mwst\.?(?:,? zzgl\.? versand(?:kosten)?)?|"
    # a blog's and a shop's widgets and buttons, as WordPress and WooCommerce word them in the
    # languages of Europe's web
    r"post navigation|beitragsnavigation|navigation des articles|navegación de entradas|"
    r"navigazione articoli|nawigacja wpisu|navegação de posts|berichtnavigatie|"
    r"(?:recent|letzte|neueste) (?:posts|comments|beiträge|kommentare)|archives?|archiv|"
    r"kategorien|categories|meta|entries feed|comments feed|entries rss|comments rss|"
    r"wordpress\.org|search for|suchen|compartir esto|condividi|partager|podziel się|"
    r"relacionad[ao]s?|correlati|podobne|gerelateerd|articles similaires|artigos relacionados|"
    r"add to (?:cart|basket|bag|wishlist)|in den warenkorb|zum warenkorb|buy now|jetzt kaufen|"
    r"in stock|auf lager|out of stock|nicht (?:auf lager|vorrätig)|"
    r"accept(?: all)?(?: cookies)?|reject all|manage (?:preferences|cookies)|alle akzeptieren|"
    r"(?:jetzt )?(?:anrufen|kontakt aufnehmen|termin vereinbaren|angebot anfordern)|"
    r"bleiben sie informiert|top-artikel|ebenfalls interessant|"
    # a news page's buttons and labels in the other languages of European news
    r"partager cet article|réagir|commentaires|ajouter un commentaire|comparte esta noticia|"
    r"deja tu comentario|más información|condividi su \w+|dodaj komentarz|deel dit artikel|"
    r"reacties|compartilhe|deixe (?:seu|o seu|um) comentário|fehler melden|mailen|"
    r"najnowsze|najpopularniejsze|więcej|subskrybuj|powrót|skomentuj|dołącz do dyskusji|"
    r"comentarios|découvrir|assine|compartilhar|delen|"
    # a German site's own
    r"mehr news|news-archiv|diese seite teilen|nach oben scrollen|zur anmeldung|"
    r"jetzt (?:anmelden|registrieren|bewerben|entdecken)|zum shop|barrierefreiheit|sitemap|"
    r"agb|kommentar abschicken|absenden|abschicken|senden|suche nach|suchbegriff eingeben|"
    r"ihr warenkorb ist leer|warenkorb|merkliste|menü schließen|springe zum inhalt|"
    r"(?:direkt )?zum inhalt(?: springen)?|seitenleiste|footer|social media|folgen? (?:sie )?uns|"
    r"teile diesen beitrag|beliebte beiträge|neueste artikel|partnerinhalt|"
    r"in zusammenarbeit mit|unterstützt von|transparenzhinweis(?:: werbung)?|"
    # and an English one's
    r"link copied|latest news|popular posts|top stories|your email(?: address)?|submit|"
    r"search this site|main menu|about(?: us)?|contact us|terms (?:&|and) conditions|"
    r"cookie policy|advertise(?: with us)?|careers|(?:paid|partner|sponsored) content|"
    r"post comment|be the first to comment|learn more|find out more|watch(?: now)?|"
    r"slideshows?|featured videos?|presented by|font(?: size)?|"
    # a form's labels: the comment or contact form under the story
    r"your name|(?:your )?e-?mail address|ihr name|ihre e-?mail(?:-adresse)?|votre nom|"
    r"tu nombre|name|e-?mail|url|website|webseite|message|nachricht|"
    # and the other languages' of Europe's web: skip links, search, close, legal pages, more
    r"(?:aller|passer) au contenu|(?:ir|saltar) al contenido|vai al contenuto|"
    r"ir para o conteúdo|przejdź do treści|rechercher|buscar|cerca|pesquisar|szukaj|"
    r"fermer|cerrar|chiudi|fechar|zamknij|accueil|inicio|mentions légales|aviso legal|"
    r"politique de confidentialité|política de privacidad[e]?|polityka prywatności|"
    r"gestion des cookies|política de cookies|nous contacter|plan du site|contacto|contatti|"
    r"contato|se connecter|s['’]abonner|inscription|iniciar sesión|accedi|entrar|"
    r"zaloguj się|dernières actualités|à la une|últimas noticias|lo último|ultime notizie|"
    r"últimas notícias|najnowsze wiadomości|charger plus|cargar más|carica altri|"
    r"carregar mais|załaduj więcej|réagissez|envoyer|enviar|invia|"
    r"(?:comments?|komentarze|comentarios|commentaires|commenti|comentários|reacties) \(?\d+\)?|"
    r"schriftgröße|artikel vorlesen lassen|aktuelle nachrichten|nachrichten aus der region"
    # the reporter's address alone: "ann.writer@gazette.example", "twitter.com/annwriter"
    r"|(?:e-?mail\s*:\s*)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|(?:https?://)?(?:www\.)?(?:twitter|x|instagram)\.com/@?\w+"
    # the site's or the writer's profile: "Twitter: @name", "Facebook: www.facebook.com/name"
    r"|(?:twitter|facebook|instagram|ig|tiktok|youtube|linkedin)(?: [\w ]{1,15})?\s*:\s*"
    r"(?:@\w+|(?:https?://)?(?:www\.)?[\w-]+\.[\w./-]+)"
    # a row of page numbers: "« Previous 1 2 3 Next »"
    r"|(?:(?:previous|prev|vorherige|zurück|précédent|anterior)\W+)?\d{1,3}(?: \d{1,3}){2,}"
    r"(?:\W+(?:next|weiter|nächste|suivant|siguiente))?)(?: ?[:.…?!]+)?",
    re.IGNORECASE,
)
# A row of them: "Mail to a friend Print story Read later", "Article E-Mail :: Comment"
_CONTROLS = re.compile(
    rf"(?:{_CONTROL.pattern}|{_SHARE_WORD})(?:[\s|:•·/,»›]+(?:{_CONTROL.pattern}|{_SHARE_WORD}))+",
    re.IGNORECASE,
)
_SHARE_START = re.compile(_SHARE_WORD, re.IGNORECASE)
_SHARE_ROW = re.compile(rf"{_SHARE_WORD}(?:\W+{_SHARE_WORD})+", re.IGNORECASE)
_SHARE_ONE = re.compile(rf"\W*{_SHARE_WORD}\W*", re.IGNORECASE)
# A breadcrumb: "Startseite » News » Hafen", "Home > Harbour".
_BREADCRUMB = re.compile(
    r"(?:(?i:home|startseite|inicio|accueil|homepage|portada|strona główna)"
    r"(?:\s*[>»›/|→]\s*[^>»›/|→.!?]{1,40}){1,6}"
    # "Start" alone leads a breadcrumb of two steps or more, or one after an arrow: not a
    # race's "Start/Ziel am Marktplatz"
    r"|(?i:start)(?:(?:\s*[>»›→]\s*[^>»›/|→.!?]{1,40}){1,6}"
    r"|(?:\s*[>»›/|→]\s*[^>»›/|→.!?]{1,40}){2,6}))"
)
# Photo credits and copyright lines.
_BY_NAME = (
    r"(?:(?:lead|top|portrait|cover) )?(?:photograph|photo|illustration|image)s? by:? "
    r"(?-i:[A-Z][\w.'’&/-]*(?:,? (?:and |& |de |van |von |der |da |di |la |le )*[A-Z][\w.'’&/-]*)"
    r"{0,5})"
)
_CREDIT = _Phrases(
    # (a statute's "(c) a fine of ...", "Copyright law ...", an interview's "BILD: Herr
    # Minister, ..." are not credits)
    r"^\W*(?:©|\(c\)(?!\s+(?-i:[a-z]))|copyright\b(?!\s+(?:laws?|holders?|owners?|"
    r"infringement|office|protection|claims?|lawsuits?|cases?|act|directive|issues?|rules?|"
    r"reform|disputes?|violations?)\b)|fotos?\s*:|fot\.|photos?\s*:|(?-i:[Bb]ild(?:er)?)\s*:|"
    r"image\s*:|bildrechte\s*:|(?:image|media) (?:source|caption),\s|"
    r"credits?\s*:|quelle\s*:|source\s*:|crédits?\s*:|foto\s*:|zdjęcie\s*:|фото\s*:|"
    r"fuente\s*:|fonte\s*:|źródło\s*:|kilde\s*:|källa\s*:)",
    # an image's licence ("... by Ninja Brick, en licence Creative Commons by")
    r"\blicen[cs]ed under (?:creative commons|cc[- ]by)",
    r"\b(?:sous|under) (?:a )?licen[cs]e (?:creative commons|cc[- ]by)",
    r"(?#licen)\ben (?:a )?licen[cs]e (?:creative commons|cc[- ]by)",
    r"\blizenz(?:iert)?:? (?:creative commons|cc[- ]by)",
    # the signature of an embedded post: "— The White House (@WhiteHouse) February 11, 2025"
    r"^\W*[—–-]\s*[^()]{1,60}\(@\w{1,15}\)\s+\w+\.? \d{1,2},? \d{4}\W*$",
    # a label ("Photo credit: ...", "Photocredits NAME: ...", "Bildnachweis"), not a sentence
    r"^\W*(?:beitrags|titel|header|aufmacher|vorschau|teaser)(?:bild|foto)\s*:",
    r"^\W*(?:header|featured?|cover|top|lead|hero|title|main) (?:image|photo|picture)\s*:",
    # "Polizeiauto (Symbolbild)", "(Symbolbild: Name)", not "wurde zum Symbolbild der Krise"
    r"(?#symbol|archiv)\bsymbol(?:bild|foto)\W*$|(?:^|[|/:(,]\s*)archiv(?:bild|foto)\W*$|"
    r"\((?:symbol|archiv)(?:bild|foto|aufnahme)\b|"
    r"^\W*(?:symbol|archiv)(?:bild|foto)\s*:",
    # a stock picture's source: "Featured image from Shutterstock.", "Photo via Wikimedia"
    r"^\W*(?:(?:featured|header|stock|top|lead|cover|title|main|hero) )?(?:image|photo|picture|"
    r"illustration)s? (?:via|courtesy of)\s+(?-i:[A-Z][\w.&'’-]*)(?:\s+(?-i:[A-Z][\w.&'’-]*)){0,3}"
    r"\.?\s*$",
    r"^\W*(?:[\w-]+ ){0,3}(?:image|photo|picture|illustration)s? (?:via|from|courtesy of) "
    r"(?:shutterstock|getty images|istock(?:photo)?|unsplash|pixabay|adobe stock|depositphotos|"
    r"wikimedia(?: commons)?|pexels|imgur)\.?\s*$",
    r"^\W*(?:featured|header|top|lead|cover|title|main|hero) (?:image|photo|picture)s? from\s+"
    r"(?-i:[A-Z][\w.&'’-]*)(?:\s+(?-i:[A-Z][\w.&'’-]*)){0,3}\.?\s*$",
    r"(?#public domain)/\s*public domain\W*$",
    r"^\W*(?:photo|image)s?\b[^.]{0,60}\bon unsplash\W*$",
    # an agency's photographer alone: "AP Photo/Ann Writer", "(Reuters/Ann Writer)"
    r"^\W*(?-i:AP|AFP|EPA|Reuters|REUTERS|dpa|KEYSTONE|ANP)(?: Photo)?\s*/\s*"
    r"(?-i:[A-Z][\w.'’-]*)(?:\s+(?-i:[A-Z][\w.'’-]*)){0,3}\W*$",
    r"^\W*(?:foto|photo|bild|image|picture) ?(?:credits?|quellen?|sources?|nachweise?)"
    r"(?:\s*:|\s+\S+:|\W*$)",
    r"^\W*(?:photo|foto) \(cc\)",
    r"^\W*\(?zdjęcie ilustracyjne\)?\W*$",
    # "Photograph by Ann Writer/Agency. Portrait illustration by Jo Bloggs." (names, not
    # "Photographs by her father were shown in 2010.")
    rf"^\W*{_BY_NAME}(?:[.;]\s+{_BY_NAME})*\W*$",
    r"^\W*(?:photo|image|picture)\s?(?-i:[Cc]redit[A-Z])",  # "PhotoCreditName", run together
    r"^\W*(?:crédits?|credits?|créditos?)(?: de(?: la)?)? (?:photos?|images?|fotos?|imágenes)\s*:",
    r"^\W*crédito\s*:",
    r"(?#©)©\s*(?:19|20)\d\d\W*$",  # "... Copyright MyCorp © 2016" at a line's end
    # "Courtesy of Forests News", "Photo courtesy of the family"
    r"^\W*(?:(?:photo|image|picture|video|foto)s? )?courtesy(?: of)? [^.!?]{1,60}$",
    r"\ball rights reserved\b", r"\balle rechte vorbehalten\b", r"\bchroniony prawem autorskim\b",
    r"\btous (?:les )?droits réservés\b", r"\briproduzione riservata\b",
    r"\b(?:todos los derechos reservados|todos os "
    r"direitos reservados|tutti i diritti riservati)\b", r"\bwszelkie prawa zastrzeżone\b",
    r"\balle rettigheter (?:reservert|forbeholdt)\b", r"\beftertryk (?:forbudt|kun|tilladt)\b",
    r"(?#derechos reservados)(?:©|\(c\)|copyright|\b(?:19|20)\d\d)\b[^.]{0,80}"
    r"\bderechos reservados\b",
    # the reprint notice: "This material may not be published, broadcast, rewritten or
    # redistributed", "copyrighted property of ...", "Nachdruck nur mit Genehmigung"
    r"(?#not be)\bthis (?:material|article|content) (?:may|must) not be "
    r"(?:published|reproduced|republished|reprinted|redistributed)\b",
    r"\bmay not be published, broadcast, rewritten\b",
    r"\bcopyrighted (?:property|material) of\b",
    r"\bpermission (?:must be obtained|is required) (?:before|to|for) (?:any )?"
    r"(?:reprint|reproduc|republish)",
    r"\b(?:abdruck|nachdruck|veröffentlichung)\b[^.]{0,30}\bhonorarfrei\b", r"\bbelegexemplar\b",
    r"^\W*(?:der )?nachdruck\b[^.]{0,60}\b(?:nur mit|ohne) (?:\w+ )?"
    r"(?:genehmigung|zustimmung|erlaubnis)",
    r"\b(?:reproduction interdite|reproducción prohibida|riproduzione vietata|"
    r"reprodução proibida)\b",
)  # fmt: skip
# A picture's credit at a caption's end, after the caption's words, which may be long (an
# agency's captions run to 250 characters): the credit tells a caption from the story.
CAPTION_MAX = 500
_CREDIT_MAX = 160
CAPTION_TAIL = 120  # where the credit is looked for: the patterns end with the line
CAPTION_END = _Phrases(
    # an agency after a slash or bar: "Name / Getty Images" ("... told Reuters." is the story)
    r"[/|]\s*(?:getty images|afp|reuters|dpa|ap photo|shutterstock|istock(?:photo)?|"
    r"agencja gazeta|imago|picture alliance|keystone|epa)[\s)\]]*$",
    r"\bvia getty images\W*$",  # "STR/AFP via Getty Images" ("obtained via Reuters" is not)
    r"\b(?:photos?|images?|fotos?|bild(?:er)?)\s*©\s*[^.!?]{1,60}$",  # "..., photos © Name"
    r"\((?:photo|image|picture)s? courtesy of [^()]{1,60}\)\W*$",  # "(Image courtesy of NASA)"
    r"\((?:[A-Z]{2,}\s+)?(?:pictures?|pics?|photos?|images?|fotos?|bild|credit)\s*:[^()]{1,80}\)\W*$",
    # "(AP Photo/Chris Carlson)", "(Photo by Amjad Ghsoun)", not "(photo by my husband)"
    r"\((?:[A-Z]{2,}\s+)?(?:photo|image|picture|foto)s?\s*(?:/|by\s+)(?-i:[A-Z])[^()]{0,60}\)"
    r"\W*$",
    # after the caption's last sentence: "... in Berlin. Foto: Max Muster", "... docked to
    # the station. Photo credit/NASA", "... on Monday. REUTERS/Dado Ruvic"
    r"[.!?»“\"]\s+(?:pictures?|photos?|images?|fotos?|bild)(?: credits?)?\s*[:/]\s*"
    r"(?-i:[A-Z])[^.!?:]{1,60}$",
    # the agency in capitals and a name, nothing after ("a Reuters/Ipsos poll" is the story)
    r"(?-i:\b(?:REUTERS|AFP|AP|DPA|EPA|XINHUA)/[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3}"
    r"(?:/[A-Z][\w ]{1,20})?)[\s)\]]*$",
)  # fmt: skip
# A copyright notice long enough to say what may not be done with the story: "Copyright ©
# 2005 The Associated Press. All rights reserved. The information contained in the AP News
# report may not be published, broadcast, rewritten or ...".
_RIGHTS_MAX = 400
_RIGHTS = _Phrases(
    r"^\W*(?:©|copyright\b)[^.]{0,80}\.\s*all rights reserved\b",
    r"\bmay not be published, broadcast, rewritten\b",
)  # fmt: skip
# Lines that label the page rather than tell the story.
_LABEL = _Phrases(
    # a label, not "Tags darauf ...", "Category 4 hurricanes ..."
    r"^\W*(?:kategorien?|categor(?:y|ies)|catégories?|categorías?|categorie|rubrik|tags?|"
    r"schlagw(?:ö|o)rter|schlagworte|stichw(?:ö|o)rter|stichworte|etiquetas|mots[- ]clés|tagi|"
    r"themen|temas|temi|tematy|onderwerpen|ressort|"
    r"topics|release date|news date|tagged with|tagged|more about|more on these topics|"
    r"related topics)"
    r"\s*(?::|\||\W*$)",
    # a gallery's label: "Gallery: Harbour at dawn | 14 Photos"
    r"^\W*(?:gallery|galerie|bildergalerie|fotogalerie|fotostrecke|slideshow)\s*:",
    # a player's length: "Audio: 3 Min.", "Video 2:14"
    r"^\W*(?:audio|video|podcast)\s*:?\s*\d{1,3}(?::\d\d)?\s*(?:min(?:uten|utes)?|sek|sec)?\.?\W*$",
    r"^\W*[^.!?]{1,100}\|\s*\d+ (?:photos|pictures|images|bilder|fotos)\W*$",
    r"^\W*(?:tags|themen|schlagw(?:ö|o)rter|stichw(?:ö|o)rter)"
    r"(?:[\s,]+(?-i:[A-ZÄÖÜ0-9])\S*){2,}\W*$",  # "Tags Hafen Fähre Kiel"
    r"^\W*(?:veröffentlich\w*|letzte (?:änderung|aktualisierung)|zuletzt (?:aktualisiert|"
    r"geändert)|geändert am|(?:page )?last updated|posted)"
    r"\s*(?::|\||am\b|on\b|at\s+\d|in\b|by\b|von\b|um\b|\d|\W*$)",
    r"^\W*(?:kategorisiert unter|filed under|abgelegt unter)\s*:",
    r"^\W*posted (?:on )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? "
    r"\d{1,2}(?:st|nd|rd|th)?,? \d{4}\b",
    r"^\W*(?:lesedauer|lesezeit|reading time|temps de lecture|tiempo de lectura|tempo de "
    r"leitura|tempo di lettura|leestijd|czas czytania)\s*"
    r"(?::|ca\.|etwa|about|\d)",
    r"^\W*(?:stand|aktualisiert|updated|publié le|mis à jour|uppdaterad|publicerad|publisert|"
    r"oppdatert|publiceret|opdateret|julkaistu|päivitetty|bijgewerkt|gepubliceerd|"
    r"zaktualizowano|opublikowano|aktualizacja|publikacja|data publikacji|aggiornato|"
    r"actualizado|atualizado)\s*(?:am|on|le|el|em|"
    r"kl\.?)?\s*:?\s*\d[\d.:/, -]*(?:uhr|h)?(?:\s*(?:um|at|à|a las|alle)\s*\d[\d.:]*\s*(?:uhr|h)?)?"
    r"(?:\s*[|•·]\s*(?:uppdaterad|publicerad|publisert|"
    r"oppdatert|publiceret|opdateret|updated|published|aktualisiert|veröffentlicht)"
    r"\s*:?\s*\d[\d.:/, -]*)?\W*$",
    r"^\W*(?:aktualisiert|updated|mis à jour|actualizado) am\W*$",
    r"^\W*article (?:mis à jour|publié|modifié) le\b[^.!?]{0,40}\W*$",
    r"^\W*this (?:article|story|post) was (?:published|updated|posted|last updated)\b"
    r"(?![^!?]*\bto correct)[^!?]{0,40}\d[^!?]{0,20}$",
    r"^\W*(?:기사\s*입력|입력|수정|최종\s*수정|승인|등록)\s*:?\s*\[?\s*\d{4}[.-]",
    # a player's length and how long it stays online: "02:57 Min. Verfügbar bis 06.05.2024."
    r"^\W*(?:(?:video|audio|podcast)\s*:?\s*)?(?:\d{1,2}\.\d{1,2}\.\d{2,4}\s*[|•·]\s*)?"
    r"\d{1,2}:\d{2}(?::\d{2})?\s*min\b\.*(?:\s*verfügbar bis\s*[\d.]+)?\W*$",
    r"^\W*durchschnittliche bewertung\b",
    r"^\W*(?:article content|main content|hauptinhalt|embed)\W*$",
    r"^\W*our standards\s*:",  # the agency's standards line under each story
    # where the story appeared first ("First published in The Conversation.")
    r"^\W*(?:this (?:article|story|piece) (?:was )?(?:first|originally) (?:published|appeared)"
    r"|cet article,? (?:initialement|originellement|d['’]abord) publié\b"
    r"|dieser (?:artikel|beitrag|text) (?:ist|wurde) .{0,60}?\d.{0,100}?\b(?:erschienen|"
    r"erstveröffentlicht)\W*$"
    r"|first published (?:in|on|by) [^,;]{1,60}$|dieser (?:artikel|beitrag|text) (?:ist|erschien) "
    r"(?:zuerst|ursprünglich))",
    r"^\W*(?:sendung|dieses thema im programm)\s*:",
    r"^\W*(?:ca\. )?\d+\s*(?:min(?:uten?|utes?|\.)?)\s*"
    r"(?:lesezeit|lesedauer|read(?:ing)?(?: time)?|de lecture|de lectura)\W*$",
    # an ad's label, not "Werbung für Zigaretten ist verboten", "Anzeige gegen den Wirt"
    r"^\W*(?:werbung|anzeige|advertisement|sponsored(?: content| post)?|publicidad|publicité|"
    r"pubblicità|publicidade|reklama|advertentie|contenido patrocinado|contenus? sponsorisés?|"
    r"contenuto sponsorizzato|treść sponsorowana|artykuł sponsorowany)(?:\W*$|\s*[\]:|·•.–-])",
    r"^\W*ad\W*$",
    # a periodical's number alone, and a row of hashtags (a campaign's, under the story)
    r"^\W*(?:e-|print |online )?issn\s*:?\s*\d{4}-\d{3}[\dx]\W*$",
    r"^\W*#[^\W\d_]\w*(?:\s+#[^\W\d_]\w*)+\s*$",
    # the photographer of every picture, set apart: "– alle Bilder von Ann Writer –"
    r"^\W*(?:alle|sämtliche|all) (?:bilder|fotos|fotografien|aufnahmen|photos|images|"
    r"pictures|photography)\s*(?:von|by|:|©)\s*[^.!?]{2,50}[–—-]\s*$",
    r"^\W*(?-i:(?:WERBUNG|ANZEIGE|ADVERTISEMENT|SPONSORED)\b)", r"^\W*sponsored by\b[^.!?,]{0,60}$",
    # where an ad broke the story: "Story continues below advertisement"
    r"^\W*(?:(?:the )?(?:story|article) continues (?:below|after)(?: (?:this|the))? "
    r"(?:advertisement|ad)|continua (?:depois|após) (?:da|a) publicidade|"
    r"continúa (?:después de|tras) la publicidad|la suite après (?:cette|la) publicité|"
    r"(?:der )?artikel (?:wird )?(?:unter|nach) der (?:anzeige|werbung) (?:fortgesetzt|weiter)|"
    r"weiter nach der (?:anzeige|werbung)|lesen sie nach der (?:anzeige|werbung) weiter|"
    r"(?:der )?artikel (?:wird )?unterhalb der (?:anzeige|werbung) fortgesetzt|"
    r"weiterlesen nach der (?:anzeige|werbung)|(?:story|article) continues below|"
    r"continue reading below|scroll to continue with content|(?:treść )?dalsz(?:a|ej|y) "
    r"(?:część|części|ciąg) (?:artykułu|materiału) pod (?:materiałem )?wideo)\b",
    # a blog platform's buttons and boxes (WordPress and its sharing and comment plugins),
    # whose scripts did not run: "Like this:", "%d bloggers like this:", "Click to share on X
    # (Opens in new window)", the comment form's fine print
    r"^\W*(?:like this|gefällt mir|j[’']aime ça|me gusta esto|mi piace)\s*:\W*$",
    r"^\W*(?:like|gefällt mir|j[’']aime|me gusta|mi piace|curtir)\s+"
    r"(?:loading|wird geladen|chargement|cargando|caricamento|carregando)\b",
    r"\b(?:bloggers like this|blogger like this|bloggern gefällt das|blogueurs aiment cette page|"
    r"blogueros les gusta esto|blogger hanno fatto clic su mi piace)\b",
    r"\b(?:opens in new window|wird in neuem fenster geöffnet|ouvre dans une nouvelle fenêtre|"
    r"se abre en una ventana nueva|si apre in una nuova finestra|abre em nova janela)\)",
    r"\brequired fields are marked\b", r"\berforderliche felder sind (?:mit \*? ?)?markiert\b",
    r"\b(?:les champs obligatoires sont indiqués|los campos obligatorios están marcados|"
    r"i campi obbligatori sono contrassegnati)\b",
    r"\bsave my name, email,? and website in this browser\b",
    r"\bmeinen namen, (?:meine )?e-mail(?:-adresse)? und (?:meine )?website in diesem browser\b",
    r"\benregistrer mon nom, mon e-mail et mon site\b",
    r"\bguardar mi nombre, correo electrónico y web\b",
    r"\b(?:uses|verwendet|utilise|usa|utilizza) akismet\b",
    r"^\W*(?:cancel reply|antworten abbrechen|annuler la réponse|cancelar (?:la )?respuesta|"
    r"annulla risposta)\W*$",
    r"^\W*(?:log in to reply|zum antworten anmelden|connectez-vous pour répondre)\b",
    r"\b(?:bookmark the permalink|setze ein lesezeichen auf den permalink|"
    r"ajoutez ce permalien à vos favoris|guarda el enlace permanente)\b",
    r"^\W*print friendly, pdf (?:&|and) email\W*$",
    r"^\W*(?:hits|zugriffe|aufrufe|views|visite|visualizaciones|vues)\s*:?\s*\d[\d.,]*\W*$",
    r"^\W*(?:type|enter) your e-?mail\b", r"^\W*(?:ihre )?e-mail-adresse eingeben\b",
    r"\baffiliate[- ]links?\b", r"\bbild anzeigen\b",
    # "(Alle Angaben ohne Gewähr)", not the lottery numbers it follows
    r"^\W*(?:alle |sämtliche )?(?:angaben |daten )?ohne gewähr\W*$", r"\bangaben ohne gewähr\W*$",
    r"^\W*(?:[\w-]+ ){0,2}wird geladen\W*$",  # "Kommentare werden geladen", not "das Auto wird ..."
    # an opinion piece's disclaimer
    r"\bnicht (?:unbedingt )?(?:der|die) meinung der redaktion",
    r"\bnot necessarily reflect the (?:views|opinions?) of (?:the )?(?:editors?|editorial|"
    r"publishers?|newspaper|website|magazine)",
    r"\bviews expressed (?:here |(?:in|on) this \w+ )?are (?:those of the author|"
    r"the author's own)", r"\bthe opinions expressed are those of the (?:writer|author)",
)  # fmt: skip
# Disclosures of paid links: the site speaks of what it earns from the reader's clicks and
# purchases. Its earnings alone are not enough: a story quotes people on theirs.
_DISCLOSURE = _pattern(
    r"\bcontains? (?:affiliate links|references to products from)",
    r"\bas an amazon associate\b",
    r"^\W*(?:artykuł sponsorowany|materiał (?:partnera|promocyjny|sponsorowany))\W*$",
)
_EARNINGS = _pattern(
    r"\b(?:we|i) (?:may|might|will|can)(?: also)? (?:receive|earn|get|be paid) (?:an? )?"
    r"(?:small |affiliate )?(?:commission|compensation)",
    # "Postmedia may earn an affiliate commission", "Buying through us may earn us a commission"
    r"\bmay (?:earn|receive) (?:us )?(?:an? )?(?:small )?(?:affiliate )?commission\b",
    # "If you buy something through this post, IGN may get a share of the sale."
    r"\bthrough (?:this|our|these) (?:post|article|page|links?|story)\b[^.]{0,60}\bmay (?:get|"
    r"receive|earn|collect) a (?:small )?share of (?:the )?(?:sales?|revenue)\b",
    r"\b(?:erhalten|bekommen) wir (?:\w+ ){0,2}(?:eine |ggf\. eine )?(?:kleine )?provision\b",
)  # fmt: skip
_PAID_LINK = _pattern(
    r"\b(?:links?|click|buy(?:ing)?|purchases?|partners?|advertisers?|affiliate|verlinkt\w*|"
    r"kauf\w*|bestell\w*)\b",
)
# What stands in for an embed or a script the reader's browser did not run: a consent box for
# external content, a request to enable JavaScript; and the note that a machine translated or
# wrote the text. Long ones too (a consent text runs to 350 characters), so each phrase names
# the placeholder, not its subject.
_NOTICE = _Phrases(
    r"^\W*das video konnte nicht (?:abgespielt|geladen) werden\b",
    # the page's notes on itself: its age, its print edition, a reader's ad blocker or metered
    # limit, a third party's content held back
    r"^\W*this (?:article|story) is more than \w+ (?:years?|months?) old\b",
    r"^\W*dieser (?:artikel|beitrag) ist (?:älter|mehr) als \w+ (?:jahre?|monate?)\b",
    r"^\W*a version of this (?:article|story) appears? in print\b",
    r"^\W*(?:(?:it (?:looks|seems) like|we['’]ve noticed(?: that)?) )?you(?:['’]re| are) using an? "
    r"ad ?-?blocker", r"^\W*(?:please |bitte )?(?:disable your ad ?-?blocker|deaktivieren sie "
    r"(?:ihren|den) ad-?blocker)",
    r"^\W*(?:you have|you['’]ve) reached your (?:limit|maximum) of (?:free )?articles\b",
    r"^\W*sie haben (?:das|ihr) limit (?:an|der|von) (?:kostenlosen|freien) artikeln\b",
    r"^\W*um (?:diesen|den) (?:inhalt|beitrag|tweet|post|video|inhalte) (?:zu sehen|anzuzeigen|"
    r"zu laden),? (?:müssen|klicken|akzeptieren|aktivieren|stimmen) (?:sie|du)\b",
    r"^\W*(?:externer inhalt|inhalte? von drittanbietern)\W*$",
    r"^\W*dieser (?:artikel|beitrag|inhalt) ist (?:nur|exklusiv) für (?:abonnent|mitglied)",
    # a browser warning, a print view's wait
    r"^\W*(?:hinweis:\s*)?(?:sie verwenden|du verwendest|you are using|you['’]re using) "
    r"(?:einen|an?) "
    r"(?:veralteten|alten|outdated|unsupported|old|out-of-date) (?:web ?)?browser\b",
    r"^\W*bitte warten\b[^.!?]{0,80}\b(?:vorbereitet|geladen)\W*$",
    # the end of an ARD page's box, a consent box's switches
    r"^\W*ende der weiteren informationen\W*$", r"^\W*switch zum einwilligen\b",
    # an embedded Instagram post whose script did not run: its link and its signature
    r"^\W*(?:view this (?:post|photo|video|reel) on instagram|sieh dir diesen beitrag auf "
    r"instagram an|diesen beitrag auf instagram ansehen|voir cette publication sur instagram|"
    r"ver esta publicación en instagram|visualizza questo post su instagram|wyświetl ten post "
    r"na instagramie|bekijk dit bericht op instagram)\b",
    r"^\W*(?:a post shared by|ein beitrag geteilt von|une publication partagée par|una "
    r"publicación compartida por|un post condiviso da|post udostępniony przez)\b[^.!?]{0,80}$",
    # a form's own words: required fields, its state
    r"^\W*(?:mit (?:einem )?\*? ?(?:gekennzeichnete|markierte) felder|"
    r"\*?\s*pflichtfelder?\s*(?:\*|:|$)|"
    r"daten werden (?:verarbeitet|übertragen|gesendet)\W*$)",
    r"(?#bitte)bitte geben sie ihre e-?mail(?:-adresse)? ein\b", r"\bplease enter your e-?mail\b",
    r"^\W*es (?:gibt|besteht) kein (?:recht|anspruch) auf (?:veröffentlichung|freischaltung)\W*$",
    # how to cite the page ("Empfohlene Zitierweise", "Zitiervorschlag", "Cite this article")
    r"^\W*(?:empfohlene zitierweise|zitiervorschlag|zitierhinweis|suggested citation|"
    r"cite this (?:article|page)|how to cite(?: this (?:article|page))?)\s*(?::|\(|\W*$)",
    # a site's word on the network it belongs to: "*fr.de ist Teil des bundesweiten
    # Ippen-Redaktionsnetzwerks"
    r"^\W*(?:www\.)?[\w-]+\.(?:de|at|ch|com|net|org|eu)\b ist (?:teil|mitglied) (?:des|der|von)\b"
    r"[^.!?]{0,60}netzwerk",
    # the messages of a share-by-mail form, an author-follow box, an embed's code box
    r"^\W*a link has been sent to your friend['’]s email address\W*$",
    r"^\W*send to email address\s*your name",
    r"^\W*check out this story on [\w.-]+\.\w+\s*:\s*https?://\S+\W*$",
    r"^\W*(?:your notification has been saved|there was a problem saving your notification)\W*$",
    r"\bemail notifications are only sent once a day\b",
    r"\bposts new content, you['’]ll get an email delivered to your inbox\b",
    r"^\W*copy and paste the embed code below\b",
    r"\bexterne[rn]? inhalte? (?:nicht verfügbar|angezeigt|laden|anzeigen|zulassen|aktivieren)",
    r"\bdass mir externe inhalte?\b",
    r"\bpersonenbezogene daten an drittplattformen (?:übermittelt|weitergegeben)",
    r"\bempfohlener redaktioneller inhalt\b",
    r"\bprivatsphäre-?einstellungen (?:verhindern|aktivieren)\b",
    r"\bdatenschutz-?einstellungen (?:verhindern|aktivieren)\b",
    r"\bexternen? (?:youtube-|drittanbieter-)?cookies akzeptieren\b",
    r"\bplease enable javascript\b", r"\benable javascript,? and\b",
    r"\bget the (?:latest )?(?:adobe )?flash player\b",
    r"\byou need (?:to (?:install|upgrade|have) )?(?:the (?:latest )?)?(?:adobe )?flash player\b",
    r"\brequires? (?:your (?:computer|browser) to have )?(?:the )?(?:adobe )?flash and "
    r"javascript\b",
    r"^\W*ein klick für den datenschutz\b",
    r"^\W*link zum (?:youtube|twitter|x|instagram|tiktok|facebook|spotify|podcast)-inhalt\W*$",
    r"\ban dieser stelle finden sie (?:einen|ein) (?:[\w,]+ ){0,5}externen? inhalt",
    # a newsletter form's messages (Mailchimp's, CleverReach's), all shown when no script runs
    r"^\W*(?:thank you|thanks) for subscribing\b", r"^\W*your subscription (?:failed|could not)\b",
    r"^\W*please confirm your (?:subscription|e-?mail)\b",
    r"\bwe need to confirm your e-?mail address\b",
    # a sign-up form's fine print
    r"^\W*mit (?:der|ihrer|deiner) (?:registrierung|anmeldung) (?:akzeptieren sie|akzeptierst du|"
    r"stimmen sie|stimmst du)\b",
    r"^\W*by (?:signing up|subscribing|registering|clicking [^,]{1,30}),? you (?:agree|accept|"
    r"consent)\b",
    r"^\W*(?:vielen )?dank für ihre (?:newsletter-?)?anmeldung\b",
    r"^\W*ihre anmeldung (?:wurde nicht|konnte nicht|war nicht)\b",
    r"^\W*bitte bestätigen sie (?:diesen link|ihre anmeldung|ihre e-?mail)\b",
    r"^\W*sie erhalten (?:von uns )?(?:umgehend |in kürze |gleich )?eine e-?mail mit einem "
    r"bestätigungslink\b",
    # a pitch or a reprint notice under the story, however long
    r"^\W*if you (?:enjoyed|liked) this (?:article|story|post)(?![’'\w])[^.]{0,60},\s*(?:we|please|"
    r"consider|support|join|subscribe|sign|share)\b",
    r"\bthis copy is for your personal,? non-?commercial use\b",
    r"^\W*[\w.' ]{1,40} is not responsible for the content of external (?:internet )?(?:sites|"
    r"websites|links)\W*$",
    # a consent box's purposes, as the advertising industry's framework (IAB's) words them
    r"^\W*(?:information storage and access|(?:ad|content) selection, delivery,? (?:and )?"
    r"reporting)\W*$",
    r"\bways in which we use your data for advertising\b",
    r"\bthe storage of information, or access to information that is already stored\b",
    # and its first version's purposes, 700 characters and more each
    r"\bthe collection and processing of information about your use of this service to "
    r"subsequently personali[sz]e\b",
    r"\bthe collection of information(?: about your use of the content)?, and combination with "
    r"previously collected information\b",
    r"\bthe interactive advertising bureau \(iab\) describes\b",
    # a plea for contributions under the story: "Since you're here ... we have a small favour
    # to ask"
    r"^\W*since you['’]re here\W*$", r"\bwe have a small favou?r to ask\b",
    r"\bfor as little as \W?\d+\W?,? you can support\b",
    r"^\W*\S+ does not endorse external (?:sites|websites|links)\W*$",
    r"^\W*(?:all )?external (?:sites|websites|links) (?:will )?open in (?:a )?new "
    r"(?:browser|window|tab)\b",
    r"^\W*an error (?:has )?occurred[.,!]?\s*please try again(?: later)?\W*$",
    r"^\W*this (?:article|story) has been sent to\W*$",
    r"\bbrowser that supports html5\b", r"\bbrowser version with limited support\b",
    r"^\W*(?:ihr|dein) browser unterstützt (?:kein(?:e|en)?|das|den|die) (?:html5[- ]?)?(?:video|"
    r"audio)(?:[- ]?(?:tag|element|wiedergabe|format))?(?: nicht)?\W*$",
    # a video player's own text when its script does not run (video.js's dialogs and caption
    # menus; a player's "next video" countdown and its region lock)
    r"^\W*this is a modal window\b", r"\bthis modal can be closed by pressing\b",
    r"^\W*(?:beginning|end) of dialog window\b", r"\bescape will cancel and close the window\b",
    r"^\W*(?:captions|subtitles|descriptions|chapters|default|captions settings)(?: off)?, "
    r"(?:selected|opens [\w ]{1,30} dialog)\W*$",
    r"^\W*next video starts in\b",
    r"^\W*(?:unfortunately, )?this video is (?:not|no longer) available\b",
    r"\byour browser does not support (?:the )?(?:html5 )?(?:video|audio)\b",
    r"^\W*this feature is (?:temporarily )?unavailable\b",
    r"\bto view this (?:video|content|embed)\b.{0,40}\b(?:enable|accept|allow|consent)",
    # a text the site had a machine write or translate, said under it
    r"^\W*(?:dies ist eine maschinelle übersetzung|dieser (?:artikel|text|beitrag) wurde "
    r"(?:maschinell|automatisiert|automatisch|mit hilfe (?:von|einer) ki)|this (?:article|story|"
    r"text) (?:was|has been) (?:machine[- ]translated|translated automatically|automatically "
    r"translated|generated|written|produced) (?:with|by|using) (?:the (?:help|assistance|aid) "
    r"of )?(?:an? )?(?:ai|artificial intelligence|machine|automat))",
)  # fmt: skip
# The cookie banner's text, when trafilatura keeps it: at the story's margins only (a story
# reports on sites that use cookies).
_COOKIES = _pattern(
    r"^\W*(?:this|our) (?:web)?site uses cookies\b", r"\bwe use cookies\b",
    r"\bprivacy & cookies:", r"\bwe and our (?:\w+ )?partners (?:use|store|access|process)\b",
    r"^\W*(?:diese|unsere) (?:website|webseite|seite) (?:verwendet|nutzt|speichert) cookies\b",
    r"\b(?:nous utilisons|utilise) des cookies\b", r"\butiliza(?:mos)? cookies\b",
)  # fmt: skip
_NOTICE_MAX = 800
# A comment's header under the story: its writer and when ("Max sagt: 12. März 2020 um 14:33",
# "Anonymous said...", "Zitat von Max:"); a forum member's card ("Beiträge: 123").
_COMMENT_HEAD = _pattern(
    r"^\W*[^\W\d][\w.'’-]*(?: [^\W\d][\w.'’-]*){0,3} (?:says|said|sagt|schrieb|wrote|dit|écrit|"
    r"dice|dijo|escribió|disse|scrive|zegt|schreef|hat gesagt|napisała?)\s*(?::|\.\.\.|…)"
    r"(?:\s*(?:\d|[^\W\d]{3,10}\.? \d)[^!?]{0,30})?\W*$",  # and a date, a time
    r"^\W*(?:zitat von|quote from|quoting|citation de|cita de)\s+[^:]{1,40}:\W*$",
)
_MEMBER = _pattern(
    r"^\W*(?:mitglied seit|member since|registriert(?: seit)?|registered|joined|beiträge|posts|"
    r"verfasst am)\s*:?\s*(?:[a-zäöü]{3,9}\.? )?\d[\d.,: /-]*(?:uhr|am|pm)?\W*$",
)
# The footer a blog's feed adds to each entry: "The post <title> appeared first on <site>."
_FEED_FOOTER = _pattern(
    r"^\W*(?:the post|der beitrag|l'article|la entrada|o post) .{1,300}? "
    r"(?:appeared first on|erschien zuerst auf|est apparu en premier sur|"
    r"apareció primero en|apareceu primeiro em) [^.,;]{1,80}\.?\s*$",
)
# The lines a blog's template writes under each entry (WordPress's themes, Movable Type), in
# their translations: "This entry was posted on ... and is filed under ...", "You can follow
# any responses to this entry through the RSS 2.0 feed.", "X was the previous entry in this
# blog." A story's own sentences do not speak of its entry.
_ENTRY_FOOTER = _Phrases(
    r"^\W*this (?:entry|post) was posted (?:on|in|by)\b",
    r"^\W*dieser eintrag wurde (?:am .{1,40} )?veröffentlicht (?:in|unter)\b",
    r"^\W*(?:cette entrée|ce contenu) a été publiée? (?:dans|le)\b",
    r"^\W*esta entrada (?:fue publicada|se publicó) en\b",
    r"\byou can follow any responses to this entry\b",
    r"\byou can (?:skip to the end and )?leave a response\b",
    r"\bcomments and pings are (?:currently )?closed\b",
    r"\bresponses are currently closed\b",
    r"\bkommentare und pings sind (?:derzeit )?geschlossen\b",
    r"\bthis page contains a single entry by\b",
    r"\bthis page contains (?:links to )?all (?:the )?entries\b",
    r"\bentry in this blog\b",  # "X was the previous entry in this blog."
    r"\bfind recent content on the main index\b",
    r"\bpowered by movable type\b",
    r"\bthe comments to this entry are closed\b",
    r"^\W*trackback url for this (?:entry|post)\b",
)
_FRAME = " \t\n|•·-–—>»›<«‹→←↑↓▶►▸*#()[]"  # what a control's label may stand between
_MENU_BARS = "|•·"  # what parts a menu's items
_QUOTE_MARKS = "\"'“”„‘’«»‹›"
# Someone is quoted: a call in quotes ("Join us," the union leader said) is the story's.
_SAID = re.compile(
    r"\b(?i:said|says|told|asked|added|urged|sagte|sagt|fragte|erklärte|betonte|forderte|rief|"
    r"dit|a dit|a déclaré|dijo|afirmó|disse|ha detto|zei|riep|powiedział\w*)\b"
)
# A server's error report printed into the page, the whole block ("Warning: ... in
# /path/file.php on line 785").
_SERVER_ERROR = re.compile(
    r"^\W*(?:strict standards|warning|notice|deprecated|fatal error|parse error)\s*:"
    r".{0,400}? in /\S+\.(?:php|inc) on line \d+\W*$",
    re.IGNORECASE,
)
# A byline: "By Ann Writer", "Von Anna Schreiber" (a capitalised name, not "Von Montag an"),
# "Autor: ...". The lead search uses it too: a byline under the headline is no subtitle.
BYLINE = re.compile(
    # (not a heading's "By The Numbers", "Por Qué Importa")
    r"\W*(?:(?:By|Von|Par|Por|Door|Przez|Di)\s+(?!(?:The|An?|Qué|Que)\s)[A-ZÀ-Þ][\w.'-]*\s+[A-ZÀ-Þ]"
    # in lower case ("von Anna Schreiber") the name is all there is: "von Open Source
    # Software ein und..." goes on as a sentence
    r"|(?:by|von)(?:\s+[A-ZÀ-Þ][\w'-]+){2,3}\W*$"
    r"|(?:Autor(?:in)?|Author|Text|Written by|Auteur|Autor/in)\s*:"
    r"|Written by\s+[A-ZÀ-Þ][\w.'-]*\s+[A-ZÀ-Þ]"
    r"|(?:Von|By|Par|Por)\s*:\s*[A-ZÀ-Þ]"
    r"|(?:Geschrieben|Verfasst|Eingestellt) von\s+[A-ZÀ-Þ]"
    r"|(?:Publicado|Escrito) por\s+[A-ZÀ-Þ]|(?:Publié|Écrit) par\s+[A-ZÀ-Þ]"
    r"|(?:Pubblicato|Scritto) da\s+[A-ZÀ-Þ]"
    # "Eine Kolumne von Ann Writer", "Ein Interview von A mit B", "A column by Ann Writer"
    r"|(?:Eine?|An?|Une?|Una)\s+(?i:kolumne|gastbeitrag|kommentar|interview|essay|analyse|"
    r"reportage|glosse|column|op-ed|guest post|commentary|analysis|chronique|tribune|columna)"
    r"\s+(?:von|by|de|par|di)\s+[A-ZÀ-Þ][\w.'-]*(?:\s+[A-ZÀ-Þ][\w.'-]*){0,3}"
    r"(?:\s+(?:mit|und|and|with|avec|con)\s+[A-ZÀ-Þ][\w.'-]*(?:\s+[A-ZÀ-Þ][\w.'-]*){0,3})?\W*$"
    r"|[가-힣]{2,4} ?기자(?: ?외 ?\d+ ?명)?\W*$)",  # Korean: "(name) reporter (and 1 other)"
)
# The newsroom's other credits: "Redaktion: A, B", "Übersetzung: C", "Translated by D".
_STAFF = re.compile(
    r"\W*(?:(?i:redaktion|schlussredaktion|übersetzung(?: und \w+)?|mitarbeit|recherche|"
    r"grafik|illustrations?|produktion|faktencheck|lektorat|editing|translation|traduction|"
    r"traducción|tradução)\s*:"  # the colon: "Grafik Zeigt Anstieg" is a subheading
    r"|(?i:edited by|translated (?:from \w+ )?by|aus dem \w+ (?:übersetzt )?von)\s*:?)"
    r"\s+[A-ZÀ-Þ]",
)
_MONTH = (
    r"(?:jan|feb|fév|mär|mar|apr|avr|abr|ma[iy]|mag|jun|juin|giu|jul|lug|aug|août|ago|sep|set|"
    r"o[ck]t|ott|out|nov|de[cz]|déc|dic|ene|gen|sty|lut|kwi|cze|lip|sie|wrz|paź|lis|gru|"
    r"ocak|şubat|nisan|mayıs|haziran|temmuz|ağustos|eylül|ekim|kasım|aralık)\w*\.?"
)
_DATE = re.compile(
    r"\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{4}\.\d{2}\.\d{2}\b"
    # Chinese, Japanese, Korean: "2025年1月14日", "1月14日", "01時28分", "2024년 3월 5일"
    r"|(?:\d{4}年)?\d{1,2}月\d{1,2}日|\d{1,2}時\d{1,2}分|\d{4}년 ?\d{1,2}월 ?\d{1,2}일"
    r"|(?<![\d:])(?:[01]?\d|2[0-3]):[0-5]\d\b(?!:\d)"  # a clock's time, not "31:28", "2:03:00"
    rf"|\b\d{{1,2}}\.? {_MONTH},? \d{{4}}\b"  # "2. Februar 2022", "02 Mayo, 2022"
    rf"|\b{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}\b"  # "February 2, 2022"
    rf"|\b\d{{1,2}} de {_MONTH} (?:de |del )?\d{{4}}\b"  # "2 de mayo de 2022"
    # "vor 3 Stunden", "3 hours ago"
    r"|\bvor \d+ (?:minuten|stunden|tagen)\b|\b\d+ (?:minutes?|mins?|hours?|hrs?|days?) ago\b"
    r"|\b\d+ ?(?:hr|min)\(s\)(?: \d+ ?min\(s\))?"  # "posted 4hr(s) 20min(s)"
    r"|\bhace \d+ (?:minutos?|horas?|días?)\b|\bil y a \d+ (?:minutes?|heures?|jours?)\b",
    re.IGNORECASE,
)
_ANY_DIGIT = re.compile(r"\d")
# A time's and a date's own words: "11:43 AM EST, Thu January 3, 2013" is a date alone.
_CLOCK_WORDS = re.compile(
    r"\b(?:[ap]\.?m\.?|uhr|[ecmp][sd]t|gmt|utc|cet|cest|mez|mesz|bst|"
    r"mon|tue|wed|thu|fri|sat|sun|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b\.?",
    re.IGNORECASE,
)
_URL = re.compile(r"https?://|www\.\w", re.IGNORECASE)  # a reference given in full is content
# "Termin: 29.02.2020, 19 Uhr" is an event's date; "Datum: 02.02.2022" the page's
_LABELLED = re.compile(
    r"\W*(?!(?:datum|date|erstellt|published|veröffentlicht|publicado|publié|fecha|data|posted|"
    r"updated|aktualisiert)(?:\s+(?:am|on|le|el|em|den))?\s*:)"
    r"[^\W\d]+(?: [^\W\d]+)?\s*:",  # "Termin:", "Nächste Sitzung:"
    re.IGNORECASE,
)
# When something happens, not when the page was written: "Einlass ab 18:30 Uhr", "Beginn 19:30
# Uhr", "Mo.–Fr. 9:00–18:00 Uhr", "Ab 1. Juli 2024".
_SCHEDULE = re.compile(
    r"^\W*(?:ab|bis|seit|vom|um|from|until|since|dès|desde|hasta|einlass|beginn|anpfiff|"
    r"kick-?off|öffnungszeiten|geöffnet|doors)\b|\d[:.]\d\d\s*(?:uhr\s*)?[–-]\s*\d",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_]{2,}")
# A book's box under a review ("Von Juli Zeh, Luchterhand, 24 Euro"): an author, not a byline.
_PRICE = re.compile(
    r"[€£$]|\b\d+(?:[.,]\d+)?\s*(?:euro|eur|fr\.|chf|pfund|dollar|seiten|pages|pp\.|s\.)(?!\w)",
    re.IGNORECASE,
)
# A sentence's end after a word in lower case ("... had doubled.", "... 2001."), or three
# words in lower case in a row: what a dateline or byline does not have.
# (Turkish letters beyond Latin-1 too; a Chinese or Japanese full stop; a Korean verb's end)
_SENTENCE_END = re.compile(r"\b(?:[a-zß-ÿığş]{2,}|\d{4})[.!?]\W*$|[。！？]\W*$|다\.?\W*$")
_LOWER_RUN = re.compile(r"\b[a-zß-ÿığş]{2,} [a-zß-ÿığş]{2,} [a-zß-ÿığş]{2,}\b")
_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")
_WORD_CHAR = re.compile(r"[^\W_]")
_META_BAR = re.compile(r"\s[|·•]\s")
_META_PART = re.compile(
    r"\s*(?:(?:categories|category|tags|kategorien?|schlagworte|filed under|posted in|"
    r"catégories?|etiquetas|categorías?)\s*:|(?:view|leave an?|add an?|no|\d+) comments?\s*$|"
    r"(?:kommentar schreiben|\d+ kommentare?|keine kommentare)\s*$)",
    re.IGNORECASE,
)
_CELLS = re.compile(r"\s{3,}")  # a table's cells or code's indent, spaced apart in a line
# a sentence's last word and its stop, a closing mark before or after it ("(... reopen).")
_STOP = re.compile(r"\w{2,}[\"'”»)\]]*[.!?…]+[\"'”»)\]]*\s*$")
# A link to a download, its type and size: "Informationsschreiben (PDF, 38 KB)", "PDF | 38 KB"
_DOWNLOAD = re.compile(
    r"(?<![^\W\d])(?:pdf|docx?|xlsx?|pptx?|odt|zip)\s*[|(,:-]\s*\d+(?:[.,]\d+)?\s*[kmg]i?b\b",
    re.IGNORECASE,
)
# A CMS's directives left in a publisher's body ("+++dropcap", '{: legacyType="feature"}'), and
# a WordPress shortcode of a button or a box its plugin did not render ("[button link=...]Send
# us yours[/button]"; a "[sourcecode]" one holds the story's code).
_MARKUP = re.compile(
    r"\+\+\+[\w-]*|\{:[^{}]*\}|%[A-Za-z]+-\d+%"
    # a template's placeholder that no script filled: "{* #registrationForm *}", "{{ title }}"
    r"|\{\*[^{}]{1,80}\*\}|\{\{[^{}]{1,80}\}\}"
    # and a picture's, left in a publisher's body: "Placeholder image-1"
    r"|[Pp]laceholder (?:image|bild|video|embed)[\w-]*"
    # a script's settings: "isPaid:", "showPaywall: false", a value alone
    r"|[a-z]{2,}(?:[A-Z][a-z0-9]+)+\s*:(?:\s*(?:true|false|null))?|true|false|null|undefined"
    r"|\[((?:su_)?(?:button|share|social|subscribe|newsletter|cta|ad|adsense|caption))"
    r"(?:\s[^\]]*)?\]"
    r".{0,200}\[/\1\]"
    # a script's statement left as text ("document.createElement('audio');"), the address of
    # a player's file alone
    r"|(?:window|document|jQuery|\$)(?:\.\w+)*(?:\.\w+\(.{0,200}\))+;?"
    r"|https?://\S+\.(?:mp3|mp4|m4a|ogg|wav|webm|m3u8|js|swf)(?:\?\S*)?"
)


class Links:
    """The texts of a page's links, read before trafilatura prunes the page, indexed by their
    first word (and that by length), so that a block is compared with the links that could be
    in it, not all: a page of thousands of links that start alike ("The ...") costs a block a
    few lookups a word, not one comparison a link."""

    def __init__(self, tree: HtmlElement, *urls: str | None) -> None:
        self.texts: set[str] = set()
        # the texts of links to a place in the page itself: a table of contents, whose
        # entries are the story's own subheadings
        self.contents: set[str] = set()
        self.by_first_word: dict[str, list[str]] = {}
        self._short: dict[str, set[str]] = {}  # first word -> anchors shorter than MIN_ANCHOR
        self._by_length: dict[str, dict[int, set[str]]] = {}  # first word -> length -> texts
        pages = {_defragged(url) for url in urls if url}
        for anchor in tree.iter("a"):
            text = " ".join(anchor.text_content().split())
            if len(text) >= MIN_ANCHOR and _within(anchor.get("href"), pages):
                self.contents.add(text)
            if len(text) >= MIN_ANCHOR and text not in self.texts:
                self.texts.add(text)
                first = text.split(" ", 1)[0]
                self.by_first_word.setdefault(first, []).append(text)
                self._by_length.setdefault(first, {}).setdefault(len(text), set()).add(text)
            elif 1 < len(text) < MIN_ANCHOR and _WORD.search(text):  # "Impressum", not "5.1"
                self._short.setdefault(text.split(" ", 1)[0], set()).add(text)

    def share(self, text: str, contents: bool = True) -> float:
        """The share of ``text`` (whitespace collapsed) that is the text of some link, each
        found counted once. Links that share a first word with few others are looked for
        anywhere in it (links glued together, "Part ALink BLink C", are found too); when
        many share it, only where one of its words begins. ``contents``: whether the links
        of a table of contents count."""
        if not text or not self.texts:
            return 0.0
        if text in self.texts and (contents or text not in self.contents):
            return 1.0
        found = self._found(text) if contents else self._found(text) - self.contents
        return min(sum(map(len, found)) / len(text), 1.0)

    def _found(self, text: str) -> set[str]:
        found: set[str] = set()
        searched: set[str] = set()
        at = 0
        for word in text.split(" "):
            anchors = self.by_first_word.get(word)
            if anchors is None:
                pass
            elif len(anchors) <= FEW_ANCHORS:
                if word not in searched:
                    searched.add(word)
                    found.update(anchor for anchor in anchors if anchor in text)
            else:
                for length, alike in self._by_length[word].items():
                    if (candidate := text[at : at + length]) in alike:
                        found.add(candidate)
            at += len(word) + 1
        return found

    def is_link(self, text: str) -> bool:
        """Whether ``text`` (whitespace collapsed) is the whole text of some link, short or long."""
        return text in self.texts or text in self._short.get(text.split(" ", 1)[0], ())

    def is_menu(self, text: str) -> bool:
        """Whether ``text`` is a row of short links (and long ones) and little else: a menu
        or a footer's links, which ``share`` does not see (it skips short anchors). The marks
        that part its items ("|", "•") are the menu's too."""
        words = [word for word in text.split(" ") if word.strip(_FRAME)]
        text = " ".join(words)
        covered, items, at = 0, 0, 0
        while at < len(words):
            step = 0
            for anchor in self._short.get(words[at], ()):
                length = anchor.count(" ") + 1
                if length > step and " ".join(words[at : at + length]) == anchor:
                    step = length
            if step:
                covered += sum(map(len, words[at : at + step])) + step - 1
                items += 1
                at += step
            else:
                at += 1
        found = self._found(text) if self.texts else set()
        found = {
            anchor for anchor in found if not any(anchor in other for other in found - {anchor})
        }
        if items + len(found) < MENU_ITEMS:  # short links and long ones alike
            return False
        return covered + min(sum(map(len, found)), len(text)) >= LINK_SHARE * len(text)

    def closing(self, text: str) -> int:
        """The length of the longest link text that ``text`` (whitespace collapsed) ends with,
        0 for none: each of its word-boundary tails that a kicker may precede looked up once."""
        start = 0
        while start <= MAX_KICKER + 1 and len(text) - start >= MIN_ANCHOR:
            if text[start:] in self.texts:
                return len(text) - start
            start = text.find(" ", start) + 1
            if not start:
                break
        return 0

    def begins_with_link(self, text: str) -> bool:
        """Whether ``text`` (whitespace collapsed) begins with the text of some link, short or
        long."""
        first = text.split(" ", 1)[0]
        return self.opening(text) > 0 or any(
            text.startswith(anchor) for anchor in self._short.get(first, ())
        )

    def opening(self, text: str) -> int:
        """The length of the longest link text that ``text`` (whitespace collapsed) begins
        with, 0 for none. (The next word may follow with no space: a headline's element and
        its teaser's, read as one text.)"""
        lengths = self._by_length.get(text.split(" ", 1)[0], {})
        return max((n for n, alike in lengths.items() if text[:n] in alike), default=0)


def _defragged(url: str) -> str:
    try:
        return urldefrag(url)[0]
    except ValueError:  # a malformed address: no page's
        return ""


def _within(href: str | None, pages: set[str]) -> bool:
    """Whether ``href`` points at a place in the page itself ("#part-2"); ``pages``: the
    page's addresses (its URL, its canonical URL)."""
    if not href or "#" not in href:  # most links: no parsing
        return False
    if href.startswith("#"):
        return len(href) > 1
    try:
        target, fragment = urldefrag(href.strip())
        return bool(fragment) and (not target or any(urljoin(p, target) == p for p in pages))
    except ValueError:  # a malformed address ("http://[bad/#x")
        return False


def verdict(text: str, links: Links, tag: str = "p", margin: bool = True) -> str | None:
    """Why a block of trafilatura's result is boilerplate, or None when it may be the story.

    ``margin``: the block comes before the story's first paragraph of prose or after its
    last, where the links to other stories and the datelines are. Inside the story, a block
    that is a link stays when it is a heading (a list of linked sections) or a list item."""
    if "\xad" in text:  # soft hyphens, which some sites put in every long word, hide words
        text = text.replace("\xad", "")
    if not _WORD_CHAR.search(text):  # nothing, or a rule of "___" or "* * *"
        return "empty"
    if _MARKUP.fullmatch(text):
        return "markup"
    if _SERVER_ERROR.match(text):
        return "error"
    if len(text) < _NOTICE_MAX and (
        _NOTICE.search(text)
        or (margin and (_FEED_FOOTER.match(text) or _ENTRY_FOOTER.search(text)))
    ):
        return "notice"
    if len(text) < _RIGHTS_MAX and _RIGHTS.search(text):
        return "credit"
    # (inside the story, a paragraph may end with its picture's credit typed in: only a short
    # one is a caption there)
    if (margin or len(text) < _CREDIT_MAX) and _is_long_caption(text):
        return "credit"
    if len(text) >= SHORT:
        return None
    # (the length first: the patterns are long alternations, a search costs tens of µs)
    if len(text) < 80 and (
        # (a line that begins with no control's label is none, nor a row of them: one try of
        # the long alternation at its start, where the whole line and the row would take two)
        (
            (_CONTROL.match(bare := text.strip(_FRAME)) or _SHARE_START.match(bare))
            and (
                _CONTROL.fullmatch(bare)
                or (_CONTROLS.fullmatch(bare) and not _SHARE_ROW.fullmatch(bare))  # a call
            )
        )
        or _BREADCRUMB.fullmatch(bare)
    ):
        return "control"
    if (
        margin
        and len(text) < 80
        and (_CONTROL_MARGIN.fullmatch(bare) or _SHARE_ONE.fullmatch(text))
    ):
        return "control"
    if _is_doubled(text):
        return "teaser"
    # a call in quotes with its speaker, or told as someone's words ("..., the lawyer said")
    quoted = (text[0] in _QUOTE_MARKS or "," in text) and _SAID.search(text) is not None
    if (
        # a box of another story set inline has its teaser after the label: no sentence ends it
        (len(text) < 160 or (len(text) < SHORT and not _CLOSED.search(text)))
        and not quoted
        and (_ELSEWHERE.search(text) or (_ELSEWHERE_IF.search(text) and _to_reader(text)))
    ):
        return "elsewhere"
    if (
        (margin or tag == "p")
        and not _URL.search(text)
        # inside the story, a paragraph that a table of contents points to is a subheading
        and links.share(text, contents=margin) >= LINK_SHARE
    ):
        return "link"
    if margin and links.is_menu(text):
        return "menu"
    if len(text) < _CREDIT_MAX and _CREDIT.search(text):
        return "credit"
    if (
        len(text) < 220
        and not quoted
        and (
            _unquoted(_CALL.search(text))
            or (_unquoted(_CALL_IF.search(text)) and _to_reader(text))
            or ("会員" in text and _CALL_MEMBERS.search(text))
        )
    ):
        return "call"
    if len(text) < 160 and _LABEL.search(text):
        return "label"
    if len(text) < 160 and _DOWNLOAD.search(text):
        return "download"
    if _is_disclosure(text):
        return "disclosure"
    if margin and len(text) < 120 and _COMMENT_HEAD.search(text):
        return "comment"
    if margin and len(text) < 200 and _is_post_meta(text):
        return "date"
    if len(text) < 80 and _MEMBER.search(text):
        return "comment"
    if margin and _COOKIES.search(text):
        return "notice"
    return header_line(text) if margin else None


_AGENCIES = (
    r"(?i:dpa|afp|ap|apa|sda|kna|epd|reuters|ntb|pap|ansa|efe|dts|ddp|ots|sid|dapd|awp|ats|anp|"
    r"belga|lusa|aap|pti|ians|xinhua|kyodo|yonhap|bloomberg)"
)
# The agency or the editor's initials that close a story: "mit dpa", "SDA/sep", "(dmk)",
# "aja/PAP", "MDR (dst)". Not "Additional reporting by ...": that names people, and corpora
# count it as the story's.
_SIGN_OFF = re.compile(
    rf"\W*(?:(?i:mit|with|avec|con|com)\s+)?(?:(?i:agenturmaterial|agenturen)|{_AGENCIES})"
    rf"(?:\s*[/,]\s*(?:{_AGENCIES}|[a-z]{{2,4}}))*\W*"
    rf"|\([a-z]{{2,4}}(?:\s*/\s*(?:{_AGENCIES}|[a-z]{{2,4}}))*\)"
    rf"|[a-z]{{2,4}}(?:\s*/\s*(?:{_AGENCIES}|[a-z]{{2,4}}))+"
    rf"|[A-Z]{{2,5}} \([a-z]{{2,4}}\)"
    # "Mit Material von dpa", "mit Informationen von AFP und Reuters"
    rf"|\W*(?i:mit (?:material|informationen|angaben) (?:von|der|des|aus))\s+{_AGENCIES}"
    rf"(?:\s*(?:[/,]|und|and)\s*{_AGENCIES})*\W*",
)


def header_line(text: str) -> str | None:
    """Whether a short block is a dateline or a byline: boilerplate above or below the story,
    not inside it. A line that reads as a sentence is neither: "Von Montag an gilt...", "By
    Election Day, turnout had doubled.", "Dann kam der 11. September 2001."."""
    if _SENTENCE_END.search(text):
        return None
    if len(text) < 60 and _is_dateline(text):
        return "date"
    # "PUBLISHED: March 21, 2017 at 9:41 pm | UPDATED: March 21, 2017 at 9:51 pm"
    parts = _META_BAR.split(text) if len(text) < HEADER_LINE else ()
    if len(parts) > 1 and all(_is_dateline(part) for part in parts):
        return "date"
    if _LOWER_RUN.search(text):
        return None
    if len(text) < HEADER_LINE and BYLINE.match(text) and not _PRICE.search(text):
        return "byline"
    if len(text) < 160 and _STAFF.match(text):
        return "byline"
    if len(text) < 30 and _SIGN_OFF.fullmatch(text):
        return "credit"
    return None


def _is_long_caption(text: str) -> bool:
    return len(text) < CAPTION_MAX and CAPTION_END.search(text[-CAPTION_TAIL:]) is not None


def _is_dateline(text: str) -> bool:
    return (
        not _LABELLED.match(text)
        and not _SCHEDULE.search(text)
        and _is_date_line(text)
        and not _LOWER_RUN.search(_DATE.sub("", text))  # "2 de mayo de 2022" is a date
    )


def _unquoted(found: re.Match[str] | None) -> bool:
    """Whether a call was found outside quotation marks: inside them, it is someone's words
    ('The statement continued: "They were working to support us ...')."""
    if found is None:
        return False
    return len(_DOUBLE_QUOTE.findall(found.string, 0, found.start())) % 2 == 0


def _to_reader(text: str) -> bool:
    """Whether a line speaks to the reader (or as the site: "we", "our") or is no sentence
    (a label, a button): what a call or a pointer elsewhere does and a report does not."""
    return (
        _TO_READER.search(text) is not None
        or not _STOP.search(text)
        or len(text.split()) <= TO_READER_WORDS
    )


def _is_doubled(text: str) -> bool:
    """A line that says the same thing twice over ("Headline Headline"): a teaser's card, its
    picture's alternative text and its link both the other story's headline. Prose never
    repeats itself at once, and a paragraph printed twice over is the story's (its sentence
    ends in a full stop, a headline's does not)."""
    half, rest = divmod(len(text), 2)
    if half < DOUBLED_MIN or text[half - 1] == ".":  # a headline has no full stop
        return False
    if rest:  # the two parted by a space
        return text[half] == " " and text[:half].casefold() == text[half + 1 :].casefold()
    return text[:half].casefold() == text[half:].casefold()


def _is_post_meta(text: str) -> bool:
    """A blog post's row of facts, its parts set apart by bars or dots: "January 13, 2020 at
    08:45 AM | categories: Python, Mercurial | View Comments"."""
    parts = _META_BAR.split(text)
    return len(parts) >= 2 and any(_META_PART.match(part) for part in parts)


def _is_named_date(text: str) -> bool:
    """A short line of a day and what happens on it ("02.11.2022 - Placebo - Stadthalle")."""
    return (
        0 < len(text) < HEADER_LINE
        and _is_date_line(text)
        and len(_WORD.findall(_DATE.sub("", text))) >= 2
    )


def _is_disclosure(text: str) -> bool:
    if _DISCLOSURE.search(text):
        return True
    return (
        text[0] not in _QUOTE_MARKS
        and _EARNINGS.search(text) is not None
        and _PAID_LINK.search(text) is not None
    )


def _is_date_line(text: str) -> bool:
    """A date or time with at most three words besides ("24. März 2004, 19:49 | Genesis"),
    or four Chinese, Japanese or Korean characters ("(1月14日 01時40分更新)")."""
    if not _ANY_DIGIT.search(text):  # every date has a digit: most lines end here, cheaply
        return False
    rest, dates = _DATE.subn("", text)
    if not dates:
        return False
    if len(_WORD.findall(rest)) > 3:
        rest = _CLOCK_WORDS.sub("", rest)
    return len(_WORD.findall(rest)) <= 3 and len(_CJK.findall(rest)) <= 4


def prune(
    body: _Element,
    links: Links,
    headline: str | None = None,
    authors: Iterable[str] = (),
    captions: frozenset[str] = frozenset(),
) -> dict[str, int]:
    """Remove boilerplate blocks from trafilatura's result ``body`` in place; count them by
    kind. A list goes whole when none of its items is left. The ``headline`` is left alone,
    even as a link (blogs link a post's title to itself): the record's assembly decides.
    ``authors``, the names the page gives as its authors, tell their box apart; ``captions``,
    the texts of the page's ``<figcaption>`` elements, its pictures' captions."""
    headline = " ".join(headline.split()).casefold() if headline else None
    blocks = [(element, " ".join("".join(element.itertext()).split())) for element in _blocks(body)]
    names = _full_names(authors)
    removed: dict[str, int] = {}
    if (top := _author_box_top([text for _, text in blocks], names)) is not None:
        _count(removed, "author", blocks[top][1])
        _remove_block(blocks.pop(top)[0])
    # (a long block that is one link, a teaser's headline and summary, is not prose either;
    # measuring the link share of every long block would cost more than the rest of this)
    prose = [
        index
        for index, (_, text) in enumerate(blocks)
        if len(text) >= PROSE
        and text not in links.texts
        and not _SERVER_ERROR.match(text)
        and not _is_bar_menu(text, links)
    ]
    # other stories' cards at the end, each a linked headline and its teaser in one block: as
    # long as prose, they are not the story's
    if cards := _trailing_cards(blocks, prose, links):
        for index in cards:
            _count(removed, "teaser", blocks[index][1])
            _remove_block(blocks[index][0])
            prose.remove(index)
        label, text = blocks[cards[-1] - 1]  # "Top stories", "Partner news"
        if (
            0 < len(text) < HEADER_LINE
            and label.tag in ("head", "p")
            and not _SENTENCE_END.search(text)
        ):
            _count(removed, "label", text)
            _remove_block(label)
    first, last = (prose[0], prose[-1]) if prose else (len(blocks), -1)
    if thread := _comment_thread(blocks, first):
        for element, text in blocks[thread:]:
            _count(removed, "comment", text)
            _remove_block(element)
        blocks, prose = blocks[:thread], [index for index in prose if index < thread]
        last = prose[-1]
    # a lead may come before the headline's date and byline: short blocks before the second
    # paragraph of prose are the header's too
    second = prose[1] if len(prose) > 1 else first
    programme = _programme(text for _, text in blocks)
    boxed: set[int] = set()  # the blocks under a box's heading
    for index, (element, _) in enumerate(blocks):
        # text between blocks (a date trafilatura left loose after the headline)
        loose = " ".join(element.tail.split()) if element.tail else ""
        if 0 < len(loose) < SHORT and element.getparent() is body and loose.casefold() != headline:
            kind = verdict(loose, links, margin=index < first or index >= last)
            if kind is None and index < second and len(loose) < HEADER_LINE:
                kind = header_line(loose)
            if kind is not None:
                _count(removed, kind, loose)
                element.tail = None
    # other stories' headlines and teasers as a list's pairs of items after the story, read
    # before the headlines go one by one as links at the story's margin
    paired = _after_prose(
        [element for element in body.iter("list") if _is_paired_teasers(element, links)],
        blocks,
        prose,
    )
    # another story's card inside this one (after its first paragraph of prose): its linked
    # headline, then its date alone
    for (card, title), (stamp, date) in pairwise(blocks[first + 1 :]):
        if (
            card.getparent() is not None
            and stamp.getparent() is not None
            and title.casefold() != headline
            and _is_card(title, date, links)
        ):
            _count(removed, "teaser", title)
            _count(removed, "teaser", date)
            _remove_block(card)
            _remove_block(stamp)
    for index, (element, text) in enumerate(blocks):
        if not text and element.tail is None and element.tag != "item":
            continue  # an empty paragraph adds nothing to the text: not worth a rewrite
        if element.getparent() is None or text.casefold() == headline:
            continue  # its list went whole, or it is the headline
        # a programme's lines ("02.11.2022 - Placebo - Stadthalle") are judged as the story's
        # own, where datelines are no rule
        dated = index in programme
        kind = verdict(
            text, links, element.tag, margin=(index < first or index > last) and not dated
        )
        if kind is None and index < second and len(text) < HEADER_LINE and not dated:
            kind = header_line(text)
        if kind is None and index in boxed:
            kind = "box"
        if kind is None and index == first and len(prose) > 1 and _is_long_caption(text):
            kind = "credit"  # the pictures' captions above the story, each ending in its credit
        if kind is None and element.tag == "p" and _is_link_lines(element, links):
            kind = "links"
        if kind is None and captions and element.tag != "head" and _is_caption(text, captions):
            kind = "caption"
        if kind is None and names and index < second and text.casefold() in names:
            kind = "byline"  # the author's name alone above the story
        if kind is None:
            if index <= first or index >= last:
                for kind, line in _trim_lines(element, top=index <= first, end=index >= last):
                    _count(removed, kind, line)
            continue
        _count(removed, kind, text)
        if index == first and kind in _CAPTIONS and len(prose) > 1:  # the story begins later
            prose = prose[1:]
            first, second = prose[0], prose[1] if len(prose) > 1 else prose[0]
        if element.tag == "head" and kind in _BOX_HEADINGS and index > first:
            boxed.update(_under(blocks, index))
        _remove_block(element)
    after = {element for element, _ in blocks[last + 1 :]} if prose else set()  # the story's end
    before = {element for element, _ in blocks[:first]} if prose else set()  # the story's top
    told = {blocks[index][0] for index in prose}  # a gallery beside a story goes, not one alone
    for element in list(body.iter("list")):
        if element.getparent() is None:
            continue
        opening = next(element.iter("item"), None)
        if (
            _is_link_list(element, links)
            or (opening in after and _is_teaser_list(element, links))
            or (opening in before and _is_breadcrumb(element, links))
            or element in paired
            or (_is_gallery(element) and bool(told.difference(element.iter("item"))))
        ):
            _count(removed, "links", " ".join("".join(element.itertext()).split()))
            label = element.getprevious()  # "More on this", "Exklusive Hintergründe"
            if label is not None and _is_label(label):
                _remove(label)
            _remove(element)
    _prune_rows(
        body,
        blocks[first][0] if prose else None,
        blocks[last][0] if prose else None,
        links,
        removed,
    )
    # the author's box: among the last blocks left, after the story's first paragraph of prose
    ending = list(islice(_left_from_end(blocks[first + 1 :], body), AUTHOR_ENDING))
    for at in sorted(_author_box_ends([text for _, text in ending], names)):
        if _is_left(ending[at][0], body):  # (an item of a list inside another that went)
            _count(removed, "author", ending[at][1])
            _remove_block(ending[at][0])
    # a heading that heads nothing: what it headed went, or it is the next story's headline
    # (unless the text is headings alone: what there is, then, is in them)
    said = any(element.tag != "head" and text for element, text in blocks)
    for element, text in _left_from_end(blocks, body) if said else ():
        if element.tag != "head" or body[-1] is not element or (element.tail or "").strip():
            break
        _count(removed, "heading", text)
        _remove(element)
    return removed


_LAYOUT_BLOCKS = ("p", "head", "list", "quote", "table", "graphic")


def unwrap_layout(body: _Element) -> bool:
    """Undo the tables of a page laid out in tables (most news sites until about 2010): a
    table of trafilatura's result whose cells hold paragraphs, headings or lists is the
    page's frame, not data (which has header cells), and its cells' blocks stand as the
    story's own (each cell of text alone a paragraph), to be judged one by one and written
    as paragraphs, not as one line of a table's row. Whether any table was undone."""
    tables = []
    for table in body.iter("table"):
        cells = [cell for cell in table.iter("cell") if next(cell.iterancestors("table")) is table]
        if any(cell.get("role") == "head" for cell in cells):
            continue  # a header cell: a data table's, whatever its cells hold
        if any(child.tag in _LAYOUT_BLOCKS for cell in cells for child in cell):
            tables.append(table)
    for table in reversed(tables):  # the inner first: their blocks make the outer a frame
        blocks: list[_Element] = []
        for row in table.iterchildren("row"):
            for cell in row.iterchildren("cell"):
                if not any(child.tag in _LAYOUT_BLOCKS for child in cell):
                    if not "".join(cell.itertext()).strip():
                        continue  # an empty cell, a spacer
                    cell.tag = "p"
                    cell.attrib.clear()
                    blocks.append(cell)
                    continue
                if cell.text and cell.text.strip():
                    loose = Element("p")
                    loose.text, cell.text = cell.text, None
                    blocks.append(loose)
                blocks.extend(cell)
        parent = table.getparent()
        if parent is None:
            continue
        at = parent.index(table)
        for offset, block in enumerate(blocks):
            parent.insert(at + offset, block)
        _remove(table)
    return bool(tables)


def _prune_rows(
    body: _Element,
    first: _Element | None,
    last: _Element | None,
    links: Links,
    removed: dict[str, int],
) -> None:
    """Remove a table's rows that say nothing, and, before the story's first prose or after
    its last, the rows whose every cell is a link or boilerplate: a page laid out in tables
    (most news sites until about 2010) gives trafilatura its menus and sidebars as rows of the
    table around the story. A row with a cell of the story's words stays whole, as a data
    table's rows do, links and all; so do the rows of a table with a header cell (a data
    table's: an infobox's labels and their linked values)."""
    rows = list(body.iter("row"))
    if not rows:
        return
    headed = {
        table
        for table in body.iter("table")
        if any(cell.get("role") == "head" for cell in table.iter("cell"))
    }
    order = {element: at for at, element in enumerate(body.iter())}
    start = order.get(first, -1) if first is not None else None
    end = order.get(last, -1) if last is not None else None
    for row in rows:
        if row.getparent() is None:
            continue
        texts = [" ".join("".join(cell.itertext()).split()) for cell in row.iter("cell")]
        if not any(texts):
            kind = "empty"
        elif headed.intersection(row.iterancestors("table")):
            continue
        elif (start is None or not start <= order[row] <= end) and all(  # type: ignore[operator]
            not text or links.is_link(text) or verdict(text, links, "cell") for text in texts
        ):
            kind = "links"
        else:
            continue
        _count(removed, kind, " | ".join(texts))
        _remove(row)
    for table in list(body.iter("table")):
        if table.getparent() is not None and next(table.iter("row"), None) is None:
            _remove(table)


_THREAD_LABEL = _pattern(
    r"^\W*(?:\d+ )?(?:(?:readers?'?|users?'?|your|latest|recent|all) )?comments?\W*"
    r"(?:\(\d+\))?\W*$",
    r"^\W*have your say\W*$",
    r"^\W*(?:rate and comment|(?:user|reader|customer)s?['’]? reviews?)\W*$",
    r"^\W*(?:\d+ )?(?:leser)?kommentare?\W*(?:\(\d+\))?\W*$",
    r"^\W*(?:\d+ )?(?:commentaires?|comentarios?|comentários?|commenti)\W*(?:\(\d+\))?\W*$",
)
_SIGNATURE = _pattern(
    r"\bposted (?:by|on|at)\b",
    r"\breport (?:this )?(?:comment|abuse|post)\b",
    r"\b(?:geschrieben|verfasst) (?:von|am)\b",
    r"\bposté par\b",
    r"\bpublicado por\b",
    r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?|uhr)\b",
    # a commenter's name and how long ago ("Tuzzy5969 7 days ago", names run together)
    r"^[^\s.!?]{1,30}?\s?\d{1,3} (?:seconds?|minutes?|hours?|days?|weeks?|months?|years?) ago$",
)
_THREAD_SIGNATURES = 2
# a comment's own header, which opens a thread whatever follows ("#1 Kommentar von Naru")
_COMMENT_BY = _pattern(
    r"^\W*(?:#\s?\d+\W*)?(?:comment|kommentar|commentaire|comentario|coment[áa]rio|reply|antwort)"
    r" (?:by|from|von|de|par|por)\s+\S[^.!?]{0,40}$",
)


def _is_bar_menu(text: str, links: Links) -> bool:
    """Whether a long block is a menu's links parted by bars ("News: ePaper | Front Page |
    National | ..."): as long as prose, but none. (The bars first: a menu's test on every long
    block would cost more than the rest of the pruning.)"""
    return sum(text.count(bar) for bar in _MENU_BARS) >= MENU_ITEMS and links.is_menu(text)


def _comment_thread(blocks: list[tuple[_Element, str]], first: int) -> int | None:
    """The readers' comments under the story: a label ("Comments", "Have your say") after the
    story's first prose, and from it to the end, when two or more of the blocks after it are
    signed as comments are ("Posted by Ann on January 10, 2008 5:15 PM", "Report this
    comment"). Their words are prose, so the rules for a story's margins do not reach them.
    The index of the label, or None."""
    for index in range(first + 1, len(blocks)):
        text = blocks[index][1]
        if len(text) < 60 and _COMMENT_BY.search(text):
            return index
        if len(text) < 40 and _THREAD_LABEL.search(text):
            rest = blocks[index + 1 :]
            if sum(1 for _, line in rest if _SIGNATURE.search(line)) >= _THREAD_SIGNATURES:
                return index
    return None


def _is_card(title: str, date: str, links: Links) -> bool:
    """Whether two blocks of the story are another story's card: its linked headline, then
    its date alone."""
    return (
        len(title) < SHORT
        and len(date) < HEADER_LINE
        and header_line(date) == "date"
        and not _SENTENCE_END.search(title)
        and not _DATE.search(title)  # a press review's dated line names its source
        and links.share(title) >= LINK_SHARE
    )


def _left_from_end(
    blocks: list[tuple[_Element, str]], body: _Element
) -> Iterator[tuple[_Element, str]]:
    """The blocks with text still in the body (neither they nor their list were removed),
    the last first; read as they are asked for, so that what goes meanwhile is seen gone."""
    for element, text in reversed(blocks):
        if text and _is_left(element, body):
            yield element, text


def _is_left(element: _Element, body: _Element) -> bool:
    return any(ancestor is body for ancestor in element.iterancestors())


def _remove_block(element: _Element) -> None:
    """Remove a block, and its list when it was the list's last item."""
    parent = element.getparent()
    _remove(element)
    if parent is not None and parent.tag == "list" and not len(parent):
        _remove(parent)


_NO_LINKS = Links(HtmlElement())
# A heading that calls on the reader or points elsewhere ("Sign up for our newsletter",
# "Related", "Kommentare") heads a box, not a section of the story.
_BOX_HEADINGS = frozenset({"call", "elsewhere", "notice"})
_CAPTIONS = frozenset({"caption", "credit"})  # a picture's words above the story


def _is_caption(text: str, captions: frozenset[str]) -> bool:
    """Whether a short block is a picture's caption: the whole of one, or the most of it (its
    credit apart). Not on a page of many (a listicle's or a gallery's captions are its text),
    and not a few words, which a subheading and a caption may share."""
    if not MIN_CAPTION <= len(text) < PROSE or len(captions) > MAX_CAPTIONS:
        return False
    return any(text in caption and 2 * len(text) >= len(caption) for caption in captions)


def _under(blocks: list[tuple[_Element, str]], heading: int) -> Iterable[int]:
    """The blocks of the box under a heading: up to the next heading, while they are short and
    speak to the reader or are no sentence (other stories' headlines, the box's pitch, a
    commenter's name and time). A reporter's sentence after the box is the story again."""
    for index in range(heading + 1, len(blocks)):
        element, text = blocks[index]
        if element.tag == "head" or len(text) >= PROSE or (text and not _to_reader(text)):
            return
        yield index


# The label over the author's box: "About the author", "Über die Autorin"
_AUTHOR_LABEL = re.compile(
    r"\W*(?:about the author|über (?:den autor|die autorin)|der autor|die autorin|à propos de "
    r"l['’]auteur|sobre el autor|o autorze|over de auteur)\W*",
    re.IGNORECASE,
)
_AUTHOR_LEAD = re.compile(
    r"\W*(?:about the author|über (?:den autor|die autorin)|zum autor|zur autorin|à propos de "
    r"l['’]auteur|sobre el autor|o autorze|over de auteur)\s*:\s*\w",
    re.IGNORECASE,
)
_NAME_END = re.compile(r"\W|$")


def _full_names(authors: Iterable[str]) -> tuple[str, ...]:
    """The authors' names of two to four words, casefolded: "Redaktion" or "AP" could begin
    any line."""
    names = {" ".join(name.split()).casefold() for name in authors}
    return tuple(name for name in names if 2 <= name.count(" ") + 1 <= 4 and _WORD.match(name))


# an author's box in English: "Annie Downs is a freelance writer in Nashville", "Scott
# Dinsmore is the founder of Live Your Legend", "About the author: ..."
_BIO = re.compile(
    r"(?i:about the author:?\s*)?[A-Z][\w'’-]+(?: [A-Z][\w'’.-]*){1,3},? (?:is|was) (?:a|an|the) "
    r"(?:[\w&'’-]+ ){0,5}(?i:founder|co-founder|writer|journalist|reporter|editor|author|"
    r"correspondent|columnist|contributor|blogger|photographer)\b(?!-)"
    # and in German, French and Spanish: "Ann Schreiber ist Redakteurin im Ressort Politik",
    # "Korrespondent Ulrich Exner ist bei WELT für ...", "Anne Dupont est journaliste"
    r"|(?!(?:Der|Die|Das|Ein|Eine|Frau|Herr|The|An?|El|La|Le|Les|Un|Une)\b)"
    r"[A-ZÄÖÜ][\w'’-]+(?: [A-ZÄÖÜ][\w'’.-]*){1,3},? (?:ist|arbeitet als|schreibt als) "
    r"(?:[\w&'’-]+ )?(?i:(?:chef|fach|sport|wirtschafts|politik|lokal|online|wissenschafts)?"
    r"(?:redakteur|korrespondent|journalist|reporter|kolumnist|autor)(?:in)?|freie[rn]? "
    r"(?:autor|journalist)(?:in)?|ressortleiter(?:in)?|volontär(?:in)?)\b"
    r"|(?:(?i:redakteur|korrespondent|autor|reporter|journalist|kolumnist)(?:in)?) "
    r"[A-ZÄÖÜ][\w'’-]+(?: [A-ZÄÖÜ][\w'’.-]*){1,3} (?:ist bei|ist für|schreibt für|arbeitet für)\b"
    r"|(?!(?:Le|La|Les|Un|Une|El|Los|Las|Un|Una)\b)"
    r"[A-ZÀ-Þ][\w'’-]+(?: [A-ZÀ-Þ][\w'’.-]*){1,3},? (?:est|es) (?:une? )?(?:[\w'’-]+ )?"
    r"(?i:journaliste|rédact(?:eur|rice)|periodista|redactor(?:a)?|corresponsal|"
    r"correspondante?|chroniqueu(?:r|se)|columnista)\b"
)


def _author_box_top(texts: list[str], names: tuple[str, ...]) -> int | None:
    """Which of a text's first blocks (``texts``: all of its blocks') is its author's box, set
    under the byline: one among the first, with no paragraph of prose above it and one below,
    that begins with an author's name and introduces them by a writer's role ("Houston
    Mitchell is an assistant sports editor ...")."""
    for at, text in enumerate(texts[:AUTHOR_BOX] if names else ()):
        if _author_box(text, names) is not None and _BIO.match(text):
            return at if any(len(below) >= PROSE for below in texts[at + 1 :]) else None
        if len(text) >= PROSE:
            break
    return None


def _author_box_ends(ending: list[str], names: tuple[str, ...]) -> set[int]:
    """Which of a text's last blocks (``ending``, the last first) are its author's box: a few
    that begin with an author's name, among the last; a box under its label ("About the
    author"); or a last block that introduces a person by a writer's role, or under the
    label, though it names none of the authors ("About the Author: As the creator of ...")."""
    gone: set[int] = set()
    for at, text in enumerate(ending[:AUTHOR_BOX] if names else ()):
        if _author_box(text, names) is not None:
            gone.add(at)
        elif len(text) >= PROSE:
            break
    left = [at for at in range(len(ending)) if at not in gone]
    for count, at in enumerate(left[: AUTHOR_BOX + 1]):
        if count and _AUTHOR_LABEL.fullmatch(ending[at]):
            box = left[: count + 1]
            if sum(len(ending[at]) for at in box) <= MAX_AUTHOR_BOX + HEADER_LINE:
                gone.update(box)
            break
    last = next((at for at in range(len(ending)) if at not in gone), None)
    if (
        last is not None
        and len(ending[last]) <= MAX_AUTHOR_BOX
        and (_BIO.match(ending[last]) or _AUTHOR_LEAD.match(ending[last]))
    ):
        gone.add(last)
    return gone


def _author_box(text: str, names: tuple[str, ...]) -> str | None:
    """Whether a block at the story's end is its author's box: their name alone, or a few
    lines that begin with it ("Inga Buller ist Head of Social ...", "Anne-Marie Slaughter
    (*1958) war ..."). A name and a colon begins an interview's question."""
    if len(text) > MAX_AUTHOR_BOX:
        return None
    folded = text.casefold()
    for name in names:
        if folded.startswith(name):
            rest = folded[len(name) :]
            if not rest.strip(" ,.") or (_NAME_END.match(rest) and not rest.startswith(":")):
                return "author"
    return None


def _programme(texts: Iterable[str]) -> set[int]:
    """Where runs of dated lines that name something besides the day stand (a concert
    programme, a timeline, a list of reports with their dates): the story's, where a lone
    dateline, or a run of bare timestamps (a forum's), is not."""
    found: set[int] = set()
    for named, run in groupby(enumerate(texts), key=lambda pair: _is_named_date(pair[1])):
        if named and len(indices := [index for index, _ in run]) >= PROGRAMME_LINES:
            found.update(indices)
    return found


def _trim_lines(element: _Element, top: bool, end: bool) -> list[tuple[str, str]]:
    """A block at the story's margins (its first or last paragraph of prose, or one before or
    after them) may hold the margin's lines itself, set apart by line breaks (a dateline above
    the first paragraph, a call to comment under the last): each such line at the block's top
    (before the story) or end (after it) is judged as a block at the margin, by its words alone (a
    linked line in a paragraph names a work or a source the story cites)."""
    kinds: list[tuple[str, str]] = []  # (kind, line)
    # the block's last lines may be a programme: they stay
    lines = [" ".join((child.tail or "").split()) for child in element if child.tag == "lb"]
    end = end and len(lines) - 1 not in _programme(lines)
    while end and len(element) and element[-1].tag == "lb" and not len(element[-1]):
        line = " ".join((element[-1].tail or "").split())
        kind = verdict(line, _NO_LINKS) if line else "empty"
        if kind is None:
            break
        kinds.append((kind, line))
        element.remove(element[-1])
    while top and len(element) and element[0].tag == "lb":
        line = " ".join((element.text or "").split())
        kind = verdict(line, _NO_LINKS) if line else "empty"
        if kind is None and len(line) < HEADER_LINE:
            kind = header_line(line)
        if kind is None:
            break
        kinds.append((kind, line))
        element.text = element[0].tail
        element.remove(element[0])
    return kinds


def _is_link_list(element: _Element, links: Links) -> bool:
    """A list whose every item is a link to another story, wherever it stands: a headline
    (some words long: a listicle's linked names, "Restaurant Tim Raue", are the story's), or a
    kicker and a linked headline ("Kicker: <a>Headline</a>")."""
    return _every_item(element, lambda item: _is_link_item(item, links))


def _is_breadcrumb(element: _Element, links: Links) -> bool:
    """A list above the story that is the trail of the site's sections down to the page
    ("Home", "Local", "Bihar", then the story's own title): each item a link of a few words,
    but the last, the page itself."""
    items = _item_texts(element)
    return len(items) >= CRUMBS and all(
        len(item.split()) <= CRUMB_WORDS and links.is_link(item) for item in items[:-1]
    )


def _is_teaser_list(element: _Element, links: Links) -> bool:
    """A list (after the story) whose every item is another story's linked headline and a line
    of its teaser under it ("<a>Gronk, Serena perform with Laker Girls</a> Gronk may have found
    his true calling"): the teaser keeps the item's share of link text under a link's."""
    return _every_item(element, lambda item: _opens_with_headline(item, links))


def _is_paired_teasers(element: _Element, links: Links) -> bool:
    """A list whose items are other stories' linked headlines, each with its teaser as the
    next item (a ``<dl>`` of ``<dt><a>Headline</a></dt><dd>Summary</dd>``). A teaser is as
    long as prose, so such a list is found before the story's end is (``_after_prose``)."""
    items = _item_texts(element)
    # (the shape first, the links only then: most lists are menus, of short items alone)
    if sum(len(item.split()) >= TEASER_WORDS for item in items) < MIN_LINK_ITEMS or any(
        len(item) >= SHORT or _URL.search(item) for item in items
    ):
        return False
    teasers = 0
    under = False  # the item before was a headline
    for item in items:
        if _is_link_item(item, links) or _opens_with_headline(item, links):
            under = True
        # each teaser a sentence under its headline, with no link of its own ("<a>Story</a>
        # – my comment" is a list of links that the story comments on)
        elif (
            under
            and len(item.split()) >= TEASER_WORDS
            and not links.share(item)
            and not links.begins_with_link(item)
        ):
            teasers += 1
            under = False
        else:
            return False
    return teasers >= MIN_LINK_ITEMS  # (a list of headlines alone is ``_is_link_list``'s)


def _trailing_cards(
    blocks: list[tuple[_Element, str]], prose: list[int], links: Links
) -> list[int]:
    """The last paragraphs of prose (``prose``: indices in ``blocks``) when they are other
    stories' cards: each opens with a linked headline that its teaser follows in the same
    block ("<a>Armenia named most popular spot</a> Armenia has been named ..."); two at least,
    under a story of its own that says much more."""
    cards = []
    for index in reversed(prose[1:]):
        element, text = blocks[index]
        opening = links.opening(text)
        # (a list's items are judged as a list: a reading list of papers, each with its
        # abstract, is the story's)
        if (
            element.tag == "item"
            or len(text[:opening].split()) < HEADLINE_WORDS
            or opening == len(text)  # a link alone, no teaser
        ):
            break
        cards.append(index)
    if len(cards) < MIN_LINK_ITEMS:
        return []
    # a post that is a list of linked works, each with a few words on it, is itself cards
    own = sum(len(blocks[index][1]) for index in prose if index < cards[-1])
    return cards if own >= STORY_OVER_CARDS * sum(len(blocks[index][1]) for index in cards) else []


def _after_prose(
    lists: list[_Element], blocks: list[tuple[_Element, str]], prose: list[int]
) -> list[_Element]:
    """The lists that come after every block of the story's prose (``prose``: their indices
    in ``blocks``, which are in the page's order) but the lists' own items."""
    if not lists:
        return []
    own = {item for element in lists for item in element.iter("item")}
    end = max((index for index in prose if blocks[index][0] not in own), default=None)
    if end is None:
        return []
    at = {element: index for index, (element, _) in enumerate(blocks)}
    return [element for element in lists if at.get(next(element.iter("item")), -1) > end]


def _is_gallery(element: _Element) -> bool:
    """A slideshow's captions set as a list, each after its picture's number ("1/50 ...",
    "2 of 50 ..."): the pictures of a gallery beside the story, whatever their captions say."""
    numbers = [
        _COUNTER.match(" ".join("".join(item.itertext()).split())) for item in element.iter("item")
    ]
    if len(numbers) < GALLERY_ITEMS or not all(numbers):
        return False
    counted = [(int(found[1]), int(found[2])) for found in numbers if found]
    total = counted[0][1]
    # 1/50, 2/50, 3/50...: not a timeline's dates (5/3, 12/3) nor a survey's "3 of 10"
    return [number for number, _ in counted] == list(range(1, len(counted) + 1)) and all(
        of == total and number <= total for number, of in counted
    )


def _item_texts(element: _Element) -> list[str]:
    """The texts of a list's items, whitespace collapsed."""
    return [" ".join("".join(item.itertext()).split()) for item in element.iter("item")]


def _every_item(element: _Element, test: Callable[[str], bool]) -> bool:
    items = _item_texts(element)
    return len(items) >= MIN_LINK_ITEMS and all(
        len(item) < SHORT and not _URL.search(item) and test(item) for item in items
    )


def _opens_with_headline(item: str, links: Links) -> bool:
    opening = links.opening(item)
    return len(item[:opening].split()) >= HEADLINE_WORDS and len(item) - opening <= TEASER_LINE


def _is_link_lines(element: _Element, links: Links) -> bool:
    """A paragraph cut into lines (``<br>``) that is a list of links in all but its markup:
    each line a linked headline, maybe under a label ("Don't miss<br><a>Headline</a> [VIDEO]
    <br><a>Headline</a>"). Judged whole, its labels and marks keep its share of link text
    under a link's."""
    breaks = [child for child in element.iter("lb")]
    if len(breaks) < MIN_LINK_ITEMS - 1:
        return False
    for child in breaks:
        child.text = "\n"  # for a moment: the lines' text with their breaks
    try:
        lines = [" ".join(line.split()) for line in "".join(element.itertext()).splitlines()]
    finally:
        for child in breaks:
            child.text = None
    lines = [line for line in lines if line]
    if lines and verdict(lines[0], _NO_LINKS) == "elsewhere":
        lines = lines[1:]
    return len(lines) >= MIN_LINK_ITEMS and all(
        len(line) < SHORT and not _URL.search(line) and _is_link_item(line, links) for line in lines
    )


def _is_label(element: _Element) -> bool:
    """A short heading right above a box (nothing between them)."""
    text = " ".join("".join(element.itertext()).split())
    return element.tag == "head" and not (element.tail or "").strip() and len(text) < HEADER_LINE


def _is_link_item(item: str, links: Links) -> bool:
    return _is_linked(item, links) or (
        (undated := _undated(item)) != item and bool(undated) and _is_linked(undated, links)
    )


def _undated(item: str) -> str:
    """``item`` without the date or time it ends with: a headline's ("<a>Headline</a> posted
    Mar 15, 2009", "Reuters <a>Headline</a> - 19 mins ago")."""
    for found in _DATE.finditer(item):
        if _is_date_line(item[found.start() :]):
            head = item[: found.start()]
            return head[: _STAMPED.search(head).start()]  # type: ignore[union-attr]
    return item


def _is_linked(item: str, links: Links) -> bool:
    if len(item.split()) >= HEADLINE_WORDS and links.share(item) >= LINK_SHARE:
        return True
    closing = links.closing(item)
    return len(item[len(item) - closing :].split()) >= HEADLINE_WORDS and (
        len(item) - closing <= MAX_KICKER
    )


# what may stand between a headline and its date: "posted", "updated", a dash, a bar
_STAMPED = re.compile(r"[\s|·•,(–—-]*(?:(?i:posted|updated|published)\b[\s:]*)?$")
# Where a publisher's body lost a paragraph break: a sentence's end and the next sentence's
# capital with no space between ("abgesprochen.“Lesen", "podano.Czytaj"; not "U.S.").
_GLUED = re.compile(r"(?<=[a-zß-ÿ0-9][.!?])(?=[A-ZÀ-Þ„])|(?<=[.!?][“”\"»])(?=[A-ZÀ-Þ])")


def prune_text(
    text: str,
    links: Links,
    captions: frozenset[str] = frozenset(),
    authors: Iterable[str] = (),
    headings: Iterable[str] = (),
) -> tuple[str, dict[str, int]]:
    """``prune`` for a text given as lines (a publisher's JSON-LD or feed body): the same
    verdicts, each line a paragraph but the page's ``headings``, the page's pictures'
    ``captions`` and its ``authors``' box at the end. Publishers' bodies carry their embeds'
    placeholders, captions, calls to follow and author's boxes as much as their pages do.
    Paragraphs a body glued together ("...abgesprochen.“Lesen Sie hier: ...") are judged
    apart."""
    lines = [piece for line in text.split("\n") for piece in _GLUED.split(" ".join(line.split()))]
    names = _full_names(authors)
    removed: dict[str, int] = {}
    if (top := _author_box_top(lines, names)) is not None:
        _count(removed, "author", lines.pop(top))
    prose = [index for index, line in enumerate(lines) if len(line) >= PROSE]
    first, last = (prose[0], prose[-1]) if prose else (len(lines), -1)
    kept: list[tuple[int, str]] = []  # (index, line)
    contents = _contents(lines, links)
    cards = {
        at
        for index in range(first + 1, len(lines) - 1)
        if _is_card(lines[index], lines[index + 1], links)
        for at in (index, index + 1)
    }
    heads = {" ".join(heading.split()) for heading in headings}
    for index, line in enumerate(lines):
        margin = index < first or index > last
        tag = "head" if line in heads else "p"  # inside the story, a heading may be a link
        kind = verdict(line, links, tag, margin) if line else None
        if kind is None and index in cards:
            kind = "teaser"
        if kind is None and index in contents:
            kind = "contents"
        if kind is None and captions and _is_caption(line, captions):
            kind = "caption"
        if kind is None:
            kept.append((index, line))
        else:
            _count(removed, kind, line)
    # the author's box: among the last lines left, after the story's first paragraph of prose
    ending = [at for at in reversed(range(len(kept))) if kept[at][0] > first and kept[at][1]]
    ending = ending[:AUTHOR_ENDING]
    boxed = _author_box_ends([kept[at][1] for at in ending], names)
    for at in sorted((ending[at] for at in boxed), reverse=True):
        _count(removed, "author", kept.pop(at)[1])
    return ("\n".join(line for _, line in kept), removed) if removed else (text, removed)


def _contents(lines: list[str], links: Links) -> set[int]:
    """The lines of a table of contents in a body given as lines: a run of lines each opening
    with the text of a link to a place in the page ("Best for Backpackers: ..."; the
    subheadings they point to follow as the story's own lines, alone among prose), and the
    short label above the run."""
    if not links.contents:
        return set()
    found: set[int] = set()
    listed = [any(map(line.startswith, links.contents)) for line in lines]
    for entry, run in groupby(range(len(lines)), key=listed.__getitem__):
        at = list(run)
        if entry and len(at) >= CONTENTS_LINES:
            found.update(at)
            label = lines[at[0] - 1] if at[0] else ""
            if label and len(label) < CONTENTS_LABEL and not _CLOSED.search(label):
                found.add(at[0] - 1)
    return found


def without_restated(
    text: str,
    headings: Iterable[str] = (),
    set_apart: Iterable[str] = (),
    captions: Iterable[str] = (),
) -> str:
    """The text without its blocks that another, longer block of it says again: a teaser or a
    summary above the paragraph it sums up, a pull quote, a caption in the story's words. Their
    words stay, where a block says them whole. A caption that says a paragraph again with a few
    words of its own (a kicker, "pictured in 2016") goes, not the paragraph. Left as they are:
    blocks as long as each other (a paragraph printed twice, rows alike), list items (a fact box
    that sums the story up), rows of tables, figures or code, the ``headings`` (a subheading in
    the words of the paragraph it heads), and a block with words of its own (an answer of its
    own to the same question, a figure corrected). A teaser or a summary stands above what it
    sums up; below it, only a block ``set_apart`` from the story (a quote's, a caption's) or in
    quotation marks says it again: a plain paragraph there goes on with the story (a statement
    quoted whole, then given paragraph by paragraph; a step of a recipe; a definition made
    exact)."""
    lines = text.split("\n")
    if len(lines) < 2:
        return text
    kept = {" ".join(heading.split()) for heading in headings}
    apart = {" ".join(block.split()) for block in set_apart}
    pictured = {" ".join(caption.split()) for caption in captions}
    pairs: list[frozenset[tuple[str, str]]] = []
    lengths: list[int] = []
    vocabularies: list[set[str]] = []
    owners: dict[tuple[str, str], list[int]] = {}
    for index, line in enumerate(lines):
        said = words(line)
        prose = (
            len(said) >= RESTATED_WORDS
            and sum(map(str.isalpha, said)) >= RESTATED_LETTERS * len(said)
            and not line.startswith(("|", "- "))  # a table's row, a list's item (a fact box)
            and not _CELLS.search(line)
            and " ".join(line.split()) not in kept
        )
        found = frozenset(pairwise(said)) if prose else frozenset()
        pairs.append(found)
        lengths.append(len(said))
        vocabularies.append(set(said))
        for pair in found:
            owners.setdefault(pair, []).append(index)
    # A block that shares the share with another shares with it at least one of any
    # len - ceil(share * len) + 1 of its pairs: only those are looked up, its rarest (a pair
    # in most paragraphs, "of the", would make every block a candidate of every other).
    # Only a block most of whose pairs are in other blocks can be the shorter of two alike;
    # the test below asks no more of the longer.
    alike: set[tuple[int, int]] = set()
    for index, found in enumerate(pairs):
        if sum(len(owners[pair]) > 1 for pair in found) < RESTATED_SHARE * len(found):
            continue
        some = len(found) - ceil(RESTATED_SHARE * len(found)) + 1
        for pair in sorted(found, key=lambda pair: len(owners[pair]))[:some]:
            if len(owners[pair]) > RESTATED_OWNERS:
                break  # and the rest, commoner still: rows of a template, not a restatement
            alike.update((min(index, o), max(index, o)) for o in owners[pair] if o != index)
    removed: dict[int, None] = {}
    saying: set[int] = set()  # the blocks that say a removed one whole: they stay
    for first, second in sorted(alike):
        if first in removed or second in removed:
            continue
        if lengths[first] == lengths[second]:
            continue  # printed twice, or rows of a table: not a summary of the other
        shorter, longer = (first, second) if lengths[first] < lengths[second] else (second, first)
        caption = _is_caption_of(lines[longer], lines[shorter], pictured, apart)
        if shorter > longer and not caption and not _is_set_apart(lines[shorter], apart):
            continue
        if len(pairs[first] & pairs[second]) >= RESTATED_SHARE * len(pairs[shorter]):
            own = vocabularies[shorter] - vocabularies[longer]
            # a caption that says a paragraph again goes, not the paragraph
            going, staying = (longer, shorter) if caption else (shorter, longer)
            if (
                going not in saying
                and len(own) <= RESTATED_NEW * len(vocabularies[shorter])
                and not any(w.isdigit() for w in own)
            ):
                removed[going] = None
                saying.add(staying)
    if not removed:
        return text
    for index in sorted(removed):
        _count({}, "restated", lines[index])
    return "\n".join(line for index, line in enumerate(lines) if index not in removed)


def _is_caption_of(caption: str, paragraph: str, pictured: set[str], apart: set[str]) -> bool:
    """Whether ``caption`` is one of the page's pictures' captions (``pictured``) that says
    the story's ``paragraph`` (not a quote's or a caption's line) again with a few words of
    its own ("Tragedy: ... (pictured in 2016)"). A pull quote that says more keeps its words."""
    return (
        " ".join(caption.split()) in pictured
        and not _is_set_apart(paragraph, apart)
        and len(caption) <= 2 * len(paragraph)
    )


def _is_set_apart(line: str, apart: set[str]) -> bool:
    """A quote's line, a caption, or a block in quotation marks from end to end (not a
    paragraph that opens with someone's words and goes on: “...,” she said)."""
    line = line.strip()
    quoted = line[:1] in _QUOTE_MARKS and line.rstrip(".,;:!?… ")[-1:] in _QUOTE_MARKS
    return quoted or " ".join(line.split()) in apart


def without_blanks(text: str) -> str:
    """The text without its lines of blanks and the blanks that end a line: what is left of
    a source's indent between line breaks (``Spass<br/>\\n      <br/>``), an empty cell, a
    paragraph of no-break spaces. A line's leading blanks stay: they may be code's indent."""
    return "\n".join(line.rstrip() for line in text.split("\n") if line.strip())


# A line said this many times in a row is a label repeated for each hidden slide or card
# ("From the campaign trail" for each of a gallery's 177 pictures), not the story's; a chant
# quoted three times ("We love you Arsenal, we do.") is.
REPEATS = 4
_LETTERS = re.compile(r"[^\W\d_]{2}")


def without_runs(text: str) -> str:
    """The text without runs of one line of words said again and again, all of the run: a
    story does not say a line four times in a row (a doubled line is judged elsewhere, and
    a code sample's closing braces are no words)."""
    lines = text.split("\n")
    kept: list[str] = []
    for _, run in groupby(lines, key=str.strip):
        block = list(run)
        if len(block) < REPEATS or len(block[0].split()) < 2 or not _LETTERS.search(block[0]):
            kept.extend(block)
    return "\n".join(kept)


def _count(removed: dict[str, int], kind: str, text: str) -> None:
    """Count a removed block by its kind; ``bench.removals`` reads each one's text here."""
    removed[kind] = removed.get(kind, 0) + 1


def _blocks(body: _Element) -> Iterable[_Element]:
    for element in body.iter(_BLOCKS):
        # a paragraph inside a list item or a quote is judged with its container
        parent = element.getparent()
        if parent is not None and parent is not body and parent.tag in _BLOCKS:
            continue
        yield element


def _remove(element: _Element) -> None:
    """Remove an element, keeping its tail text in place."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    if tail and tail.strip():
        previous = element.getprevious()
        if previous is not None:
            previous.tail = _joined(previous.tail, tail)
        else:
            parent.text = _joined(parent.text, tail)
    parent.remove(element)


def _joined(before: str | None, after: str) -> str:
    """Two texts the removed block stood between, still apart: on lines of their own."""
    if not before or not before.strip():
        return (before or "") + after
    return before.rstrip() + "\n" + after.lstrip()
