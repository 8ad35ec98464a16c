"""Cleaner text than trafilatura's: boilerplate blocks go, the lead set apart stays.

The rules (``crawler.extraction.boilerplate``, ``crawler.extraction.lead``) are checked on
their own, then on a whole page through the extractor the workers run.
"""

from __future__ import annotations

import re

import pytest
from lxml import etree
from lxml.html import fromstring
from trafilatura.xml import xmltotxt

from crawler.extraction import boilerplate as rules
from crawler.extraction.assemble import without_headline
from crawler.extraction.boilerplate import (
    Links,
    header_line,
    prune,
    prune_text,
    unwrap_layout,
    verdict,
    without_blanks,
    without_restated,
    without_runs,
)
from crawler.extraction.evidence import HeadTags
from crawler.extraction.extract import ArticleExtractor
from crawler.extraction.lead import find_lead, named_leads, prepend_lead, standfirst_of

STORY = (
    "The harbour board voted on Tuesday to rebuild the northern quay, a project that will take "
    "three years and close part of the ferry terminal while the work goes on. "
)
LEAD = (
    "The northern quay will be rebuilt over three years, the harbour board decided, and "
    "ferries will use a temporary pier in the meantime."
)


def links_of(*anchors: str) -> Links:
    return Links(fromstring("<div>" + "".join(f"<a href='/x'>{a}</a>" for a in anchors) + "</div>"))


def test_lines_that_send_the_reader_elsewhere_are_boilerplate() -> None:
    none = links_of()
    assert verdict("Also Read: Council approves the budget for the quay", none) == "elsewhere"
    # a box of another story set inline: its label, headline, byline and teaser, no sentence
    # closing it; a paragraph that begins with the label and goes on as prose stays
    box = ("Noticia relacionada estandar No Seis mujeres de Granada denuncian a su antiguo "
           "profesor de teatro Guillermo Ortega Los hechos habrían ocurrido entre 2004 y 2019 "
           "y un juzgado ha abierto diligencias, aunque el denunciado aún no consta")  # fmt: skip
    assert 160 < len(box) < 300 and verdict(box, none) == "elsewhere"
    prose = ("RELATED: The endorsed candidates did not fare very well. Aside from the "
             "incumbents, who were in no danger of being unseated, most of the roster went "
             "down in flames, and the group said nothing about it on Wednesday.")  # fmt: skip
    assert 160 < len(prose) < 300 and verdict(prose, none) is None
    assert verdict("Read also: Council approves the budget", none) == "elsewhere"
    assert verdict("Lesen Sie hier: Spielabbruch in der Kreisliga", none) == "elsewhere"
    assert verdict("À lire aussi » Quel est votre profil digestif ?", none) == "elsewhere"
    assert verdict("NOTAS RELACIONADAS", none) == "elsewhere"
    assert verdict("Das könnte Dich auch interessieren: Fackellauf gestartet", none) == "elsewhere"
    assert verdict("O conhecimento liberta. Saiba mais. Siga-nos no Telegram.", none) == "call"
    assert verdict("Related to the vote, the mayor said nothing.", none) is None


def test_calls_credits_labels_and_datelines_are_boilerplate() -> None:
    none = links_of()
    assert verdict("Subscribe now to our e-paper edition for the full story.", none) == "call"
    assert verdict("Follow The Gazette on Twitter and Instagram", none) == "call"
    assert verdict("We pay for your stories! Got a story for us?", none) == "call"
    # a call inside quotation marks is someone's words
    said = 'The families said: "They were working to support us and their children.'
    assert verdict(said, none) is None
    assert verdict('"Great story!" Please support us and donate today.', none) == "call"
    assert verdict('Win a 65" TV! Please support us and donate today.', none) == "call"
    assert verdict("© Oli Scarff/Getty Images", none) == "credit"
    assert verdict("Fot. Lukasz Nowaczyk / Agencja Gazeta", none) == "credit"
    assert verdict("Kategorie: News", none) == "label"
    assert verdict("Filed under: Harbour, Ferries", none) == "label"
    for label in ("- More about:", "Tagged with: ferries, harbour, quay", "More on these topics:"):
        assert verdict(label, none) == "label", label
    assert verdict("More about the quay was said on Monday.", none) is None
    assert verdict("Bildnachweis: Harbour Gazette", none) == "credit"
    assert verdict("Photo credit: Ann Writer", none) == "credit"
    assert verdict("Crédits photos : Bestimage", none) == "credit"
    assert verdict("Créditos fotos: Ann Writer", none) == "credit"
    assert verdict("Artikel teilen", none) == "control"
    assert verdict("Facebook Twitter WhatsApp E-Mail", none) == "call"
    assert verdict("Tweet | Share | E-Mail", none) == "call"
    warning = ("Warning: Use of undefined constant comments - assumed 'comments' in "
               "/htdocs/wp-content/themes/harbour/single.php on line 41")  # fmt: skip
    assert verdict(warning, none) == "error"
    assert verdict("Warning: the quay in /harbour/north is closed.", none) is None
    assert verdict(warning.replace("comments'", "comments' " + "x" * 300), none) == "error"
    assert verdict(warning + " " + STORY * 3, none) is None  # a report and then a story
    for sentence in ("The book, © 2019 by Penguin, sold two million copies.",
                     "Photo credits were later disputed by the agency.",
                     "Bildquellen zufolge begann das Feuer im Keller.",
                     "Filed under pressure, the report was incomplete."):  # fmt: skip
        assert verdict(sentence, none, margin=False) is None
    assert verdict("24. März 2004, 19:49 | Genesis", none) == "date"
    assert verdict("Von Anna Schreiber und Bob Reporter", none) == "byline"
    assert verdict("Written by: Ann Writer", none) == "byline"
    # a sentence that begins like a byline, and any line inside the story, stay
    assert verdict("Von Montag an gilt der neue Fahrplan.", none) is None
    assert verdict("By Ann Writer", none, margin=False) is None
    # a dateline inside the story, and an event's date with its label, are the story's
    assert verdict("24. März 2004, 19:49 | Genesis", none, margin=False) is None
    assert verdict("Termin: 29.02.2020, 19 Uhr", none) is None
    # dates as English, Spanish and relative datelines write them; the page's own date label
    for dateline in ("Published on Feb. 2, 2022 at 9:30 a.m.", "Wednesday, February 2, 2022",
                     "Publicado el 2 de mayo de 2022", "3 hours ago", "Datum: 02.02.2022"):  # fmt: skip
        assert verdict(dateline, none) == "date", dateline
    assert verdict("Dann kam der 11. September 2001.", none) is None


def test_a_blogs_and_a_shops_widgets_go_at_the_margins_in_the_languages_of_the_web() -> None:
    none = links_of()
    for control in ("Post navigation", "Beitragsnavigation", "Navegación de entradas",
                    "Recent Comments", "Letzte Beiträge", "Archives", "Meta", "Entries feed",
                    "Search for:", "Compartir esto:", "Correlati", "Add to cart",
                    "In den Warenkorb", "Auf Lager", "Accept all cookies", "Reject all",
                    "Termin vereinbaren", "Partager cet article", "Deja tu comentario",
                    "Condividi su Facebook", "Deel dit artikel", "Fehler melden"):  # fmt: skip
        assert verdict(control, none) == "control", control
        assert verdict(control, none, margin=False) is None, control  # a subheading, inside
    assert verdict("Kategorien: Allgemein", none) == "label"
    for form in ("Enter your comment here...", "Gib hier deinen Kommentar ein …",
                 "Fill in your details below or click an icon to log in:",
                 "Du kommentierst mit deinem WordPress.com-Konto.",
                 "Benachrichtige mich über nachfolgende Kommentare via E-Mail.",
                 "Mit der Nutzung dieses Formulars erklärst du dich mit der Speicherung und "
                 "Verarbeitung deiner Daten durch diese Website einverstanden.",
                 "Laisser un commentaire Annuler la réponse"):  # fmt: skip
        assert verdict(form, none) == "call", form
    assert verdict("Ihr Browser unterstützt kein HTML5 Video.", none) == "notice"
    for label in ("Lo más leído", "I più letti", "Najczęściej czytane", "Meest gelezen"):
        assert verdict(label, none) == "elsewhere", label
    for call in ("Connectez-vous pour commenter", "Déjà abonné ? Se connecter",
                 "Schrijf je in voor de nieuwsbrief", "Hören Sie hier den Artikel"):  # fmt: skip
        assert verdict(call, none) == "call", call
    assert verdict("Audio: 3 Min.", none) == verdict("Video 2:14", none) == "label"
    for line in ("Przeczytaj również", "Te recomendamos", "À lire également", "Najnowsze",
                 "Komentarze (3)", "Data publikacji: 12.03.2020", "Publicado por Juan Pérez",
                 "Artykuł sponsorowany", "Zdjęcie ilustracyjne"):  # fmt: skip
        assert verdict(line, none) is not None, line
    assert verdict("Więcej pieniędzy dla szpitali", none) is None
    for line in ("Springe zum Inhalt", "Teile diesen Beitrag", "Das könnte Ihnen auch gefallen",
                 "Letzte Aktualisierung: 12.03.2020", "Von: Max Muster", "Warenkorb",
                 "In Zusammenarbeit mit"):  # fmt: skip
        assert verdict(line, none) is not None, line
    assert verdict("In Zusammenarbeit mit der Stadt wurde der Hafen gebaut.", none) is None
    for line in ("Link copied", "Top Stories", "About Us", "Partner Content", "Post Comment",
                 "Be the first to comment", "Tagged: harbour", "Written by Ann Writer"):  # fmt: skip
        assert verdict(line, none) is not None, line
    for line in ("Aller au contenu", "Política de privacidad", "Ultime notizie", "Carregar mais",
                 "Przejdź do treści"):  # fmt: skip
        assert verdict(line, none) == "control", line
    for sentence in ("Tagged as a smuggler, he fled.", "Written by hand, the note said"):
        assert verdict(sentence, none) is None, sentence


def test_the_comment_box_the_newsroom_and_the_paywall_speak_to_the_reader() -> None:
    none = links_of()
    for call in ("Join our commenting forum",
                 "Du musst dich EINLOGGEN um einen Kommentar abzugeben.",
                 "Log in or create an account to continue",
                 "Got a story? Get in touch with our news team by emailing us at news@gazette.example.",
                 "Please read our Comment Policy before commenting.",
                 "Leave a Reply",
                 "Your email address will not be published. Required fields are marked *",
                 "11 Antworten zu „Kolumne: Lost, aber immer noch da“",
                 "Fehler gefunden? Jetzt melden.",
                 "Hat Ihnen dieser Artikel gefallen? Dann teilen Sie ihn.",
                 "Follow Gazette.example on Twitter and Facebook for the latest news updates.",
                 "Il vous reste 57% de cet article à lire. La suite est réservée aux abonnés.",
                 "Comments that stray from the story may be removed. Profanity, personal attacks "
                 "and spam will not be tolerated.",
                 "If you have trouble leaving a comment, review this help page.",
                 "Please include a contact number if you are willing to speak to a Gazette "
                 "journalist.",
                 "Were you there? Share your pictures with us by emailing news@gazette.example.",
                 "To print this article, all you need is to be registered on gazette.example.",
                 "Ann Writer: 916-321-1636, @AnnWriter"):  # fmt: skip
        assert verdict(call, none) == "call", call
    for label in ("Most read in Football", "More from The Gazette", "Up Next", "Next Page",
                  "Ähnliche Artikel", "For more stories like this, check our news page."):  # fmt: skip
        assert verdict(label, none) == "elsewhere", label
    assert verdict("Lesedauer: 4 Minuten", none) == "label"
    assert verdict("3 Minuten Lesezeit", none) == "label"
    assert verdict("Durchschnittliche Bewertung: 0,0", none) == "label"
    assert verdict("2 Wochen kostenlos testen", none) == "call"
    assert verdict("Unabhängiger Journalismus braucht deine Unterstützung.", none) == "call"
    assert verdict("Crowds wait near the harbour to see the ferry (Picture: PA)", none) == "credit"
    assert verdict("Die Fähre am Kai. (Foto: Getty)", none) == "credit"
    assert verdict("NOEL CELIS/AFP via Getty Images", none) == "credit"
    assert verdict("Die Fähre am Kai in Kiel. Foto: Max Muster", none) == "credit"
    logo = "The harbour's logo is seen in this illustration taken May 3. REUTERS/Dado Ruvic"
    assert verdict(logo, none) == "credit"
    # an agency's caption is long, its credit at its end all the same
    caption = (
        "The harbour master, second from left, watches the ferry Nordlicht dock at the new quay "
        "during the opening ceremony in Kiel, Germany, on Tuesday, March 21, 2017, after three "
        "years of building work that cost the city more than it had planned, as the mayor told "
        "the crowd in her speech. (AP Photo/Jo Bloggs)"
    )
    assert len(caption) > 300 and verdict(caption, none) == "credit"
    # inside the story, a long paragraph whose picture's credit is typed in stays
    assert verdict(caption, none, margin=False) is None
    blog = caption.replace("(AP Photo/Jo Bloggs)", "(photo by my husband)")
    assert verdict(blog[-150:], none) is None
    assert verdict("The quay at dawn. Photo credit/Harbour Office", none) == "credit"
    assert verdict("Das zeigt das Bild: ein Mann am Kai.", none) is None
    assert verdict("Фото: Дмитрий Азаров", none) == "credit"
    assert verdict("Article content", none) == "label"
    disclaimer = "Gastbeiträge müssen nicht der Meinung der Redaktion entsprechen."
    assert verdict(disclaimer, none) == "label"
    assert verdict("The views expressed are those of the author alone.", none) == "label"
    assert verdict("Our Standards: The Thomson Reuters Trust Principles.", none) == "label"
    assert verdict("This article originally appeared on VICE US.", none) == "label"
    assert verdict("Comments", none) == "call"
    assert verdict("___", none) == verdict("* * *", none) == "empty"
    assert verdict("2024", none) is None
    assert (
        verdict("+++dropcap", none) == verdict('{: legacyType="feature-small"}', none) == "markup"
    )
    shortcode = '[button link="https://gazette.example/send/" type="big"]Send us yours[/button]'
    assert verdict(shortcode, none) == "markup"
    assert (
        verdict("{* #registrationForm *}", none) == verdict("{{ article.title }}", none) == "markup"
    )
    for notice in ("The Gazette is not responsible for the content of external internet sites",
                   "| External sites open in new window; not endorsed by gazette.example |",
                   "All external sites will open in a new browser.",
                   "We and our partners use cookies on this site to improve our service.",
                   "Ways in which we use your data for advertising purposes",
                   "Information storage and access", "Ad selection, delivery, reporting",
                   "Since you’re here …",
                   "... we have a small favour to ask. More people are reading the Gazette."):  # fmt: skip
        assert verdict(notice, none) == "notice", notice
    purpose = (
        "The collection of information, and combination with previously collected "
        "information, to select and deliver advertisements for you, and to measure the "
        "delivery and effectiveness of such advertisements. "
    ) * 3 + "This includes using"
    assert 600 < len(purpose) < 800 and verdict(purpose, none) == "notice"
    assert verdict("Article licensing and reprint options", none) == "control"
    assert verdict('[caption id="attachment_7" width="600"] Image via CBS[/caption]', none) == (
        "markup"
    )
    credits = "Photograph by Ann Writer/Agency. Portrait illustration by Jo Bloggs."
    assert verdict(credits, none) == "credit"
    assert verdict("Photos by Ann Writer & Jan de Vries", none) == "credit"
    assert verdict("The new harbour master on the quay (Pic: PA)", none) == "credit"
    assert verdict("Photographs by her father were shown at the gallery in 2010.", none) is None
    # the same words in a story's sentences and lists stay
    for sentence in ("More from the statement:", "Duke Energy: 800-769-3766",
                     "Personal attacks are not allowed under the new code of conduct.",
                     "Déjà abonné, il a renouvelé son contrat.",
                     "To print this article, the newspaper needed three presses.",
                     "Hören Sie diesen Beitrag an, wenn Sie Zeit haben.",
                     "Dein Browser unterstützt das Video-Format HEVC nicht, heißt es dann.",
                     "The company is not responsible for the content of external sites, the "
                     "court ruled.", "The ministry said it does not endorse external websites.",
                     "Anyone with information is asked to get in touch with the Major Crime Team "
                     "by calling 101."):  # fmt: skip
        assert verdict(sentence, none) is None, sentence
    # a story's own words on the same things
    assert verdict("Personal attacks will not be tolerated in the council, the mayor said.",
                   none) is None  # fmt: skip
    assert verdict("He said [the mayor] was late [sic], and left [the quay].", none) is None
    assert verdict("Sendung: hr-INFO, 25.04.2024, 10.45 Uhr", none) == "label"
    # the story may speak of the same things
    for sentence in ("The commenting period for the harbour plan ends in May.",
                     "Readers of the Gazette got in touch in their hundreds.",
                     "Most read books of the year were about the sea, the library said.",
                     "More from the council's budget will be cut next year.",
                     "Support for the plan fell to 41%, a Reuters/Ipsos poll showed.",
                     "The footage was obtained via Reuters.",
                     "Die Redaktion bat das Ministerium um einen Kommentar.",
                     "He paused before commenting on the verdict.",
                     "He tried to get in touch with the rescue team but failed.",
                     "In den Testzentren kann man sich weiterhin kostenlos testen lassen.",
                     "Il vous reste 10 jours pour déposer votre déclaration.",
                     "Cette réduction est réservée aux abonnés du réseau Navigo.",
                     "300 responses came in within the first hour.",
                     "Noch keine Kommentare gab es vom Kanzleramt.",
                     "Fehler gefunden hat die Prüfkommission nicht.",
                     "Reading time for children has fallen by a third.",
                     "First published in 1925, The Great Gatsby sold poorly.",
                     "The poll does not necessarily reflect the views of all voters, he said.",
                     "Ähnliche Artikel hatte die Zeitung schon 2019 veröffentlicht.",
                     "Mehr Nachrichten von der Front erreichen die Redaktion nicht.",
                     "Le site utilise des cookies publicitaires sans consentement, a estimé la CNIL.",
                     "Der Beitrag des Kollegen erschien zuerst auf Instagram, wo er viral ging.",
                     "Die Lesedauer der Akten betrug drei Wochen.",
                     "The ferry (photo on page 3) was late."):  # fmt: skip
        assert verdict(sentence, none, margin=False) is None, sentence


def test_placeholders_of_embeds_and_scripts_are_boilerplate_however_long() -> None:
    none = links_of()
    consent = ("Ich bin damit einverstanden, dass mir der externe Inhalt angezeigt wird. Damit "
               "können personenbezogene Daten an Drittplattformen übermittelt werden. "
               "Mehr dazu in unserer Datenschutzerklärung, die Sie jederzeit widerrufen können, "
               "auch über die Einstellungen am Ende jeder Seite unseres Angebots, sooft Sie möchten.")  # fmt: skip
    assert len(consent) > 300
    assert verdict(consent, none) == "notice"
    assert verdict("Externer Inhalt nicht verfügbar", none) == "notice"
    assert verdict("To view this video please enable JavaScript, and consider upgrading to a web",
                   none) == "notice"  # fmt: skip
    assert verdict("Diese Website nutzt Cookies, um Ihnen das beste Erlebnis zu bieten.", none) == (
        "notice"
    )
    assert verdict("Privacy & Cookies: This site uses cookies.", none) == "notice"
    footer = "The post Quay to be rebuilt over three years appeared first on The Gazette."
    assert verdict(footer, none) == "notice"
    assert verdict("The council asked residents to accept the new parking rules.", none) is None
    assert verdict("Externe Inhalte prüft die Redaktion vor jeder Veröffentlichung.", none) is None


def test_a_reporters_sentence_in_the_words_of_a_call_or_a_label_stays() -> None:
    """Words that calls, labels and credits use begin and fill a report's sentences too: a
    call speaks to the reader ("Sie", "you", "our") or is no sentence; a label has its colon."""
    none = links_of()
    for line in ("Der Bürgermeister kündigte die Pläne im Newsletter der Stadt an.",
                 "The town hall sent a newsletter to all residents on Monday.",
                 "Fewer households subscribe to cable every year.",
                 "About 1,000 people sign up every month.",
                 "More than 100 million users follow him on Instagram.",
                 "Sky conta 4 milioni di abbonati.", "Das Deutschlandticket gibt es nur im Abo.",
                 "Der Verlag stellt das E-Paper der Zeitung zum Jahresende ein.",
                 "In den Kommentaren unter dem Video häuften sich Beleidigungen.",
                 "Weitere Informationen lagen zunächst nicht vor.",
                 "Mehr dazu wollte der Sprecher nicht sagen.",
                 "Weitere Themen der Sitzung waren der Haushalt und die Schulen.",
                 "Tags darauf wurde der Mann festgenommen.",
                 "Veröffentlicht wurde die Studie im Fachblatt Nature.",
                 "Category 4 hurricanes are rare in May.",
                 "Werbung für Zigaretten ist seit 2022 verboten.", "Anzeige gegen den Bürgermeister",
                 "Zurück zur Normalität", "Copyright law was not designed for AI.",
                 "Das Foto wurde zum Symbolbild der Flüchtlingskrise.",
                 "\"Join us in the fight,\" the union leader said.",
                 "► Die Polizei ermittelt wegen fahrlässiger Tötung.",
                 "Die Lottozahlen vom Samstag (ohne Gewähr): 4, 9, 17, 22, 31, 45",
                 "Das E-Auto wird geladen, wenn der Strom billig ist."):  # fmt: skip
        assert verdict(line, none, margin=False) is None, line
    # a result or an event's hours is no dateline, a subheading no credit line, at the
    # story's edges too
    for line in ("Kiel – Flensburg 31:28", "1. Eliud Kipchoge (KEN) 2:03:00",
                 "Translation Matters", "Grafik Zeigt Anstieg", "Einlass ab 18:30 Uhr",
                 "Beginn 19:30 Uhr", "Nächste Sitzung: 12. Juni 2024", "Mo.–Fr. 9:00–18:00 Uhr",
                 "Ab 1. Juli 2024", "Von Juli Zeh, Luchterhand, 24 Euro", "By The Numbers",
                 "By Sally Rooney. Faber, £18.99"):  # fmt: skip
        assert verdict(line, none) is None, line
    # and the calls and labels themselves still go
    for line, kind in (("Abonnieren Sie jetzt unseren Newsletter!", "call"),
                       ("PC Gamer Newsletter", "call"), ("Newsletter", "call"),
                       ("Follow Steph on Twitter @imjustasteph.", "call"),
                       ("Sie suchen einen Kredit? Unser Vergleich zeigt die Konditionen.", None),
                       (">> Sie suchen einen Kredit? Unser Vergleich zeigt die Konditionen.",
                        "elsewhere"), ("» Mehr dazu", "elsewhere"),
                       ("Weitere Infos gibt's unter example.com.", "elsewhere"),
                       ("Mehr zum Thema Gesundheit:", "elsewhere"),
                       ("*Werbung. Dieser Beitrag enthält Werbung für eine Marke.", "label"),
                       ("WERBUNG für ein Shampoo", "label"), ("Veröffentlichung: 04.02.2022", "label"),
                       ("Polizeiauto (Symbolbild: Ann Writer/Stock)", "credit"),
                       ("Pressekontakt:", "control"), ("Tweet", "call")):  # fmt: skip
        assert verdict(line, none, margin=False) == kind, line
    for dateline in ("Erstellt am: 01.11.2023", "Published on: 2 May 2022", "April 21, 2022"):
        assert verdict(dateline, none) == "date", dateline
    assert verdict("Kontakt", none, margin=False) is None  # a fact box's heading inside
    assert verdict("Kontakt", none) == "control"


# The labels and calls of modern news pages in the words each site uses, found among the lines
# that a corpus's gold leaves unmarked (docs/extraction.md): (line, kind; None: any kind).
# Judged inside the story: they go wherever they stand.
SITES_WORDS = [
    ("Lies auch: Der Hafen wird neu gebaut", "elsewhere"),
    ("Diese Artikel könnten Sie auch interessieren", "elsewhere"),
    ("Mehr zu diesem Thema", "elsewhere"),
    ("Weitere Videos", "elsewhere"),
    ("Empfehlungen der Redaktion", "elsewhere"),
    ("Am meisten gelesen", "elsewhere"),
    ("Zur Autorenseite", "elsewhere"),
    ("Mehr von dieser Autorin", "elsewhere"),
    ("View all posts by Ann Writer", "elsewhere"),
    ("More by this author", "elsewhere"),
    ("From around the web", "elsewhere"),
    ("Promoted Stories", "elsewhere"),
    ("Recommended reading", "elsewhere"),
    ("También te puede interesar", "elsewhere"),
    ("Vous aimerez aussi :", "elsewhere"),
    ("Siguiente noticia", "elsewhere"),
    ("Następny artykuł", "elsewhere"),
    ("Jump to comments", "control"),
    ("Did you find this article helpful?", "control"),
    ("Sie befinden sich hier:", "control"),
    ("Zur Bildergalerie", "control"),
    ("Editors' Picks", "control"),
    ("Teilen Sie diesen Beitrag", "control"),
    ("Jetzt teilen", "call"),
    ("Schreiben Sie einen Kommentar", "call"),
    ("Found a typo?", "call"),
    ("Haben Sie einen Fehler entdeckt?", "call"),
    ("Have a news tip? Email newsroom@gazette.example", "call"),
    ("Get the latest headlines delivered to your inbox.", "call"),
    ("Verpassen Sie keine Nachrichten mehr aus Ihrer Region!", "call"),
    ("Recibe nuestro boletín", "call"),
    ("This article is for subscribers only.", "call"),
    ("Sieh dir diesen Beitrag auf Instagram an", "notice"),
    ("View this post on Instagram", "notice"),
    ("A post shared by Ann Writer (@annwriter)", "notice"),
    ("mit * gekennzeichnete Felder bitte ausfüllen", "notice"),
    ("Daten werden verarbeitet", "notice"),
    ("E-Mail AdresseBitte geben Sie Ihre E-Mail-Adresse ein!", "notice"),
    ("Es gibt kein Recht auf Veröffentlichung.", "notice"),
    ("Zitiervorschlag:", "notice"),
    ("Cite this article", "notice"),
    ("abschicken", "control"),
    ("Alle 17 Schritte anzeigen", "control"),
    ("Join now or renew to get:", "call"),
    ("Beachten Sie, dass die Redaktion Kommentare entfernen kann und wird.", "call"),
    ("Cet article, initialement publié en avril 2017, a été mis à jour.", "label"),
    ("For more on learning Japanese", "elsewhere"),
    ("Sie möchten gerne weiterlesen?", "call"),
    ("Registrieren Sie sich jetzt kostenlos:", "call"),
    ("Dieser Artikel ist wichtig! Sichere diesen Journalismus!", "call"),
    ("Helfen Sie mit, unseren Journalismus auch in Zukunft möglich zu machen!", "call"),
    ("Ahora para comentar debés tener Acceso Digital.", "call"),
    ("Ingresá o suscribite", "call"),
    ("Wir freuen uns auf Ihr Feedback!", "call"),
    ("We welcome your feedback.", "call"),
    ("Ende der weiteren Informationen", "notice"),
    ("Switch zum Einwilligen bzw. Ablehnen des Dienstes Matomo", "notice"),
    ("Otras noticias de Cámara de Diputados", "elsewhere"),
    ("Meist gelesen", "elsewhere"),
    ("Dieser Beitrag ist am 1. Juni 2017 in der Wochenzeitung erschienen.", "label"),
    ("This article is more than 2 years old", None),
    ("Dieser Artikel ist älter als ein Jahr.", None),
    ("A version of this article appears in print on May 3, 2022, Section A, Page 1.", None),
    ("We've noticed that you're using an ad blocker.", None),
    ("Bitte deaktivieren Sie Ihren Adblocker.", None),
    ("You have reached your limit of free articles.", None),
    ("Um diesen Inhalt zu sehen, müssen Sie der Verwendung von Cookies zustimmen.", None),
    ("Externer Inhalt", None),
    ("Dieser Artikel ist nur für Abonnenten", None),
    ("As an Amazon Associate I earn from qualifying purchases.", None),
    ("Reuse this content", None),
    ("Listen to this article · 5:01 min Learn more", None),
    ("Jetzt weiterlesen mit Z+", None),
    ("Bereits Abonnent? Hier anmelden", None),
    ("Zum Thema:", None),
    ("Abstimmen", None),
    ("Ergebnisse anzeigen", None),
    ("Das Video konnte nicht abgespielt werden.", None),
    ("Zum Dossier", None),
    ("Alle Artikel zum Thema", None),
    ("Noch kein Abo?", None),
    ("1 Monat kostenlos", None),
    ("Jetzt 4 Wochen gratis lesen", None),
    ("Nur 0,99 € im ersten Monat", None),
    ("Hier geht's zum WhatsApp-Kanal", None),
]
# Judged at the story's margins (before its first paragraph of prose, after its last); None:
# any kind.
SITES_WORDS_AT_MARGINS = [
    ("*fr.de ist Teil des bundesweiten Ippen-Redaktionsnetzwerks", "notice"),
    ("– alle Bilder von Ann Writer –", "control"),
    ("#Hafen #Kiel", "label"),
    ("ISSN 2222-2464", "label"),
    ("Ad", "label"),
    ("Möchtest du uns Feedback geben? Wir freuen uns über deine Anregungen!", "call"),
    ("Please spare some time to comment below, letting us know what you think.", "call"),
    ("Join our Facebook group to connect with fellow learners", "call"),
    ("Sie sind bereits registriert?", "call"),
    ("Apoie o 247", "call"),
    ("Check back soon for updates.", "call"),
    ("Más información deportiva en Diario.pe", "elsewhere"),
    ("Relacionadas", "control"),
    ("Hinweis: Sie verwenden einen veralteten Browser.", "notice"),
    ("Bitte warten - die Druckansicht der Seite wird vorbereitet.", "notice"),
    ("Article mis à jour le 7 janvier 2020.", "label"),
    ("330 Bewertungen", "control"),
    ("Protestaktion vor dem Parlament in London (Archivaufnahme)", "credit"),
    ("Eine Kolumne von Ann Writer", "byline"),
    ("Ein Interview von Ann Writer mit Max Muster.", "byline"),
    ("Featured image from Shutterstock.", "credit"),
    ("Fishing net image via Shutterstock", "credit"),
    ("Photo via Ann Writer", "credit"),
    ("Unknown photographer, 1933/Public Domain", "credit"),
    ("Get Data Sheet, Fortune’s technology newsletter.", "call"),
    ("Were you interviewed for this story? Please fill out our form", "call"),
    ("Like the new article format? Send us feedback!", "call"),
    ("To listen to the full segment, click the play button above.", "call"),
    ("This article was published today at 4:30 a.m.", "label"),
    ("- Comment (1)", "control"),
    ("Rate and Comment", "control"),
    ("Bildrechte: dpa", "credit"),
    ("Image source, Getty Images", "credit"),
    ("Image caption, The harbour at dawn", "credit"),
    ("AP Photo/Ann Writer", "credit"),
    ("Photo by Ann Writer on Unsplash", "credit"),
    ("Mit Material von dpa", "credit"),
    ("Unsere Top-Themen", "elsewhere"),
    ("Die Redaktion empfiehlt", "elsewhere"),
    ("Elsewhere on the BBC", "elsewhere"),
    ("Zum Kommentarbereich", "control"),
    ("Artikel weiterlesen", "control"),
    ("Vielen Dank für Ihre Bewertung", "control"),
    ("Wie finden Sie diesen Artikel?", "control"),
    ("Polecane", None),
    ("Więcej na ten temat", None),
    ("Dalsza część artykułu pod materiałem wideo", None),
    ("Oceń artykuł", None),
    ("Masz ciekawy temat? Napisz do nas!", None),
    ("Leer también", None),
    ("Temas relacionados", None),
    ("Contenido patrocinado", None),
    ("Hazte socio", None),
    ("Crédito: EFE", None),
    ("À voir aussi", None),
    ("La rédaction vous conseille", None),
    ("Article réservé aux abonnés", None),
    ("Ti potrebbe interessare", None),
    ("© RIPRODUZIONE RISERVATA", None),
    ("Neue Kommentare", "control"),
    ("Seguí leyendo", "control"),
    ("Unsere Quellen:", "control"),
    ("IG: @annwriter", "control"),
    ("(SID)", "credit"),
    ("Feedback", "control"),
    ("Vote", "control"),
]
# Only at the margins: inside the story, a subheading or a fact box may say them.
MARGINS_ONLY = [
    "Abbrechen",
    "Cancel",
    "Commenti",
    "Fotostrecke",
    "Mein Konto",
    "Preis inkl. MwSt., zzgl. Versandkosten",
]
# A reporter's sentences in the same words: the story's, inside it.
REPORTERS_SENTENCES = [
    "Die Wähler könnten sich auch für andere Themen interessieren.",
    "Facebook löscht beleidigende Kommentare nicht schnell genug.",
    "Publishers show a pop-up that says it looks like you're using an ad blocker.",
    "If you are using a browser such as Chrome, the update installs automatically.",
    "Booking.com ist Teil des US-Konzerns Booking Holdings.",
    "How to cite AI-generated text is a question universities still grapple with.",
    "The scam messages urged recipients to join our WhatsApp group for tips.",
    "Warum unterstützen Sie als Unternehmer den unabhängigen Journalismus?",
    "Wir freuen uns über jedes Feedback der Besucher, so Museumsleiterin Anna Berg.",
    "9,99 € pro Monat kostet das Standard-Abo künftig.",
    "Registrieren Sie sich kostenlos beim Portal der Arbeitsagentur, um zu buchen.",
    "Unsere Moderatoren müssen Kommentare mit Hassrede binnen 24 Stunden löschen.",
    "Mehr zu diesem Thema wollte die Polizei am Montag nicht sagen.",
    "He shared the photo via Instagram.",
    "Die Polizei veröffentlichte ein Archivfoto.",
    "This story was updated to correct the spelling of a name.",
    "Dieser Kommentar ist am Montag in der FAZ erschienen.",
    "#MeToo",
    "Ad blockers cost publishers billions every year.",
    "Um den Hafen zu sehen, müssen Besucher früh aufstehen.",
    "The photo from the scene went viral within hours.",
    "Falls Sie schon registriert sind, wir freuen uns auf Ihr Feedback.",
    "Dieser Beitrag ist Teil einer Serie über den Hafen.",
    "For more on the budget, the council will meet again on Monday.",
    "Die Klinik ist Teil des Netzwerks der Universität.",
    "Alle Bilder von der Feier zeigen den Bürgermeister.",
    "#1",
    "The council will comment on the plans next week.",
    "Verpassen Sie keine Frist: Die Steuererklärung ist bis 31. Juli fällig.",
    "Mehr von diesem Geld floss in die Schulen als geplant.",
    "He found a typo in the contract and the deal collapsed.",
    "More by accident than design, the quay was finished early.",
]


@pytest.mark.parametrize(("line", "kind"), SITES_WORDS)
def test_modern_pages_labels_and_calls_go_in_each_sites_words(line: str, kind: str | None) -> None:
    found = verdict(line, links_of(), margin=False)
    assert found == kind if kind else found is not None


@pytest.mark.parametrize(("line", "kind"), SITES_WORDS_AT_MARGINS)
def test_modern_pages_labels_credits_and_bylines_go_at_the_margins(
    line: str, kind: str | None
) -> None:
    found = verdict(line, links_of())
    assert found == kind if kind else found is not None


@pytest.mark.parametrize("line", MARGINS_ONLY)
def test_a_buttons_word_that_a_subheading_may_say_goes_only_at_the_margins(line: str) -> None:
    assert verdict(line, links_of()) == "control"
    assert verdict(line, links_of(), margin=False) is None


@pytest.mark.parametrize("line", REPORTERS_SENTENCES)
def test_a_reporters_sentence_in_those_words_stays(line: str) -> None:
    assert verdict(line, links_of(), margin=False) is None


def test_a_disclosure_of_paid_links_is_boilerplate_and_a_report_on_commissions_is_not() -> None:
    none = links_of()
    disclosure = ("This post contains references to products from our advertisers. We may "
                  "receive compensation when you click on links to those products.")  # fmt: skip
    assert verdict(disclosure, none) == "disclosure"
    assert verdict("Kaufst du über diese Links ein, erhalten wir eine kleine Provision.", none) == (
        "disclosure"
    )
    assert verdict("The agency will receive a commission of 3% on every sale.", none) is None
    # people quoted on what they earn are the story
    for quoted in ('"We will receive compensation from the state," the farmer said.',
                   "„Für jede Vermittlung bekommen wir eine Provision“, sagt die Maklerin.",
                   "We can earn a commission on every flat, the agents said, not more."):  # fmt: skip
        assert verdict(quoted, none) is None


def test_a_report_about_subscriptions_or_comments_is_not_a_call() -> None:
    none = links_of()
    assert verdict("The service lost two million subscribers in the spring.", none) is None
    assert verdict("The company declined to comment on the figures.", none) is None
    assert verdict("The ministry confirmed the figures to Reuters.", none) is None
    assert verdict(STORY * 3 + " Subscribe now.", none) is None  # long blocks are prose


def test_a_block_that_is_a_link_goes_at_the_margins_and_as_a_paragraph() -> None:
    links = links_of("Ferry fares rise again in spring", "My ten favourite harbours")
    assert verdict("Ferry fares rise again in spring", links) == "link"
    # inside the story, a linked heading is a section of the story
    assert verdict("My ten favourite harbours", links, tag="head", margin=False) is None
    # a reference written out in full is content
    assert verdict("http://www.example.org/report-on-the-harbour", links_of(
        "http://www.example.org/report-on-the-harbour")) is None  # fmt: skip


def test_link_text_is_found_glued_to_other_links_and_among_thousands_that_start_alike() -> None:
    glued = links_of("Results girls A", "Results girls A W14", "Results girls A W15")
    assert glued.share("Results girls AResults girls A W14Results girls A W15") == 1.0
    alike = links_of(*(f"The story number {n} of the harbour" for n in range(500)))
    assert alike.share("Read: The story number 7 of the harbour") > 0.75
    assert alike.share("The story of the harbour, number 7, was told by the keeper") == 0.0
    assert alike.closing("Kicker: The story number 7 of the harbour") == 33


def test_prune_removes_blocks_and_lists_of_links_but_keeps_the_story_and_headline() -> None:
    body = etree.fromstring(
        "<body><head>Quay to be rebuilt</head><p>24.10.2026, 10:15</p>"
        f"<p>{STORY}</p><p>{STORY}</p>"
        "<list><item>Ferry fares rise again in spring</item>"
        "<item>New lighthouse keeper named today</item></list>"
        "<p>Follow us on Twitter for more harbour news</p></body>"
    )
    links = links_of("Quay to be rebuilt", "Ferry fares rise again in spring",
                     "New lighthouse keeper named today")  # fmt: skip
    removed = prune(body, links, headline="Quay to be rebuilt")
    assert removed == {"date": 1, "link": 2, "call": 1}
    assert [child.tag for child in body] == ["head", "p", "p"]


def test_the_lines_a_removed_block_stood_between_stay_apart() -> None:
    body = etree.fromstring(
        f"<body><p>{STORY}</p><div><p>Text</p>Ann Writer<p> / </p>gazette.example</div></body>"
    )
    prune(body, links_of())
    assert "Ann Writer\ngazette.example" in "".join(body.itertext())


def test_the_headers_date_and_byline_go_after_a_lead_and_when_left_loose() -> None:
    body = etree.fromstring(
        f"<body><head>Quay to be rebuilt</head>Stand: 24.10.2026, 10:15 Uhr<p>{LEAD * 2}</p>"
        f"<p>von Anna Schreiber</p><p>{STORY}</p><p>Von Montag an fahren die Fähren.</p>"
        f"<p>by Ann Writer</p><p>{STORY}</p></body>"
    )
    assert prune(body, links_of(), headline="Quay to be rebuilt") == {"label": 1, "byline": 1}
    text = "".join(body.itertext())
    assert "Stand" not in text and "Schreiber" not in text
    # a sentence is no dateline or byline, even in the header
    for sentence in ("By Election Day, turnout had doubled.", "Dann kam der 11. September 2001.",
                     "und"):  # fmt: skip
        body = etree.fromstring(f"<body><p>{LEAD * 2}</p><p>{sentence}</p><p>{STORY}</p></body>")
        assert prune(body, links_of()) == {}, sentence
    # inside the story, after its second paragraph, a line is the story's
    assert "Von Montag an" in text and "by Ann Writer" in text
    assert (
        verdict("von Open Source Software ein und entwickeln einen Leitfaden.", links_of()) is None
    )


def test_the_header_comes_after_the_captions_of_the_pictures_above_the_story() -> None:
    captions = "".join(
        f"<p>The ferry Nordlicht docks at the new quay in Kiel, Germany, on the {day} day of the "
        "opening week, watched by the harbour master and a crowd. (AP Photo/Jo Bloggs)</p>"
        for day in ("first", "second")
    )
    stamp = "PUBLISHED: March 21, 2017 at 9:41 pm | UPDATED: March 21, 2017 at 9:51 pm"
    body = etree.fromstring(f"<body>{captions}<p>{stamp}</p><p>{STORY}</p><p>{STORY}</p></body>")
    assert prune(body, links_of()) == {"credit": 2, "date": 1}
    assert [child.tag for child in body] == ["p", "p"]
    # a picture's page, whose one text is its caption, keeps it
    alone = etree.fromstring(f"<body>{captions.split('</p>')[0]}</p></body>")
    assert prune(alone, links_of()) == {}
    # the same line inside the story is the story's
    inside = etree.fromstring(
        f"<body><p>{STORY}</p><p>{STORY}</p><p>{stamp}</p><p>{STORY}</p></body>"
    )
    assert prune(inside, links_of()) == {}


def test_a_programmes_dated_lines_stay_and_a_forums_timestamps_go() -> None:
    """A run of dated lines that each name something (a concert programme, a timeline) is the
    story's, as paragraphs or as the lines of one; bare timestamps in a row are a forum's."""
    programme = [f"0{day}.11.2022 - Band {day} - Stadthalle" for day in range(1, 6)]
    for layout in ("".join(f"<p>{line}</p>" for line in programme),
                   "<p>" + "<lb/>".join(programme) + "</p>"):  # fmt: skip
        body = etree.fromstring(f"<body><p>{STORY}</p><p>{STORY}</p>{layout}</body>")
        assert prune(body, links_of()) == {}
        assert etree.tostring(body, encoding=str).count("Stadthalle") == 5
    stamps = "".join(f"<p>0{day}.03.2011, 16:2{day}</p>" for day in range(1, 4))
    body = etree.fromstring(f"<body><p>{STORY}</p><p>{STORY}</p>{stamps}</body>")
    assert prune(body, links_of()) == {"date": 3}
    # one dated line after the story is its dateline, named or not
    body = etree.fromstring(f"<body><p>{STORY}</p><p>{STORY}</p><p>{programme[0]}</p></body>")
    assert prune(body, links_of()) == {"date": 1}


def test_the_authors_box_at_the_end_goes_and_their_name_in_the_story_stays() -> None:
    bio = "<p>Ann Writer is a reporter who has covered the harbour since 2015.</p>"
    box = f"<p>Ann Writer</p>{bio}"
    body = etree.fromstring(f"<body><p>{STORY}</p><p>{STORY}</p>{box}</body>")
    assert prune(body, links_of(), authors=["Ann  Writer", "Redaktion"]) == {"author": 2}
    assert "Writer" not in "".join(body.itertext())
    # without the page's names, or inside the story, or as an interviewer's question, it stays
    kept = (
        f"<body><p>{STORY}</p><p>{STORY}</p>{bio}<p>{STORY}</p><p>{STORY}</p></body>",
        f"<body><p>{STORY}</p><p>{STORY}</p><p>Ann Writer: Why now?</p></body>",
        f"<body><p>{STORY}</p><p>{STORY}</p><p>Ann Writers is a word.</p></body>",
    )
    for page in kept:
        assert prune(etree.fromstring(page), links_of(), authors=["Ann Writer"]) == {}, page
    # without the page's names, the box that ends the text goes by its words, the name stays
    body = etree.fromstring(f"<body><p>{STORY}</p><p>{STORY}</p>{box}</body>")
    assert prune(body, links_of()) == {"author": 1}
    assert "Ann Writer" in "".join(body.itertext())
    # their name alone above the story is its byline
    body = etree.fromstring(f"<body><p>Ann Writer</p><p>{STORY}</p><p>{STORY}</p></body>")
    assert prune(body, links_of(), authors=["Ann Writer"]) == {"byline": 1}


def test_the_authors_box_above_the_story_goes_when_it_begins_with_their_name() -> None:
    bio = "Ann Writer is an assistant news editor and writes the harbour newsletter for the paper."
    body = etree.fromstring(f"<body><p>{bio}</p><p>{STORY}</p><p>{STORY}</p></body>")
    assert prune(body, links_of(), authors=["Ann Writer"]) == {"author": 1}
    assert text_of(body) == [STORY.strip(), STORY.strip()]
    # a story that begins with its writer's name, or a bio that names no author of the page
    for first in (f"Ann Writer walked the harbour at dawn. {STORY}", bio):
        body = etree.fromstring(f"<body><p>{first}</p><p>{STORY}</p><p>{STORY}</p></body>")
        names = ["Ann Writer"] if first != bio else ["Bob Other"]
        assert prune(body, links_of(), authors=names) == {}, first
    # a page that is the bio alone keeps it
    alone = etree.fromstring(f"<body><p>{bio}</p></body>")
    assert prune(alone, links_of(), authors=["Ann Writer"]) == {}


def test_the_authors_box_in_a_publishers_body_goes_as_on_the_page() -> None:
    bio = "Korrespondent Ulrich Exner ist bei der Zeitung für die Landespolitik zuständig."
    top = "Ann Writer is an assistant news editor and writes the harbour newsletter for the paper."
    story = STORY.strip()
    for body, authors in ((f"{story}\n{story}\n{bio}", ()), (f"{top}\n{story}", ["Ann Writer"])):
        assert prune_text(body, links_of(), authors=authors) == (
            story + ("\n" + story) * (body.count(story) - 1),
            {"author": 1},
        ), body
    # their name alone at the end, and the same words in the story's middle
    body = f"{story}\nAnn Writer\n{story}\nAnn Writer"
    assert prune_text(body, links_of(), authors=["Ann Writer"]) == (
        f"{story}\nAnn Writer\n{story}",
        {"author": 1},
    )


def test_a_box_under_a_heading_that_calls_or_points_elsewhere_goes_with_it() -> None:
    box = (
        "<head>Sign up for the Gazette newsletter</head>"
        "<p>Simply pop your email into the box and get the latest news direct to you</p>"
        "<p>You can unsubscribe from this service at any time.</p>"
        "<head>Related</head><p>Ferry fares rise again in spring</p>"
    )
    story_again = "<p>From tonight the kiosks close again (some never got to reopen).</p>"
    body = etree.fromstring(f"<body><p>{STORY}</p>{box}{story_again}<p>{STORY}</p></body>")
    assert prune(body, links_of()) == {"call": 1, "box": 3, "elsewhere": 1}
    text = "".join(body.itertext())
    assert "unsubscribe" not in text and "Ferry fares" not in text
    # the story goes on after the box: a reporter's sentence, a paragraph of prose
    assert "kiosks close again" in text and text.count("harbour board") == 2
    # a heading inside the story is no box's, nor is one above it
    section = "<head>What the budget contains</head><p>Repairs to the old quay</p>"
    body = etree.fromstring(f"<body><p>{STORY}</p>{section}<p>{STORY}</p></body>")
    assert prune(body, links_of()) == {}


def test_the_agency_or_the_editors_initials_that_close_a_story_go() -> None:
    none = links_of()
    for sign_off in ("mit dpa", "Mit Agenturmaterial.", "SDA/sep", "(dmk)", "aja/PAP", "MDR (dst)"):
        assert verdict(sign_off, none) == "credit", sign_off
        assert verdict(sign_off, none, margin=False) is None  # inside the story: its own
    # a word in capitals, and the reporters named, are the story's
    assert verdict("VSGE", none) is None
    assert verdict("Additional reporting by Ann Writer", none) is None


def test_downloads_licences_embeds_and_the_newsrooms_credits_are_boilerplate() -> None:
    none = links_of()
    assert verdict("Informationsschreiben vom 14. Oktober 2021PDF | 38 KB", none) == "download"
    assert verdict("Jahresbericht 2021 (PDF, 1,2 MB)", none) == "download"
    assert verdict("The board published its report as a PDF on Monday.", none) is None
    assert verdict("Image illus\xadtra\xadtive : Quay by Ann Writer, en licence Creative Commons by",
                   none) == "credit"  # fmt: skip
    assert verdict("— The Harbour Board (@harbourboard) February 11, 2025", none) == "credit"
    assert verdict("Kilde: Helsenorge.no", none) == "credit"
    assert verdict("Redaktion: Anna Schreiber, Ben Feder", none) == "byline"
    assert verdict("Übersetzung und Adaptierung: AFP Deutschland", none) == "byline"
    assert verdict("Redaktion: Anna Schreiber, Ben Feder", none, margin=False) is None
    assert verdict("Recherche zeigt, dass der Hafen teurer wird", none) is None
    assert verdict(">> Hier finden Sie alle Termine im Überblick", none) == "elsewhere"
    assert verdict("Buying through us may earn us a commission, which supports our work.",
                   none) == "disclosure"  # fmt: skip
    assert verdict("Mit nur zwei Klicks melden Sie den Fehler der Redaktion.", none) == "call"


def test_rights_notices_machine_notes_and_a_players_length_are_boilerplate() -> None:
    none = links_of()
    for notice in ("Copyright 2020 The Associated Press. All rights reserved. This material may "
                   "not be published, broadcast, rewritten or redistributed.",
                   "This article is the copyrighted property of The Harbour Gazette.",
                   "Written permission must be obtained before reprint in online or print media.",
                   "Nachdruck und Weiterverbreitung nur mit schriftlicher Genehmigung.",
                   "Alle rettigheter reservert.", "Wszelkie prawa zastrzeżone.",
                   "© 2022 - Todos los derechos reservados.", "Reproduction interdite"):  # fmt: skip
        assert verdict(notice, none) == "credit", notice
    ap = ("Copyright © 2005 The Associated Press. All rights reserved. The information contained "
          "in the AP News report may not be published, broadcast, rewritten or otherwise "
          "distributed without the prior written authority of The Associated Press.")  # fmt: skip
    assert len(ap) > 160 and verdict(ap, none) == "credit"
    longer = ap.replace("distributed without", "distributed in any form or by any means, "
                        "electronic, mechanical, photocopying or otherwise, without")  # fmt: skip
    assert len(longer) > 300 and verdict(longer, none) == "credit"
    machine = ("Dies ist eine maschinelle Übersetzung eines Artikels unserer US-Kollegen. Er "
               "wurde automatisiert übersetzt und von einem echten Redakteur aus unserer "
               "Redaktion überprüft.")  # fmt: skip
    assert len(machine) > 160 and verdict(machine, none) == "notice"
    assert verdict("This article was generated with the help of AI and checked by an editor.",
                   none) == "notice"  # fmt: skip
    for label in ("02:57 Min.. Verfügbar bis 06.05.2024.", "18.04.2024 | 0:21 min",
                  "Uppdaterad 15.59 | Publicerad 14.14", "-Aktualisiert am"):  # fmt: skip
        assert verdict(label, none) == "label", label
    for label in ("Story continues below advertisement", "CONTINUA DEPOIS DA PUBLICIDADE",
                  "Lesen Sie nach der Anzeige weiter"):  # fmt: skip
        assert verdict(label, none) == "label", label
    # a card of another story: its headline twice, as its picture's text and its link
    card = "The Harbour Board Votes on the Quay"
    assert verdict(f"{card} {card}", none) == "teaser"
    assert verdict(f"{card}{card}", none) == "teaser"
    assert verdict("Ja, ja. Ja, ja.", none) is None  # too short to say
    assert verdict(LEAD + LEAD, none) is None  # a paragraph printed twice is the story's
    # a report on rights, reprints, translation and players
    for line in ("The court ruled that the photos may not be published without consent.",
                 "Die Übersetzung des Romans erschien 1999 bei Hanser.",
                 "Der Film dauert 95 Minuten und ist ab heute verfügbar.",
                 "The agency said all rights to the footage were sold.",
                 "The court ruled the material must not be published until March.",
                 "Permission is required to copy the files, the court said.",
                 "Die Weiterverwendung der Daten ohne Zustimmung ist verboten.",
                 "Han sagde med eftertryk, at havnen skal bygges om.",
                 "Los pueblos defienden sus derechos reservados por la ley.",
                 "[3] Bundesamt, Bericht 2020, S. 12 (abgerufen am 12.03.2020)"):  # fmt: skip
        assert verdict(line, none, margin=False) is None, line


def test_a_blog_platforms_buttons_and_comment_form_and_ad_labels_are_boilerplate() -> None:
    none = links_of()
    for line in ("Like this:", "Gefällt mir Wird geladen …", "%d bloggers like this:",
                 "Click to share on Twitter (Opens in new window)", "Loading...",
                 "Required fields are marked *", "Antworten abbrechen",
                 "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
                 "This entry was posted in News. Bookmark the permalink.", "REKLAMA", "Publicidad",
                 "Story continues below", "Aktualisiert am 12.03.2022 um 10:15 Uhr", "Temas",
                 "Comments powered by Disqus", "Newer Post Older Post Home", "Zugriffe: 1234",
                 "Beitrag melden", "Powered by WordPress", "Page 1 of 3", "Toggle navigation",
                 "Gift this article", "toggle caption", "Bild vergrößern", "Lire plus tard"):  # fmt: skip
        assert verdict(line, none) is not None, line
    # a button that may be a subheading only at the margins; a story's sentence is the story's
    for button in ("Reply", "Details", "Search", "Next", "« Previous 1 2 3 Next »", "Video"):
        assert verdict(button, none) == "control", button
        assert verdict(button, none, margin=False) is None, button
    for line in ("03.03.2011, 16:24", "1-1", "3,2", "Weiter geht es am Montag.",
                 "Video shows the quay collapsing."):  # fmt: skip
        assert verdict(line, none) != "control", line
    for sentence in ("The loading of the ship took three days.",
                     "Publicidad engañosa es un delito, dijo el juez.",
                     "Like this, the ferry will run all year.",
                     "Temas como la vivienda dominaron el debate."):  # fmt: skip
        assert verdict(sentence, none) is None, sentence


def test_a_line_that_is_only_a_controls_label_is_boilerplate() -> None:
    none = links_of()
    for label in ("Zurück zur Übersicht", "Nach oben", "» Weiterlesen", "Lire la suite…",
                  "Artikel drucken", "Auf Facebook teilen",
                  "0 Kommentare", "Was this article helpful?", "Pressekontakt:", "Impressum",
                  "Startseite » News » Hafen", "Home > Harbour", "- 评论", "分享让更多人看到",
                  "기사 URL이 복사되었습니다.", "- कॉपी लिंक", "Post to Facebook", "CancelSend",
                  "Sent!", "Email the author.", "- aAFont Size", "Scroll down for video"):  # fmt: skip
        assert verdict(label, none) == "control", label
    # a share-by-mail form's, an author-follow box's and an embed box's messages
    for message in ("A link has been sent to your friend's email address.",
                    "Check out this story on gazette.example: http://gazette.example/s/2lppXg7",
                    "Send to Email AddressYour NameYour Email AddressCancel",
                    "There was a problem saving your notification.",
                    "Whenever Ann Writer posts new content, you'll get an email delivered to "
                    "your inbox with a link.",
                    "Copy and paste the embed code below. The code changes based on your "
                    "selection."):  # fmt: skip
        assert verdict(message, none) == "notice", message
    assert verdict("The letter was sent!", none) is None
    for label in ("関連キーワード", "おすすめ情報", "相关新闻", "관련기사"):
        assert verdict(label, none) == "elsewhere", label
    assert verdict("Titelbild: Ann Writer on Unsplash", none) == "credit"
    assert verdict("Polizeiauto vor dem Hafen (Symbolbild)", none) == "credit"
    # the same words in a line of the story
    for line in ("Zurück in Berlin, sagte er", "Kontakt zu den Behörden gab es nicht",
                 "Home is where the heart is.", "Die Startseite war tot."):  # fmt: skip
        assert verdict(line, none) is None, line


def test_a_row_of_short_links_at_the_margins_is_a_menu() -> None:
    footer = links_of("Service", "Kontakt", "Impressum", "Datenschutz", "5.1")
    menu = "Service Kontakt Impressum Datenschutz"
    assert verdict(menu, footer) == "menu"
    assert verdict(menu, footer, margin=False) is None  # inside the story: its words
    # two links and words around them, or numbered references, are not a menu
    assert verdict("See the Service and the Kontakt pages of the board", footer) is None
    assert verdict("↑ 5.1 Service Impressum", footer) is None


def test_a_menu_as_long_as_a_paragraph_is_no_prose_and_goes_above_and_below_the_story() -> None:
    sections = ("Front Page", "National", "Tamil Nadu", "Andhra Pradesh", "Karnataka", "Kerala")
    sections += ("New Delhi", "Other States", "International", "Opinion", "Business", "Sport")
    menu = "News: " + " | ".join(sections) + " | Miscellaneous | Engagements |"
    assert len(menu) >= rules.PROSE
    body = etree.fromstring(
        f"<body><p>{menu}</p><p>{STORY}</p><p>{STORY}</p><p>Printer friendly page</p>"
        f"<p>{menu}</p></body>"
    )
    prune(body, links_of(*sections, "Miscellaneous", "Engagements"))
    assert "".join(body.itertext()).count("Tamil Nadu") == 0
    assert "".join(body.itertext()).count("harbour board") == 2


def test_the_headline_goes_from_the_texts_top_with_its_kicker_or_the_sites_name() -> None:
    title = "Quay to be rebuilt over three years"
    for top in (title, f"Harbour works {title}", f"{title} | The Gazette"):
        assert without_headline(f"{top}\n{title}\n{STORY}", title) == STORY.strip()
    # the h1 and the title may set their punctuation apart
    assert without_headline(f"Quay: to be rebuilt - over three years\n{STORY}", title) == (
        STORY.strip()
    )
    # a sentence of the story that quotes the headline stays
    quote = 'The mayor was sure: "Quay to be rebuilt over three years."'
    assert without_headline(f"{quote}\n{STORY}", title).startswith(quote)
    # under a lead set apart, too
    assert without_headline(f"{LEAD}\n{title}\n{STORY}", title) == f"{LEAD}\n{STORY.strip()}"
    assert without_headline(f"{LEAD}\n{STORY}\n{STORY}\n{title}", title).endswith(title)
    # a short headline, and a sentence that goes on after it, stay
    assert without_headline("Bike week in Ischgl\n" + STORY, "Ischgl").startswith("Bike week")
    sentence = f"{title}, the board said. It met on Tuesday."
    assert without_headline(f"{sentence}\n{STORY}", title).startswith(sentence)
    # the h1 worded apart from the title: most words in common, both ways
    h1 = "Harbour Works: Quay To Be Rebuilt By 2027"
    assert without_headline(f"{h1}\n{STORY}", title) == STORY.strip()
    assert without_headline(f"{title}\n{STORY}", "Harbour Gazette", title) == STORY.strip()
    # a line of the story that shares the title's words stays
    hope = "We hope the quay will be rebuilt over three years"
    assert without_headline(f"{hope}\n{STORY}", title).startswith(hope)


def test_the_margins_lines_inside_the_blocks_at_the_margins_go() -> None:
    body = etree.fromstring(
        f"<body><p>Von Anna Schreiber<lb/>{STORY}</p><p>{LEAD}</p>"
        f"<p>{STORY * 2}<lb/>Verraten Sie gerne in den Kommentaren: Was meinen Sie?</p></body>"
    )
    assert prune(body, links_of("Von Anna Schreiber")) == {"byline": 1, "call": 1}
    assert [" ".join("".join(p.itertext()).split()) for p in body] == [
        STORY.strip(),
        LEAD,
        (STORY * 2).strip(),
    ]
    # a line of the story's own, or a linked title it cites, stays
    body = etree.fromstring(f"<body><p>Quay works: a report<lb/>{STORY}</p></body>")
    assert prune(body, links_of("Quay works: a report")) == {}
    # and so in the short blocks after the story's last paragraph of prose
    body = etree.fromstring(
        f"<body><p>{STORY}</p><p>{STORY}</p><p>The ferry leaves at nine.<lb/>Leave a Reply</p></body>"
    )
    assert prune(body, links_of()) == {"call": 1}
    assert "".join(body[-1].itertext()) == "The ferry leaves at nine."


def test_other_stories_cards_after_the_story_go_though_each_is_as_long_as_prose() -> None:
    headlines = ("Ferry fares rise again in spring", "New lighthouse keeper named today")
    cards = "".join(
        f"<p>{headline} The council says the change was long planned and that the "
        "harbour's users were asked first, in a round of meetings over the winter.</p>"
        for headline in headlines
    )
    links = links_of(*headlines)
    body = etree.fromstring(f"<body>{f'<p>{STORY}</p>' * 5}<p>Top news</p>{cards}</body>")
    assert prune(body, links)["teaser"] == 2
    assert text_of(body) == [STORY.strip()] * 5
    # a post that is a list of linked works with a few words on each, in paragraphs or as a
    # list's items, is the story
    for page in (
        f"<body><p>{STORY}</p>{cards}</body>",
        f"<body>{f'<p>{STORY}</p>' * 5}<list>{cards.replace('p>', 'item>')}</list></body>",
    ):
        assert "teaser" not in prune(etree.fromstring(page), links), page


def test_a_trail_of_the_sites_sections_above_the_story_goes() -> None:
    trail = (
        "<list><item>Europe</item><item>Germany</item><item>Baltic Ports</item>"
        "<item>Quay to be rebuilt</item></list>"
    )
    links = links_of("Europe", "Germany", "Baltic Ports")
    body = etree.fromstring(f"<body>{trail}<p>{STORY}</p><p>{STORY}</p></body>")
    assert prune(body, links)["links"] == 1  # (a long link may go on its own first)
    assert [child.tag for child in body] == ["p", "p"]
    # the same list in the story, or above it with an item that is no link, stays
    for page in (
        f"<body><p>{STORY}</p>{trail}<p>{STORY}</p></body>",
        f"<body>{trail.replace('Germany', 'Germany and its neighbours')}<p>{STORY}</p></body>",
    ):
        assert "links" not in prune(etree.fromstring(page), links), page
    # a brief with no paragraph of prose has no top to tell: the list after it stays
    brief = etree.fromstring(f"<body><p>The quay closes on Monday.</p>{trail}</body>")
    assert "links" not in prune(brief, links)


def test_a_list_of_links_goes_wherever_it_stands_and_a_list_with_prose_stays() -> None:
    body = etree.fromstring(
        f"<body><p>{STORY}</p>"
        "<list><item>Ferry fares rise again in spring</item>"
        "<item>New lighthouse keeper named today</item></list>"
        f"<p>{STORY}</p>"
        "<list><item>Ferry fares rise again in spring</item>"
        "<item>The quay closes for three years</item></list>"
        f"<p>{STORY}</p></body>"
    )
    links = links_of("Ferry fares rise again in spring", "New lighthouse keeper named today")
    assert prune(body, links) == {"links": 1}
    assert [child.tag for child in body] == ["p", "p", "list", "p"]
    assert "The quay closes" in "".join(body.itertext())
    # teasers with a kicker before the linked headline are links too, and the label over them
    teasers = etree.fromstring(
        f"<body><p>{STORY}</p><head>More on the harbour</head>"
        "<list><item>Harbour: Ferry fares rise again in spring</item>"
        f"<item>„Finally“: New lighthouse keeper named today</item></list><p>{STORY}</p></body>"
    )
    assert prune(teasers, links) == {"links": 1}
    assert [child.tag for child in teasers] == ["p", "p"]
    # a listicle's linked names, and names after a label, are the story's
    names = links_of("Restaurant Tim Raue", "Restaurant Rutz", "Friedrich Merz", "Olaf Scholz")
    for items in ("<item>Restaurant Tim Raue</item><item>Restaurant Rutz</item>",
                  "<item>CDU: Friedrich Merz</item><item>SPD: Olaf Scholz</item>"):  # fmt: skip
        listicle = etree.fromstring(
            f"<body><p>{STORY}</p><head>The list</head><list>{items}</list><p>{STORY}</p></body>"
        )
        assert prune(listicle, names) == {}


def test_a_subheading_that_the_contents_point_to_stays_and_the_contents_go() -> None:
    page = "https://harbour.example/news/quay"
    links = Links(
        fromstring(
            "<div><p><a href='#fares'>Why the fares rise again</a><br>"
            f"<a href='{page}#keeper'>Who keeps the lighthouse now</a><br>"
            "<a href='/news/pier'>The temporary pier opens in May</a></p></div>"
        ),
        page,
    )
    body = etree.fromstring(
        "<body><p>Why the fares rise again Who keeps the lighthouse now</p>"
        f"<p>{STORY}</p><p>1) Why the fares rise again</p><p>{STORY}</p>"
        f"<p>2) Who keeps the lighthouse now</p><p>{STORY}</p>"
        f"<p>3) The temporary pier opens in May</p><p>{STORY}</p></body>"
    )
    assert prune(body, links) == {"link": 2}
    kept = [child.text for child in body if child.text != STORY]
    assert kept == ["1) Why the fares rise again", "2) Who keeps the lighthouse now"]
    # a malformed address is no place in the page, and no reason to fail it
    broken = fromstring(
        "<div><a href='http://[2001:db8::1/page#part'>A link with some text</a></div>"
    )
    assert Links(broken, "http://[bad/").contents == set()
    # on another page, the same anchor points elsewhere
    other = fromstring(f"<div><a href='{page}#fares'>Why the fares rise again</a></div>")
    elsewhere = Links(other, "https://harbour.example/news/other")
    assert verdict("1) Why the fares rise again", elsewhere, margin=False) == "link"


def test_a_table_of_contents_in_a_publishers_body_goes_and_its_subheadings_stay() -> None:
    entries = ["Best for ferries: the north quay", "Best for walkers: the pier", "Best at dawn"]
    anchors = "".join(f"<a href='#e{n}'>{e.split(':')[0]}</a>" for n, e in enumerate(entries))
    links = Links(fromstring(f"<div>{anchors}</div>"), "https://harbour.example/guide")
    body = "\n".join([STORY, "Table of Contents", *entries, STORY, entries[0], STORY])
    text, removed = prune_text(body, links)
    assert removed == {"contents": 4}
    assert text.split("\n") == [STORY.strip(), STORY.strip(), entries[0], STORY.strip()]
    # two such lines are no table: a subheading and its twin
    two = "\n".join([STORY, *entries[:2], STORY])
    assert prune_text(two, links) == (two, {})


def test_a_list_of_linked_headlines_with_their_dates_goes_wherever_it_stands() -> None:
    links = links_of("Ferry fares rise again in spring", "New lighthouse keeper named today")
    for items in (
        "<item>Ferry fares rise again in spring posted Mar 15, 2009</item>"
        "<item>New lighthouse keeper named today posted Mar 14, 2009</item>",
        "<item>Gazette: Ferry fares rise again in spring - 19 mins ago</item>"
        "<item>Herald: New lighthouse keeper named today - 3 hrs ago</item>",
    ):
        body = etree.fromstring(f"<body><p>{STORY}</p><list>{items}</list><p>{STORY}</p></body>")
        assert prune(body, links) == {"links": 1}, items
    # a dated line that says more than a headline and its date is the story's
    cited = (
        "<item>Ferry fares rise again in spring, the council said on Mar 15, 2009</item>"
        "<item>New lighthouse keeper named today, and she starts work on Mar 16, 2009</item>"
    )
    body = etree.fromstring(f"<body><p>{STORY}</p><list>{cited}</list><p>{STORY}</p></body>")
    assert prune(body, links) == {}


def test_a_list_of_linked_headlines_with_their_teasers_after_the_story_goes() -> None:
    links = links_of("Ferry fares rise again in spring", "New lighthouse keeper named today")
    items = (
        "<item><head>Ferry fares rise again in spring</head><p>Tickets cost more from May</p>"
        "</item><item>New lighthouse keeper named today<hi>She starts on Monday</hi></item>"
    )
    body = etree.fromstring(f"<body><p>{STORY}</p><p>{STORY}</p><list>{items}</list></body>")
    assert prune(body, links) == {"links": 1}
    assert [child.tag for child in body] == ["p", "p"]
    # inside the story the same list is the story's (a list of reports it cites)
    inside = etree.fromstring(f"<body><p>{STORY}</p><list>{items}</list><p>{STORY}</p></body>")
    assert prune(inside, links) == {}
    # after the story, an item whose text goes on after its link stays, as do linked names
    report = (
        "Ferry fares rise again in spring, the council wrote in its report to the harbour board, "
        "which meets on Monday to decide on the fares of the summer timetable."
    )
    tail = etree.fromstring(
        f"<body><p>{STORY}</p><p>{STORY}</p><list><item>{report}</item>"
        "<item>New lighthouse keeper named today</item></list></body>"
    )
    prune(tail, links)
    assert report in "".join(tail.itertext())
    names = "<item>Restaurant Tim Raue, Berlin</item><item>Restaurant Rutz, Berlin</item>"
    listicle = etree.fromstring(f"<body><p>{STORY}</p><p>{STORY}</p><list>{names}</list></body>")
    assert prune(listicle, links_of("Restaurant Tim Raue", "Restaurant Rutz")) == {}


def test_other_stories_headlines_each_over_its_teaser_as_items_of_a_list_go_after_the_story() -> (
    None
):
    # a <dl> of <dt><a>Headline</a></dt><dd>Summary</dd>: each summary as long as a paragraph
    heads = ("Ferry fares rise again in spring", "New lighthouse keeper named today")
    summary = (
        "Tickets for the crossing to the island will cost more from May, the operator said on "
        "Tuesday, the third rise in as many years, as fuel prices climb again."
    )
    pairs = "".join(f"<item>{head}</item><item>{summary}</item>" for head in heads)
    label = "<head>Regional headlines</head>"
    body = etree.fromstring(f"<body><p>{STORY}</p><p>{STORY}</p>{label}<list>{pairs}</list></body>")
    prune(body, links_of(*heads))
    assert [child.tag for child in body] == ["p", "p"]
    # inside the story it is the story's: the reports it sums up
    inside = etree.fromstring(f"<body><p>{STORY}</p><list>{pairs}</list><p>{STORY}</p></body>")
    prune(inside, links_of(*heads))
    assert "".join(inside.itertext()).count(summary) == 2
    # a list of links, each with the writer's figure for it, is the story's, short links too
    rated = "".join(
        f"<item>{head}: opened by 16% of readers</item><item>Bad news! – opened by 17% of readers"
        "</item>"
        for head in heads
    )
    opinions = etree.fromstring(f"<body><p>{STORY}</p><p>{STORY}</p><list>{rated}</list></body>")
    prune(opinions, links_of(*heads, "Bad news!"))
    assert "".join(opinions.itertext()).count("opened by") == 4


def test_a_slideshows_numbered_captions_beside_the_story_go() -> None:
    captions = [
        "Ferry fares rise again in spring as the operator blames the price of fuel and wages.",
        "The new lighthouse keeper starts on Monday and will live in the tower all year round.",
        "Fishermen unload the first herring of the season at the northern quay before dawn.",
    ]
    numbered = "".join(f"<item>{n}/3 {caption}</item>" for n, caption in enumerate(captions, 1))
    body = etree.fromstring(f"<body><p>{STORY}</p><p>{STORY}</p><list>{numbered}</list></body>")
    assert prune(body, links_of()) == {"links": 1}
    assert [child.tag for child in body] == ["p", "p"]
    # a gallery's page, its captions all the text there is: they stay
    alone = etree.fromstring(f"<body><list>{numbered}</list></body>")
    assert prune(alone, links_of()) == {}
    # steps or ranks numbered otherwise, a timeline's dates, a survey's shares: the story's
    for items in (
        "".join(f"<item>{n}. {caption}</item>" for n, caption in enumerate(captions, 1)),
        "".join(f"<item>1/3 {caption}</item>" for caption in captions),  # a measure, not a count
        "".join(
            f"<item>{day}/3 {caption}</item>"
            for day, caption in zip((5, 12, 20), captions, strict=True)
        ),
        "".join(
            f"<item>{n} of 10 {caption}</item>"
            for n, caption in zip((3, 5, 7), captions, strict=True)
        ),
    ):
        listed = etree.fromstring(f"<body><p>{STORY}</p><list>{items}</list><p>{STORY}</p></body>")
        assert prune(listed, links_of()) == {}, items


def test_a_video_players_and_a_slideshows_own_words_are_boilerplate() -> None:
    """What a player or a slideshow shows when its script does not run, and a gallery's label."""
    none = links_of()
    for line, kind in (
        ("This is a modal window.", "notice"),
        ("Beginning of dialog window. Escape will cancel and close the window.", "notice"),
        ("subtitles off, selected", "notice"),
        ("Next video starts in : 7", "notice"),
        ("Unfortunately, this video is not available in your region.", "notice"),
        ("This feature is temporarily unavailable. Please try again later.", "notice"),
        ("Please wait...", "control"),
        ("Now watching", "control"),
        ("1 of 5", "control"),
        ("Fullscreen", "control"),
        ("Gallery: The quay at dawn | 14 Photos", "label"),
        ("Topics: harbour, ferries, budget", "label"),
        ("PhotoCreditAnn Writer for The Gazette", "credit"),
        ("Other Opinion Columns", "elsewhere"),
        ("%Slideshow-803330%", "markup"),
        ("Submit comments on this post to <ann@gazette.example>.", "call"),
    ):
        assert verdict(line, none) == kind, line
    # the same words in a reporter's sentence
    assert verdict("The video is not available to the defence, the lawyer said.", none) is None
    assert verdict("Other columns of smoke rose over the harbour.", none) is None
    assert verdict("Topics of the meeting were the budget and the ferries.", none) is None


def test_a_paragraph_of_linked_headlines_set_in_lines_goes_and_a_poems_lines_stay() -> None:
    links = links_of("Ferry fares rise again in spring", "New lighthouse keeper named today")
    body = etree.fromstring(
        f"<body><p>{STORY}</p><p>DON'T MISS<lb/>Ferry fares rise again in spring [VIDEO]"
        f"<lb/>New lighthouse keeper named today [INSIGHT]</p><p>{STORY}</p>"
        "<p>The keeper wrote a verse:<lb/>Ferry fares rise again in spring<lb/>and the gulls "
        f"fly home</p><p>{STORY}</p></body>"
    )
    assert prune(body, links) == {"links": 1}
    text = "".join(body.itertext())
    assert "DON'T MISS" not in text and "[VIDEO]" not in text and "the gulls fly home" in text


def test_a_publishers_body_is_pruned_line_by_line() -> None:
    links = links_of("Ferry fares rise again in spring", "Quay to be rebuilt: the plan")
    body = "\n".join(["Quay to be rebuilt: the plan", STORY, "Ferry fares rise again in spring",
                      "To view this video please enable JavaScript, and consider upgrading",
                      STORY, "Follow Gazette.example on Twitter for the latest news",
                      "Ferry fares rise again in spring"])  # fmt: skip
    # a linked line inside the story is a link unless the page sets it as a heading
    text, removed = prune_text(body, links, headings=["Ferry fares rise again in spring"])
    assert removed == {"link": 2, "notice": 1, "call": 1}
    assert text.split("\n") == [STORY.strip(), "Ferry fares rise again in spring", STORY.strip()]
    assert prune_text(body, links)[0].split("\n") == [STORY.strip(), STORY.strip()]
    assert prune_text(STORY, links) == (STORY, {})
    assert prune_text(f"{STORY}\nPlaceholder image-1\n{STORY}", links)[1] == {"markup": 1}
    # paragraphs the body glued together are judged apart; "U.S." and quotes are no glue
    glued = f"{STORY.strip()}Lesen Sie hier: Ferry fares rise again in spring"
    assert prune_text(glued, links) == (STORY.strip(), {"elsewhere": 1})
    quoted = 'The U.S. Navy said "Why not?" King asked.'
    assert prune_text(f"{STORY}{quoted}", links) == (f"{STORY}{quoted}", {})


def test_the_lead_is_the_block_that_shows_the_page_description() -> None:
    page = fromstring(
        f"<html><head><meta property='og:description' content='{LEAD[:90]}…'></head><body>"
        "<aside><p class='teaser'>Another story entirely, about the airport and its runway "
        f"plans for the coming decade.</p></aside><header><h1>Quay</h1><p class='intro'>{LEAD}"
        f"</p></header><article><p>{STORY}</p></article></body></html>"
    )
    lead = find_lead(page, HeadTags(page))
    assert lead == LEAD
    assert prepend_lead(f"Quay\n{STORY}", lead, "Quay") == f"Quay\n{LEAD}\n{STORY}"
    assert prepend_lead(f"{LEAD}\n{STORY}", lead, "Quay") == f"{LEAD}\n{STORY}"  # had it
    # a page described by its picture's caption: neither the caption nor the header around it
    caption = "The study said the harbour needs a larger fleet of ferries to serve the islands."
    header = fromstring(
        f"<html><head><meta name='description' content='{caption}'></head><body><div>"
        "<h2>Ferry fleet is shrinking, harbour board warns</h2><span>by Ann Writer | Oct 20, "
        "2017, 12:49 PM</span> <span>Share on Twitter</span> <span>Share on Facebook</span> "
        f"<figure><img src='a.jpg'><cite>{caption} (AP Photo/Jo Bloggs)</cite></figure></div>"
        f"<article><p>{STORY}</p></article></body></html>"
    )
    assert find_lead(header, HeadTags(header)) is None
    # without the credit, the caption's own text at most: not the header's words before it
    bare = fromstring(etree.tostring(header).decode().replace(" (AP Photo/Jo Bloggs)", ""))
    assert find_lead(bare, HeadTags(bare)) == caption
    # a block of old markup that holds the headline, the date, the buttons and the story
    whole = f"Quay Tuesday, May 22, 2007 E-MAIL STORY {LEAD} {STORY} PRINTER FRIENDLY VERSION"
    assert prepend_lead(f"{LEAD}\n{STORY}", whole, "Quay") == f"{LEAD}\n{STORY}"


def test_a_lead_set_as_points_or_in_a_heading_never_closed_is_found() -> None:
    points = ["The northern quay will be rebuilt over three years.",
              "Ferries will use a temporary pier in the meantime.",
              "The harbour board approved the plan on Tuesday."]  # fmt: skip
    description = " ".join(points)
    head = f"<head><meta name='description' content='{description}'></head>"
    listed = fromstring(
        f"<html>{head}<body><div class='kicker'>Harbour 24.10.2026</div><div class='intro'><ul>"
        + "".join(f"<li>{point}</li>" for point in points)
        + f"</ul></div><article><p>{STORY}</p></article></body></html>"
    )
    assert find_lead(listed, HeadTags(listed)) == description
    unclosed = fromstring(
        f"<html>{head}<body><h1>Quay</h1><h2 class='excerpt'>{description}"
        f"<p>{STORY}</p><p>{STORY}</p></body></html>"
    )
    assert find_lead(unclosed, HeadTags(unclosed)) == description


def test_a_block_named_as_the_lead_is_the_lead_only_right_before_the_story() -> None:
    teasers = "".join(
        f"<div class='teaser'><p>Another story, number {n}, about the airport and its runway "
        "plans for the coming decade.</p></div>"
        for n in range(3)
    )
    story = "".join(f"<p>Part {n}. {STORY}</p>" for n in range(4))
    page = fromstring(
        f"<html><body><aside>{teasers}</aside><div class='article-header'><h1>Quay</h1>"
        f"<p class='article-lead'>{LEAD}</p></div><p class='byline'>By Ann Writer</p>"
        f"<div class='article-body'>{story}</div><div class='more'>{teasers}</div></body></html>"
    )
    text = "\n".join(f"Part {n}. {STORY.strip()}" for n in range(4))
    assert standfirst_of(text, named_leads(page, HeadTags(page))) == LEAD
    # the teasers are named alike, but no story begins after them
    without = fromstring(f"<html><body>{story}<div class='more'>{teasers}</div></body></html>")
    leads = named_leads(without, HeadTags(without))
    assert leads and standfirst_of(text, leads) is None
    # a block so named right before the story, but cut short: another story's excerpt
    excerpt = "The Government Accountability Office on Thursday said the Federal Reserve’s..."
    cut = fromstring(
        f"<html><body><div class='article-header'><h1>Quay</h1>"
        f"<p class='excerpt'>{excerpt}</p></div><div class='article-body'>{story}</div>"
        "</body></html>"
    )
    assert standfirst_of(text, named_leads(cut, HeadTags(cut))) is None
    assert standfirst_of(f"{LEAD}\n{text}", named_leads(page, HeadTags(page))) is None  # said


def test_a_subtitle_under_the_headline_is_the_lead_and_a_site_name_has_none() -> None:
    story = "".join(f"<p>Part {n}. {STORY}</p>" for n in range(4))
    text = "\n".join(f"Part {n}. {STORY.strip()}" for n in range(4))
    page = fromstring(
        "<html><head><title>Quay to be rebuilt | Harbour Gazette</title></head><body>"
        f"<header><h1>Quay to be rebuilt</h1><h2>{LEAD}</h2></header>"
        f"<p class='byline'>By Ann Writer</p><div class='body'>{story}</div></body></html>"
    )
    assert standfirst_of(text, named_leads(page, HeadTags(page))) == LEAD
    # the <h1> is the site's name: what follows it is the site's slogan, not this story's lead
    site = fromstring(
        "<html><head><title>Harbour Gazette » Quay to be rebuilt at last</title></head><body>"
        f"<h1>Harbour Gazette</h1><p>{LEAD}</p><div class='body'>{story}</div></body></html>"
    )
    assert standfirst_of(text, named_leads(site, HeadTags(site))) is None
    # a block that says the headline again, with a kicker and a question, is the header
    header = fromstring(
        "<html><head><title>Quay to be rebuilt | Harbour Gazette</title></head><body>"
        "<h1>Quay to be rebuilt</h1><p class='teaser'>Vote of the week: Quay to be rebuilt - "
        f"what happens to the ferries now?</p><div class='body'>{story}</div></body></html>"
    )
    assert standfirst_of(text, named_leads(header, HeadTags(header))) is None


def test_a_lead_may_stand_a_byline_and_a_captioned_picture_before_the_story() -> None:
    story = "".join(f"<p>Part {n}. {STORY}</p>" for n in range(4))
    text = "\n".join(f"Part {n}. {STORY.strip()}" for n in range(4))
    caption = "The northern quay at dawn, seen from the ferry terminal. " * 10
    page = fromstring(
        "<html><head><title>Quay to be rebuilt</title></head><body><h1>Quay to be rebuilt</h1>"
        f"<p class='standfirst'>{LEAD}</p><p class='byline'>By Ann Writer, harbour reporter</p>"
        f"<figure><img src='q.jpg'><figcaption>{caption}</figcaption></figure>"
        f"<div class='body'>{story}</div></body></html>"
    )
    assert standfirst_of(text, named_leads(page, HeadTags(page))) == LEAD


def test_no_caption_byline_headline_again_or_boilerplate_is_taken_for_the_lead() -> None:
    story = "".join(f"<p>Part {n}. {STORY}</p>" for n in range(5))
    head = "<head><title>Northern quay to be rebuilt over three years</title></head>"
    caption = "The northern quay at dawn, seen from the ferry terminal on a calm day in May."
    blocks = {
        "caption": f"<figure><img src='q.jpg'><figcaption><p>{caption}</p></figcaption></figure>",
        "byline": "<p>By Ann Writer and Bob Reporter, harbour desk. Updated 12 March 2026.</p>",
        "headline again": "<h2>Over three years the northern quay is to be rebuilt, the board says.</h2>",
        "disclosure": "<p>This post contains affiliate links. We may receive a commission when "
        "you buy through links on our site.</p>",
    }
    text = "\n".join(f"Part {n}. {STORY.strip()}" for n in range(5))
    for kind, block in blocks.items():
        html = (
            f"<html lang='en'>{head}<body><article><h1>Northern quay to be rebuilt over three years</h1>"
            f"{block}<div class='content'>{story}</div></article></body></html>"
        )
        page = fromstring(html)
        if kind == "disclosure":  # a candidate, but the boilerplate rules have the last word
            found = ArticleExtractor()(html.encode(), "https://news.example/quay.html")
            assert found is not None and "affiliate" not in found.text
        else:
            assert standfirst_of(text, named_leads(page, HeadTags(page))) is None, kind
    # a lead set apart by its name may say the headline in other words
    named = fromstring(
        f"<html>{head}<body><h1>Northern quay to be rebuilt over three years</h1><p class='lead'>"
        "The quay is to be rebuilt over the next three years, the harbour board decided.</p>"
        f"<div class='content'>{story}</div></body></html>"
    )
    assert standfirst_of(text, named_leads(named, HeadTags(named))) is not None


def test_a_description_that_is_the_first_paragraph_leaves_room_for_the_named_lead() -> None:
    first = f"Part 0. {STORY.strip()}"
    page = (
        "<html lang='en'><head><title>Quay to be rebuilt</title>"
        f"<meta name='description' content='{first}'></head><body>"
        f"<article><h1>Quay to be rebuilt</h1><div class='teaser-text'><p>{LEAD}</p></div>"
        "<div class='content'>"
        + "".join(f"<p>Part {n}. {STORY}</p>" for n in range(5))
        + "</div></article></body></html>"
    ).encode()
    found = ArticleExtractor()(page, "https://news.example/quay.html")
    assert found is not None
    assert LEAD in found.text and found.text.index(LEAD) < found.text.index(first)


def test_a_page_loses_its_boilerplate_and_keeps_its_lead() -> None:
    related = "".join(
        f"<li><a href='/news/{n}.html'>Other story number {n} about the harbour</a></li>"
        for n in range(4)
    )
    page = (
        "<html lang='en'><head><title>Quay to be rebuilt</title>"
        f"<meta name='description' content='{LEAD}'></head><body>"
        f"<header><h1>Quay to be rebuilt</h1><div class='standfirst'>{LEAD}</div></header>"
        "<article><div class='text'><p>Kategorie: News</p>"
        + "".join(f"<p>Part {n}. {STORY}</p>" for n in range(4))
        + "<p>Read also: <a href='/news/9.html'>Lighthouse keeper named</a></p>"
        + "".join(f"<p>Part {n}. {STORY}</p>" for n in range(4, 6))
        + "<p>Follow us on Twitter and Instagram @harbourgazette</p>"
        f"<ul>{related}</ul></div></article></body></html>"
    ).encode()
    found = ArticleExtractor()(page, "https://news.example/quay.html")
    assert found is not None
    assert LEAD in found.text
    for boilerplate in ("Kategorie", "Read also", "Follow us", "Other story number"):
        assert boilerplate not in found.text
    assert all(f"Part {n}. {STORY.strip()}" in found.text for n in range(6))


def test_a_pictures_caption_goes_and_a_listicles_many_captions_stay() -> None:
    """A caption (a ``<figcaption>``'s text, or most of it) is the picture's, not the story's;
    on a page of many captioned pictures (a listicle, a gallery) they are what it says."""
    caption = "The northern quay seen from the ferry"
    body = etree.fromstring(f"<body><p>{STORY}</p><p>{caption}</p><p>{STORY}</p></body>")
    assert prune(body, links_of(), captions=frozenset({f"{caption} (Photo: Ann Writer)"})) == {
        "caption": 1
    }
    many = frozenset(f"{caption} number {n}" for n in range(5)) | {caption}
    kept = (
        (f"<body><p>{STORY}</p><p>{caption}</p><p>{STORY}</p></body>", many),
        (f"<body><p>{STORY}</p><head>{caption}</head><p>{STORY}</p></body>", {caption}),
        (f"<body><p>{STORY}</p><p>The quay</p><p>{STORY}</p></body>", {caption}),
    )
    for page, captions in kept:
        assert prune(etree.fromstring(page), links_of(), captions=frozenset(captions)) == {}, page


def test_a_comments_header_and_count_and_a_forum_members_card_are_boilerplate() -> None:
    none = links_of()
    for line in ("Max Mustermann sagt: 12. März 2020 um 14:33", "John says:", "Anonymous said...",
                 "Zitat von Max:", "One comment", "12 thoughts on “Harbour news”",
                 "6 Gedanken zu „Die Möglichkeit, nichts zu tun“", "Beiträge: 123",
                 "Member since 2010", "Reply ↓"):  # fmt: skip
        assert verdict(line, none) is not None, line
    # a header only at the margins; a quote with its words is the story's
    assert verdict("Max Mustermann sagt:", none, margin=False) is None
    for sentence in ("He says: 'We will rebuild the quay by 2026.'", "One comment stood out.",
                     "Posts on social media spread fast."):  # fmt: skip
        assert verdict(sentence, none) is None, sentence
    # an opinion piece's byline, not a count of comments
    assert verdict("Ein Kommentar von Anna Schreiber", none) == "byline"


def test_a_heading_that_heads_nothing_at_the_end_goes() -> None:
    body = etree.fromstring(
        f"<body><p>{STORY}</p><p>{STORY}</p><head>Ferry fares rise again in spring</head>"
        "<head>Location Details</head></body>"
    )
    assert prune(body, links_of()) == {"heading": 2}
    assert [child.tag for child in body] == ["p", "p"]
    # a heading over a table, or over the story's last paragraph, heads something
    for ending in ("<head>Results</head><table><row><cell>1</cell></row></table>",
                   f"<head>What comes next</head><p>{STORY}</p>"):  # fmt: skip
        body = etree.fromstring(f"<body><p>{STORY}</p><p>{STORY}</p>{ending}</body>")
        assert prune(body, links_of()) == {}, ending


SAID = (
    "Harbour master Anna Berg said the quay had been closed twice this winter because its "
    "timbers were rotten, and that the board could not wait for another storm."
)


def test_a_block_that_a_longer_one_says_again_goes() -> None:
    """A pull quote, a teaser of the paragraph below it: the words stay where they are said
    whole."""
    pull = "The quay had been closed twice this winter because its timbers were rotten."
    assert without_restated(f"{SAID}\n{pull}\n{STORY}", set_apart=[pull]) == f"{SAID}\n{STORY}"
    quoted = f"“{pull}”"
    assert without_restated(f"{SAID}\n{quoted}\n{STORY}") == f"{SAID}\n{STORY}"
    opening = f"“{pull.removesuffix('.')},” the harbour master said."
    assert without_restated(f"{SAID}\n{opening}") == f"{SAID}\n{opening}"
    teaser = "Harbour master Anna Berg said the quay had been closed twice this winter"
    assert without_restated(f"{teaser}\n{SAID}") == SAID
    reworded = "The quay, rotten through, was shut twice in the winter, the harbour master said."
    assert without_restated(f"{SAID}\n{reworded}") == f"{SAID}\n{reworded}"
    # a picture's caption that says a paragraph again with a few words of its own goes,
    # not the paragraph
    sentence = "The quay had been closed twice this winter because its timbers were rotten."
    caption = f"Rotten: {sentence.removesuffix('.')} (pictured in March)"
    text = f"{SAID}\n{caption}\n{sentence}"
    assert without_restated(text, set_apart=[caption], captions=[caption]) == f"{SAID}\n{sentence}"
    # a pull quote that says more than the paragraph keeps its words
    quote = f"{sentence.removesuffix('.')}, and the board will not wait for another storm."
    text = f"{STORY}\n{sentence}\n{quote}"
    assert without_restated(text, set_apart=[quote]) == f"{STORY}\n{quote}"


def test_what_only_looks_restated_stays() -> None:
    twice = f"{SAID}\n{STORY}\n{SAID}"  # printed twice: not a summary of itself
    assert without_restated(twice) == twice
    heading = "Anna Berg said the quay had been closed twice this winter"
    assert without_restated(f"{heading}\n{SAID}", [heading]) == f"{heading}\n{SAID}"
    item = "- the quay had been closed twice this winter because its timbers were rotten"
    assert without_restated(f"{SAID}\n{item}") == f"{SAID}\n{item}"  # a fact box's item
    row = "| the quay had been closed twice this winter because its timbers | rotten |"
    assert without_restated(f"{SAID}\n{row}") == f"{SAID}\n{row}"
    figure = "The quay had been closed 3 times this winter because its timbers were rotten."
    assert without_restated(f"{SAID.replace('twice', '2 times')}\n{figure}").endswith(figure)
    short = "closed twice this winter because its timbers"  # fewer than eight words
    assert without_restated(f"{SAID}\n{short}") == f"{SAID}\n{short}"
    # below the paragraph and not set apart from the story: the story goes on in its words
    # (a statement quoted whole, then given paragraph by paragraph)
    pull = "The quay had been closed twice this winter because its timbers were rotten."
    assert without_restated(f"{SAID}\n{pull}") == f"{SAID}\n{pull}"


def test_a_newsletter_forms_messages_pointers_and_picture_labels_are_boilerplate() -> None:
    """What a sign-up form shows one at a time when its script runs, all at once when it does
    not; labels over links elsewhere; a picture's label; in the words sites use."""
    none = links_of()
    for message in (
        "Sie erhalten von uns umgehend eine E-Mail mit einem Bestätigungslink.",
        "Bitte bestätigen Sie diesen Link, um Ihre Anmeldung abzuschließen.",
        "Ihre Anmeldung wurde nicht ausgeführt. Bitte überprüfen Sie Ihre E-Mail-Adresse.",
        "Your subscription failed. Please check your e-mail address.",
        "Thank you for subscribing!",
    ):
        assert verdict(message, none) == "notice", message
    assert verdict("A lire aussi :", none) == "elsewhere"
    assert verdict("Weiterführende Links:", none) == "elsewhere"
    assert verdict("External links[edit]", none) == "elsewhere"
    assert verdict("Das Thema könnte dich auch interessieren:", none) == "elsewhere"
    assert verdict("Teilen auf", none) == "call"
    assert verdict("Header Image: People have lived in the forest for centuries", none) == "credit"
    # the same words in a reporter's sentence
    assert verdict("A lire la suite du rapport, les élus ont voté contre.", none) is None
    assert verdict("Teilen auf Facebook wollte er den Aufruf nicht.", none) is None
    assert verdict("The main image of the campaign: a tanker in the strait.", none) is None
    assert verdict("Thousands thanked the volunteers for subscribing them.", none) is None


def test_lines_of_blanks_say_nothing() -> None:
    text = "Viel Spass\n      \n\u00a0\u00a0\n      Links:  \n\t\n    x = 1\n"
    assert without_blanks(text) == "Viel Spass\n      Links:\n    x = 1"


def test_a_line_said_again_and_again_is_a_hidden_slides_label() -> None:
    """CNN's gallery gives each of its 177 pictures the same hidden title."""
    label = "From the campaign trail"
    text = "\n".join([STORY.strip(), *[label] * 177, LEAD])
    assert without_runs(text) == f"{STORY.strip()}\n{LEAD}"
    # a chant quoted three times, a code sample's braces, a line said twice: the story's
    chant = "\n".join([STORY.strip(), *["We love you Arsenal, we do."] * 3, LEAD])
    braces = "\n".join(["if ferry:", "  {", *["}"] * 4])
    for kept in (chant, braces, f"{LEAD}\n{LEAD}"):
        assert without_runs(kept) == kept


def test_a_posts_row_of_facts_and_a_courtesy_credit_are_boilerplate() -> None:
    none = links_of()
    row = "January 13, 2020 at 08:45 AM | categories: Python, Mercurial | View Comments"
    assert verdict(row, none) == "date"
    assert verdict(row, none, margin=False) is None  # inside the story: a table's row, maybe
    assert verdict("Courtesy of Forests News", none) == "credit"
    assert verdict("The boat sank near the pier. (Photo courtesy of the coast guard)", none) == (
        "credit"
    )
    assert verdict("Courtesy of the new law, the council must publish its budget.", none) is None
    assert verdict("Prices rose 3% | wages 2% | rents 5%", none) is None


def test_a_block_that_says_a_removed_one_whole_stays() -> None:
    """A teaser, a summary with a few words of its own, the paragraph: the summary stays,
    since the teaser's words are said whole there and its own words nowhere else."""
    teaser = "The council voted on Tuesday to rebuild the northern quay for the ferries"
    summary = (
        "The council voted on Tuesday to rebuild the northern quay for the ferries and the "
        "fishing boats of the harbour, said harbour master Anna Berg after the long session "
        "zebra"
    )
    paragraph = summary.removesuffix(" zebra") + ", a decision that ends a year of debate."
    text = without_restated(f"{teaser}\n{summary}\n{paragraph}")
    assert "zebra" in text
    assert teaser not in text.split("\n")


def test_an_english_news_pages_labels_pitches_notices_and_contact_lines_are_boilerplate() -> None:
    none = links_of()
    for line, kind in (
        ("DON'T MISS", "elsewhere"),
        ("Explore further", "elsewhere"),
        ("More:", "elsewhere"),
        ("Follow AP's full coverage of Brexit at https://apnews.example/Brexit", "elsewhere"),
        ("More AP NBA: https://apnews.example/NBA", "elsewhere"),
        ("Follow The Gazette Opinion section on Facebook, Twitter and Instagram.", "call"),
        ("Like this story? Share it with a friend!", "call"),
        ("If you enjoyed this article, we have a proposition for you: join us.", "notice"),
        ("Write to Ann Writer at ann.writer@gazette.example", "call"),
        ("Reach the reporters on Twitter at http://twitter.com/annwriter", "call"),
        ("Comentários ofensivos não serão aprovados pelo moderador.", "call"),
        ("12 issues for £11.99 delivered to your door. Click here for more information.", "call"),
        ("The quay at dawn, installation views, photos © Gazette, 2018", "credit"),
        ("This copy is for your personal, non-commercial use only.", "notice"),
        ("Tempo de leitura: 2 minutos", "label"),
        ("기사입력 :[ 2018-08-25 15:24 ]", "label"),
        ("An error has occurred, please try again later.", "notice"),
        ("This article has been sent to", "notice"),
        ("If you buy something through this post, the Gazette may get a share of the sale.",
         "disclosure"),
        ("Order Reprints", "control"),
    ):  # fmt: skip
        assert verdict(line, none) == kind, line
    for line, kind in (
        ("Mehr zur Lage im Hafen lesen Sie in unserem Liveblog:", "elsewhere"),
        ("Alle Entwicklungen finden Sie im Liveblog:", "elsewhere"),
        ("Read more about the strike in our live blog:", "elsewhere"),
        ("Ein Klick für den Datenschutz", "notice"),
    ):
        assert verdict(line, none) == kind, line
    for line, kind in (
        ("showPaywall:", "markup"),
        ("isPaid: true", "markup"),
        ("Link zum YouTube-Inhalt", "notice"),
        ("An dieser Stelle finden Sie einen von unseren Redakteuren ausgewählten, externen "
         "Inhalt, der den Artikel ergänzt.", "notice"),
        ("Ähnliche:", "elsewhere"),
        ("有料会員になると会員限定の有料記事もお読みいただけます。", "call"),
        ("2025年1月14日 01時28分 (1月14日 01時40分更新)", "date"),
        ("박준석 기자 외 1명", "byline"),
        ("false", "markup"),
        ("• Email: ann.writer@gazette.example", "control"),
        ("Mehr Themen auf GAZETTE.de:", "elsewhere"),
        ("Zum Artikel: Tarifrunde im Hafen: Das wird verhandelt", "elsewhere"),
        ("20 Nisan 2026•Güncelleme: 20 Nisan 2026", "date"),
        ("会員向け記事が読み放題", "call"),
        ("Aktuelle Nachrichten aufs Handy? Hier geht es zur neuen Gazette-News-App – für "
         "Android und iOS.", "call"),
        ("Weitere aktuelle Themen aus dem Hafen", "elsewhere"),
        ("Du möchtest mitmachen? Dann hinterlasse einfach einen Kommentar.", "call"),
        ("Submit your letter to the editor via this form.", "call"),
        ("Werden Sie Mitglied bei", "call"),
        ("Become a subscriber and get unlimited access to our journalism.", "call"),
        ("Mit der Registrierung akzeptieren Sie unsere Nutzungsbedingungen.", "notice"),
        ("By signing up, you agree to our Terms of Use.", "notice"),
        ("When you join the Gazette family, you will get unlimited digital access.", "call"),
        ("First-time subscribers also receive a welcome gift made in the harbour!", "call"),
        ("Werden Sie Mitglied und erhalten Sie exklusive Angebote!", "call"),
        ("Folgt mir gerne auf Instagram. Da gibt es die meisten aktuellen Fotos.", "call"),
        ("*Bonus value is our estimate. View our latest valuations here.", "elsewhere"),
    ):  # fmt: skip
        assert (verdict(line, none) or header_line(line)) == kind, line
    assert verdict("iPhone: a review of the new model", none) is None
    assert verdict("The claim about the quay was false.", none) is None
    for sentence in ("Weitere Nachrichten lagen zunächst nicht vor.",
                     "Become a member of the club was his dream, he said.",
                     "Submit your application by Friday, the council said.",
                     "New subscribers get a discount, the company said in its filing.",
                     "When you join a union, you gain rights, the lawyer said.",
                     "See our full report here, the minister told parliament."):  # fmt: skip
        assert verdict(sentence, none) is None, sentence
    for sentence in ("Lesen Sie im Folgenden, was der Minister sagte:",
                     "Was Sie im Hafen finden, zeigt die Tabelle:",
                     "Die Ergebnisse finden Sie im Anhang."):  # fmt: skip
        assert verdict(sentence, none) is None, sentence
    # the reporter's own address alone goes at the story's margins only
    assert verdict("ann.writer@gazette.example", none) == "control"
    assert verdict("twitter.com/annwriter", none) == "control"
    assert verdict("ann.writer@gazette.example", none, margin=False) is None
    for sentence in (
        "More than 100 people came to the quay on Sunday.",
        "Don't miss the ferry, the captain warned the late passengers.",
        "An error occurred in the software, forcing the crew to try again later.",
        "Users were told to click here to claim a prize, the police said.",
        "Follow the money, the auditor told the board.",
        "Write to the council, the campaigners urged their neighbours.",
        "The photos of the quay were taken in 2018 by a local student.",
        "Analysts expect the chain to get a share of the sales next year.",
    ):
        assert verdict(sentence, none) is None, sentence


def test_another_storys_card_inside_the_story_goes_and_a_press_reviews_dated_lines_stay() -> None:
    links = links_of("Ferry fares rise again in spring after a long winter",
                     "4 avril 2018 : Article Libération.fr")  # fmt: skip
    body = etree.fromstring(
        f"<body><p>{STORY}</p><head>Ferry fares rise again in spring after a long winter</head>"
        f"<p>Lunes 02 Mayo, 2022 | 09:37</p><p>{STORY}</p>"
        "<head>4 avril 2018 : Article Libération.fr</head><p>13 mars 2018 : Blog Mille Babords</p>"
        f"<p>{STORY}</p></body>"
    )
    assert prune(body, links) == {"teaser": 2}
    text = "".join(body.itertext())
    assert "Ferry fares" not in text and "Mayo" not in text and "13 mars 2018" in text


def test_a_reporters_sentences_near_the_new_kinds_stay() -> None:
    """Sentences a second reader wrote against the rules for labels, calls, notices, markup
    and datelines in English, German, Spanish, Japanese, Korean and Turkish."""
    none = links_of()
    for sentence in (
        "Comments made in the hearing will not be published, the judge ruled.",
        "Los comentarios de los jueces no serán publicados hasta el fallo.",
        "Follow these five steps on Instagram to secure your account.",
        "Follow the full coverage of the trial, the judge told reporters.",
        "More detail: https://www.gov.uk/guidance",
        "deGrom: 7",
        "This story has been sent to prosecutors, the editor said.",
        "An error occurred, try again later, the app told users.",
        "If you liked this story's first season, you will love the second.",
        "Contact the editor on Monday, the lawyer advised.",
        "He read the poem aloud and asked listeners to share it with a friend.",
        "Artists may receive a share of the revenue from purchases on the platform.",
        "Die News-App des Senders ist für Android und iOS erschienen, teilte der Sender mit.",
        "同社は有料会員になると送料が無料になる仕組みを導入した。",
        "市の防災メールに登録すると、避難情報が届く。",
        "判決は3月5日に言い渡される",
        "政府は1月14日、新たな対策を発表した。",
        "검찰은 2024년 3월 5일 기소했다",
        "Toplantı 5 Kasım 2024'te yapıldı.",
        "Version 2024.3.5",
    ):
        assert verdict(sentence, none) is None, sentence
        assert header_line(sentence) is None, sentence


def text_of(body: etree._Element) -> list[str]:
    return [" ".join(line.split()) for line in xmltotxt(body, False).splitlines() if line.strip()]


def test_a_page_laid_out_in_tables_gives_its_story_as_paragraphs() -> None:
    body = etree.fromstring(
        "<body><table><row><cell><head>Quay to be rebuilt</head>"
        f"<p>{STORY}</p><p>{LEAD}</p></cell><cell>Most read</cell></row></table></body>"
    )
    assert unwrap_layout(body)
    assert text_of(body) == ["Quay to be rebuilt", STORY.strip(), LEAD, "Most read"]
    # a table of data (it has header cells) stays one, whatever its cells hold
    data = (
        "<table><row><cell role='head'>Film</cell><cell role='head'>Year</cell></row>"
        "<row><cell><p>Groundhog Day</p></cell><cell>1993</cell></row></table>"
    )
    body = etree.fromstring(f"<body><p>{STORY}</p>{data}</body>")
    assert not unwrap_layout(body)
    assert body.find("table") is not None


def test_a_tables_rows_of_links_around_the_story_go_and_a_data_tables_stay() -> None:
    links = links_of("News", "Sports", "Contact us", "Bundesliga", "Jacinda Ardern")
    body = etree.fromstring(
        "<body><table><row><cell>News</cell><cell>Sports</cell></row><row><cell/></row></table>"
        f"<p>{STORY}</p><p>{STORY}</p><table><row><cell>Contact us</cell></row>"
        "<row><cell>Bundesliga</cell><cell>3</cell></row></table>"
        "<table><row><cell role='head'>Prime Minister</cell><cell>Jacinda Ardern</cell></row>"
        "</table></body>"
    )
    assert prune(body, links) == {"links": 2, "empty": 1}
    assert text_of(body)[2:4] == ["| Bundesliga | 3 |", "| Prime Minister | Jacinda Ardern |"]


def test_a_row_of_links_is_a_menu_whatever_the_length_of_its_links() -> None:
    links = links_of("Rentenpolitik", "Blog", "Mailaktion Bundestag", "Alles klar?")
    assert links.is_menu("Rentenpolitik | Blog | Mailaktion Bundestag | Alles klar?")
    assert not links.is_menu("Rentenpolitik and Blog: what the Mailaktion Bundestag asked")
    # the marks between the items are the menu's
    links = links_of("ePaper", "Front Page", "National", "Kerala", "Sport", "Other States")
    assert links.is_menu("News: ePaper | Front Page | National | Kerala | Sport | Other States |")
    # a link's text inside another's is one item, not two
    links = links_of("Designerinnen", "160 Designerinnen", "Handtasche")
    assert not links.is_menu("160 Designerinnen für eine einzige Handtasche")


def test_a_scripts_statement_and_a_players_file_left_as_text_are_markup() -> None:
    none = links_of()
    assert verdict('document.createElement("audio");', none) == "markup"
    assert verdict("https://media.example.cl/uploads/2022/05/interview.mp3", none) == "markup"
    assert verdict('Call document.createElement("audio"); to make one.', none) is None
    assert verdict("https://www.wwf.de/living-planet-report", none) is None


def test_another_storys_card_in_a_publishers_body_goes() -> None:
    card = '"A ver si se atreve a viajar": el cruce entre Matamala y Pérez'
    body = f"{STORY}\n{card}\nLunes 02 Mayo, 2022 | 09:37\n{LEAD}"
    assert prune_text(body, links_of(card))[0] == f"{STORY.strip()}\n{LEAD}"


def test_a_text_of_headings_alone_keeps_them() -> None:
    body = etree.fromstring(
        f"<body><head>What is the group?</head><head>{STORY}</head><head>Events</head></body>"
    )
    prune(body, links_of())
    assert len(text_of(body)) == 3


def test_readers_comments_under_the_story_go_from_their_label_on() -> None:
    comment = "They can have our old manager for free, he never liked the cold up north anyway."
    thread = "".join(
        f"<p>{comment}</p><p>Posted by Reader{n} on January 10, 2008 5:1{n} PM</p>"
        "<p>Report this comment</p>"
        for n in range(3)
    )
    body = etree.fromstring(f"<body><p>{STORY}</p><p>{LEAD}</p><p>Comments</p>{thread}</body>")
    assert prune(body, links_of())["comment"] == 10
    assert text_of(body) == [STORY.strip(), LEAD]
    # a comment's own header opens the thread whatever follows it
    body = etree.fromstring(
        f"<body><p>{STORY}</p><p>{LEAD}</p><head>#1 Kommentar von Naru-chan</head>"
        "<p>26. März 2004, 16:19</p><p>Danke für dieses Kapitel!</p></body>"
    )
    prune(body, links_of())
    assert text_of(body) == [STORY.strip(), LEAD]
    # a recipe's reviews, each signed with its writer's name and how long ago
    reviews = "".join(f"<p>Reader{n}2{n} days ago</p><p>{comment}</p>" for n in range(3))
    body = etree.fromstring(f"<body><p>{STORY}</p><p>Rate and Comment</p>{reviews}</body>")
    prune(body, links_of())
    assert text_of(body) == [STORY.strip()]
    # a review's section headed "Reviews", its sentences telling when, stays
    told = ["Critics were mostly positive about the new ferry.", "The embargo lifted 2 days ago.",
            "Sales open on Friday at 9:00 a.m. in most markets."]  # fmt: skip
    body = etree.fromstring(
        f"<body><p>{STORY}</p><p>Reviews</p>" + "".join(f"<p>{t}</p>" for t in told) + "</body>"
    )
    prune(body, links_of())
    assert text_of(body)[-3:] == told
    # a story that speaks of comments, and a label without signed comments after it, stay
    body = etree.fromstring(f"<body><p>{STORY}</p><p>Comments</p><p>{LEAD}</p></body>")
    prune(body, links_of())
    assert text_of(body)[-1] == LEAD


def test_a_box_labelled_as_the_authors_at_the_end_goes_with_its_label() -> None:
    bio = "Ann Writer has covered the harbour since 2010 and lives in Kiel with a boat."
    for label in ("About the author", "Über die Autorin", "Der Autor"):
        body = etree.fromstring(
            f"<body><p>{STORY}</p><p>{STORY}</p><head>{label}</head><p>{bio}</p>"
            "<p>She has two cats.</p></body>"
        )
        assert prune(body, links_of()) == {"author": 3}, label
        assert [child.tag for child in body] == ["p", "p"]
    # a label over more than a box's words is a section of the story
    body = etree.fromstring(
        f"<body><p>{STORY}</p><head>Der Autor</head><p>{STORY * 4}</p><p>{STORY * 2}</p></body>"
    )
    assert prune(body, links_of()) == {}


def test_an_authors_box_that_names_no_known_author_goes_when_it_ends_the_text() -> None:
    bio = "Annie Downs is a freelance writer in Nashville, Tennessee, and the author of two books."
    body = etree.fromstring(f"<body><p>{STORY}</p><p>{LEAD}</p><p>{bio}</p></body>")
    assert prune(body, links_of()) == {"author": 1}
    # the same words inside the story are the story's
    body = etree.fromstring(f"<body><p>{STORY}</p><p>{bio}</p><p>{LEAD}</p></body>")
    assert prune(body, links_of()) == {}
    # the last word on a person the story is about: a director, a professor, not its writer
    subject = ("Mr Regling is a former Director-General for economic and financial affairs at "
               "the European Commission. He has also worked in the private sector.")  # fmt: skip
    body = etree.fromstring(f"<body><p>{STORY}</p><p>{LEAD}</p><p>{subject}</p></body>")
    assert prune(body, links_of()) == {}
    # in German, French and Spanish, the role before the name or after it
    for bio in ("Korrespondent Ulrich Exner ist bei der Zeitung für die Landespolitik zuständig.",
                "Ann Schreiber ist Redakteurin im Ressort Politik und schreibt über Verkehr.",
                "Anne Dupont est journaliste au service politique.",
                "Juan Pérez es periodista y cubre la política local."):  # fmt: skip
        body = etree.fromstring(f"<body><p>{STORY}</p><p>{LEAD}</p><p>{bio}</p></body>")
        assert prune(body, links_of()) == {"author": 1}, bio
    subject = "Angela Merkel ist Bundeskanzlerin und war zuvor Umweltministerin."
    body = etree.fromstring(f"<body><p>{STORY}</p><p>{LEAD}</p><p>{subject}</p></body>")
    assert prune(body, links_of()) == {}
    # under its label on the same line
    lead = "About the Author: Chris is obsessed with optimizing the web and has built two themes."
    body = etree.fromstring(f"<body><p>{STORY}</p><p>{LEAD}</p><p>{lead}</p></body>")
    assert prune(body, links_of()) == {"author": 1}


def test_the_lines_a_blogs_template_writes_under_each_entry_go_at_the_margins() -> None:
    none = links_of()
    for line in ("This entry was posted on Saturday, August 25th, 2012 at 12:23 am and is filed "
                 "under Neat Stuff, Videos.",
                 "You can follow any responses to this entry through the RSS 2.0 feed.",
                 "Both comments and pings are currently closed.",
                 "This page contains a single entry by Byron published on November 6, 2012.",
                 "BikeSnob: A Dick About Sandy Relief was the previous entry in this blog.",
                 "Find recent content on the main index or look in the archives to find all "
                 "content.",
                 "Dieser Eintrag wurde veröffentlicht in Allgemein von admin.",
                 "Kommentare und Pings sind geschlossen.",
                 "Ce contenu a été publié dans Actualités par admin.",
                 "Powered by Movable Type."):  # fmt: skip
        assert verdict(line, none) == "notice", line
        assert verdict(line, none, margin=False) is None, line
    # the comment box's state and rules, a pitch for the mailing list
    for line in ("Comments are closed.", "Die Kommentarfunktion ist geschlossen.",
                 "Les commentaires sont fermés.",
                 "Welcome to our new commenting system. Please keep comments civil and relevant.",
                 "We reserve the right to remove comments that are off-topic.",
                 "If you enjoyed this article, enter your email below to get free updates!"):  # fmt: skip
        assert verdict(line, none) == "call", line
    # a list's pager, a form's labels, a box of related content
    assert verdict("1 - 4 of 20", none) == verdict("1–10 of 98", none) == "control"
    for label in ("Your Name", "Email Address", "URL", "Message", "Website"):
        assert verdict(label, none) == "control", label
        assert verdict(label, none, margin=False) is None, label
    assert verdict("Explore Related Content", none) == "elsewhere"
    # a blog's and a news site's other buttons, counts and pointers
    for line, kind in (("The comments to this entry are closed.", "notice"),
                       ("Login or register to post comments", "call"),
                       ("6 Comments Leave a comment", "control"), ("2044 reads", "control"),
                       ("No related posts.", "control"), ("Print This •", "control"),
                       ("Get the Flash Player to see this player.", "notice"),
                       ("Previous Post: S&P 500 Index Breaks 1,400", "elsewhere"),
                       ("More world stories from NBC News:", "elsewhere"),
                       ("Previously posted items", "elsewhere"),
                       ("Photo by: Jacob Botter", "credit"), ("Find us on Facebook", "call"),
                       ("Twitter (17,951 followers) • Facebook (3,507 likes)", "call")):  # fmt: skip
        assert verdict(line, none) == kind, line
    # a news site's of 2008: its rows of buttons, the comment box's rules, other stories' labels
    for line, kind in (("Mail to a friend Print story Read later", "control"),
                       ("Send this article to Friends by", "control"),
                       ("Printer friendly", "control"), ("• Digg this story", "control"),
                       ("Comments are limited to 200 words or less.", "call"),
                       ("Note: All Comments Subject To Approval", "call"),
                       ("Get Starpulse News Via Email:", "call"),
                       ("MORE MANITOBA HEADLINES »", "elsewhere"),
                       ("More in South Asia news", "elsewhere"),
                       ("Stories in this Section", "elsewhere"),
                       ("Recent Picks and Articles", "elsewhere"),
                       ("Don't Miss . . .", "elsewhere")):  # fmt: skip
        assert verdict(line, none) == kind, line
    for line, kind in (("Print E-mail story Most e-mailed Change text size", "control"),
                       ("Story Tools", "control"), ("5 captures", "control"),
                       ("About this capture", "control"),
                       ("Previous Stories: Features Archive", "elsewhere"),
                       ("Also In This Issue: New York Magazine - December 19, 2005", "elsewhere"),
                       ("FROM OTHER NEWS SITES", "elsewhere"),
                       ("If you want other stories on this topic, search the Archives at "
                        "latimes.com/archives.", "elsewhere"),
                       ('By clicking "Create Account", you confirm that you accept our', "call"),
                       ("Take advantage of this special offer - Act now!", "call"),
                       ("updated 11:43 AM EST, Thu January 3, 2013", "date")):  # fmt: skip
        assert verdict(line, none) == kind, line
    assert verdict("Facebook Twitter WhatsApp", none) == "call"  # a row of share buttons
    for line, kind in (("Page last updated at 22:47 GMT, Monday, 4 May 2009", "label"),
                       ("The author is a Forbes contributor. The opinions expressed are those "
                        "of the writer.", "label"),
                       ("- From the section US & Canada", "elsewhere"),
                       ("This story contains a piece of media that requires your computer to "
                        "have Adobe Flash and JavaScript enabled.", "notice"),
                       ("TRENDING TODAY", "elsewhere"), ("NEWS CATEGORIES:", "elsewhere"),
                       ("MUST-READ RELATED ARTICLES:", "elsewhere"),
                       ("posted August 9th, 2012 1:00 PM EDT by Jared Nelson in News", "label"),
                       ("- Font:", "control"),
                       ("» E-mail To A Friend » Print » Text size:", "control"),
                       ("KEY STORIES", "elsewhere"), ("YOUR SAY", "elsewhere"),
                       ("Please read our Terms and Conditions and Privacy Statement before "
                        "using this site.", "call")):  # fmt: skip
        assert verdict(line, none) == kind, line
    for line in ("Don't miss the parade on Sunday, when the bands come to town.",
                 "Die Wahl findet am 3. Mai 2020 in Berlin statt.",
                 "Last updated at the end of the meeting, the plan was approved.",
                 "Posted May 5, the video drew millions of views within a day, officials said.",
                 "Print story ideas were what the editors asked for, said the author."):  # fmt: skip
        assert verdict(line, none) is None, line
    for line in ("Twitter: @nuttynomads", "Facebook: www.facebook.com/nuttynomads",
                 "Featured Video:", "Slideshows"):  # fmt: skip
        assert verdict(line, none) == "control", line
        assert verdict(line, none, margin=False) is None, line
    assert verdict("Views expressed on this page are those of the authors.", none) is not None
    # a story's own sentences about the same things
    for line in ("The entry was posted on the museum's website on Monday, officials said.",
                 "Comments are closed to the public until the hearing on Friday.",
                 "His name is on the list of 4 of 20 candidates the party approved.",
                 "More bad news: the bridge stays closed until May.",
                 "Website: www.harbour-festival.de"):  # fmt: skip
        assert verdict(line, none) is None, line


def test_the_phrase_lists_search_only_the_lines_that_hold_their_words() -> None:
    """A phrase list searches a line only when it holds one of the words its alternatives
    begin with or name; an alternative written so that its word cannot be read off would make
    every line pay for the whole search again, and no verdict would show it."""
    lists = {name: value for name, value in vars(rules).items()
             if isinstance(value, rules._Phrases) and value._anywhere is not None}  # fmt: skip
    assert {"_CALL", "_LABEL", "_NOTICE", "_CREDIT", "_RIGHTS"} <= set(lists)
    for name, phrases in lists.items():
        if name != "CAPTION_END":  # a caption's credit ends the line: no word leads it
            assert phrases._words, name
    phrases = rules._Phrases(
        r"\b(?:log|sign) in (?:here|to comment)\b", r"(?#reservados)\b20\d\d\W+derechos reservados"
    )
    assert set(phrases._words) == {"log", "sign", "reservados"}
    plain = re.compile(
        r"\b(?:log|sign) in (?:here|to comment)\b|\b20\d\d\W+derechos reservados", re.I
    )
    for line in ("Sign in to comment", "Please LOG IN here.", "© 2020 - Derechos reservados",
                 "The blog's sign was in the window.", "Todos los derechos, 2020."):  # fmt: skip
        assert bool(phrases.search(line)) == bool(plain.search(line)), line
