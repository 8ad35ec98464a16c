"""The stories of the golden corpus, written by hand: English and six other languages and scripts.

Each is what a reader of the page should get: headline, authors, publication time with its
zone, language, and the body as paragraphs (a line starting with "## " is a subheading, "- " a
list item).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class GoldenStory:
    slug: str
    language: str
    title: str
    authors: tuple[str, ...]
    published: str  # ISO 8601 with zone
    body: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n".join(line.removeprefix("## ").removeprefix("- ") for line in self.body)


STORIES = [
    GoldenStory(
        "ferry-timetable",
        "en",
        "Island ferry adds a late sailing for the winter months",
        ("Maria Jensen",),
        "2026-11-18T07:30:00+00:00",
        (
            "The island ferry will run a late sailing every Friday and Saturday from December "
            "until the end of March, the operator announced on Tuesday after months of "
            "complaints from residents who work evening shifts on the mainland.",
            "The new crossing leaves the harbour at 23:15 and reaches the island forty minutes "
            "later. Until now the last boat left at 21:00, which meant that nurses, cooks and "
            "bar staff often had to pay for a room in town or sleep in their cars.",
            "Operator spokesperson Daniel Okafor said the extra sailings would cost about "
            "180,000 euros over the season and would be paid for by the regional transport "
            "fund. He said the company would count passengers and decide in spring whether the "
            "late boat becomes permanent.",
            "Residents' association chair Ingrid Holm welcomed the decision but said a single "
            'weekend sailing was not enough. "People work on Sundays and Mondays too," she '
            "said. The association plans to present a petition to the regional council in "
            "January.",
        ),
    ),
    GoldenStory(
        "school-roof",
        "en",
        "Storm damage closes primary school for two weeks",
        ("Tom Becker", "Aisha Rahman"),
        "2026-11-16T16:05:00+01:00",
        (
            "Pupils of the Harbour Road primary school will be taught in the town library and "
            "the sports hall for at least two weeks after Sunday's storm tore part of the roof "
            "off the main building.",
            "No one was inside when the roof gave way shortly after midnight. Firefighters "
            "secured the site on Monday morning and engineers have begun checking the walls of "
            "the classrooms below, which were flooded by the heavy rain that followed.",
            "Head teacher Laura Novak said lessons would resume on Wednesday in the temporary "
            "rooms. Parents were asked to bring children to the library entrance, where "
            "teachers will meet them from 8:00.",
            "The council said repairs would cost several hundred thousand euros and that the "
            "insurer had already sent an assessor. The building, which dates from 1962, was due "
            "for a new roof in 2028.",
        ),
    ),
    GoldenStory(
        "harbour-budget",
        "en",
        "Council approves harbour budget after seven-hour debate",
        ("Peter Lindqvist",),
        "2026-11-12T21:40:00-05:00",
        (
            "The city council approved next year's harbour budget late on Thursday by 23 votes "
            "to 18, ending a debate that lasted more than seven hours and was interrupted twice "
            "by protesters in the public gallery.",
            "## What the budget contains",
            "The plan sets aside 4.2 million for dredging the inner basin, 1.1 million for new "
            "mooring posts and 600,000 for a study of a second fish market.",
            "- 4.2 million for dredging the inner basin",
            "- 1.1 million for new mooring posts",
            "- 600,000 for a study of a second fish market",
            "## Why the opposition voted against",
            "Opposition councillors said the budget favoured large cargo operators over the "
            "small fishing fleet and called for the fish market study to be dropped. Their "
            "amendment to move the money to repairs of the old quay was rejected.",
            "Mayor Helen Carter said the harbour had been neglected for a decade and that the "
            "dredging could not wait another winter.",
        ),
    ),
    GoldenStory(
        "library-hours",
        "en",
        "Town library to open on Sundays from January",
        ("Grace Whitfield",),
        "2026-11-09T10:00:00+00:00",
        (
            "The town library will open on Sundays from 11:00 to 17:00 starting in January, "
            "after a trial during the autumn school holidays drew more than 1,400 visitors over "
            "two weekends.",
            "Head librarian Samuel Adeyemi said families and students had asked for weekend "
            "opening for years. The extra hours will be covered by two new part-time posts and "
            "by volunteers from the friends of the library association.",
            "The reading room on the first floor will be reserved for quiet study on Sundays, "
            "while the children's department will hold story hours at 14:00. The café on the "
            "ground floor will stay closed for now.",
            "The council expects the Sunday opening to cost about 45,000 euros a year. It will "
            "review visitor numbers in June.",
        ),
    ),
    GoldenStory(
        "bridge-closure",
        "en",
        "Old bridge closes to cars for six months of repairs",
        ("Nikos Pappas", "Hannah Schultz", "Lee Min-jun"),
        "2026-11-03T06:15:00+00:00",
        (
            "The old stone bridge over the river will be closed to cars from Monday for six "
            "months while workers replace its deck and strengthen two of its five arches.",
            "Pedestrians and cyclists will be able to use a narrow lane on the eastern side for "
            "most of the work. Buses will be diverted over the ring road, adding about ten "
            "minutes to journeys between the station and the old town.",
            "Engineers found cracks in the arches during an inspection in the spring. The city "
            "said the bridge was not in danger of collapse but that heavy traffic had to be "
            "kept off it until the repairs were done.",
            "Shopkeepers in the old town fear a drop in customers. The traders' association "
            "asked the city to offer free parking at the station car park during the works, a "
            "request the city says it will consider.",
        ),
    ),
    GoldenStory(
        "football-final",
        "en",
        "Harbour United win the regional cup on penalties",
        ("Carlos Mendes",),
        "2026-10-31T22:50:00+00:00",
        (
            "Harbour United won the regional cup for the first time in 31 years on Saturday, "
            "beating Northfield 5-4 on penalties after a goalless draw in front of 6,200 "
            "spectators.",
            "Goalkeeper Jonas Eriksen saved the final penalty, diving to his left to stop a "
            "low shot from Northfield captain Ben Harper. Moments earlier, United's young "
            "striker Tariq Osei had scored the decisive kick.",
            "Northfield had the better chances in normal time. A header from Harper hit the "
            "crossbar in the 71st minute and Eriksen made two fine saves in extra time.",
            "Thousands of fans gathered in the harbour square after the match. The team will "
            "show the trophy from the balcony of the town hall on Sunday afternoon.",
        ),
    ),
    GoldenStory(
        "wind-park",
        "en",
        "Offshore wind park wins approval despite fishing concerns",
        ("Fiona MacLeod",),
        "2026-10-27T13:20:00+00:00",
        (
            "The national energy agency has approved a 40-turbine wind park twelve kilometres "
            "off the coast, rejecting objections from fishing cooperatives that said the "
            "turbines would close some of their best grounds.",
            "The developer says the park will supply power to about 250,000 homes from 2030. "
            "It has agreed to pay into a fund for fishermen who lose income during "
            "construction and to allow fishing with static gear between the turbines.",
            "The fishing cooperatives said they would study the decision before deciding "
            "whether to appeal. Their lawyer said the compensation fund was too small and had "
            "no clear rules.",
            "Environmental groups welcomed the approval but asked for strict monitoring of "
            "seabirds and porpoises during construction.",
        ),
    ),
    GoldenStory(
        "market-hall",
        "en",
        "Covered market reopens after two years of restoration",
        ("Julia Moreau",),
        "2026-10-20T08:00:00+02:00",
        (
            "The covered market in the old town reopened on Tuesday after two years of "
            "restoration, with 34 stalls selling fish, cheese, bread, flowers and hot food "
            "under its restored iron roof.",
            "The building, opened in 1898, had been closed since the glass panels of its roof "
            "began to fall in 2024. Restorers replaced more than 3,000 panels and repainted "
            "the ironwork in its original green.",
            "Rents for the stalls have risen by about a fifth, which some traders say will "
            "push up prices. The city says it will keep rents frozen for the first three years "
            "for traders who were in the market before it closed.",
            "The market is open from Tuesday to Saturday, 7:00 to 14:00, with late opening on "
            "Thursdays until 20:00.",
        ),
    ),
    GoldenStory(
        "de-radweg",
        "de",
        "Neuer Radweg entlang des Hafens wird im Frühjahr fertig",
        ("Katrin Vogel",),
        "2026-11-14T09:45:00+01:00",
        (
            "Der neue Radweg entlang des Hafenbeckens soll im April fertig sein, zwei Monate "
            "später als geplant. Das teilte die Stadtverwaltung am Freitag im Bauausschuss mit.",
            "Grund für die Verzögerung seien Leitungen im Boden, die in keinem Plan verzeichnet "
            "waren, sagte Baudezernent Michael Braun. Die Arbeiter mussten den Verlauf des Weges "
            "an zwei Stellen ändern.",
            "Der Weg ist 2,8 Kilometer lang und vier Meter breit. Er verbindet den Bahnhof mit "
            "dem Fährterminal und soll vor allem Pendlern eine sichere Strecke bieten.",
            "Die Kosten steigen nach Angaben der Stadt um rund 300.000 Euro auf 3,4 Millionen "
            "Euro. Das Land übernimmt weiterhin zwei Drittel der Summe.",
        ),
    ),
    GoldenStory(
        "fr-festival",
        "fr",
        "Le festival de musique du port attire un public record",
        ("Camille Durand", "Louis Martin"),
        "2026-08-24T18:30:00+02:00",
        (
            "Le festival de musique du port a accueilli plus de 42 000 spectateurs en trois "
            "jours, un record depuis sa création il y a dix-huit ans, ont annoncé dimanche les "
            "organisateurs.",
            "La soirée de samedi, avec un concert gratuit sur le quai principal, a attiré à "
            "elle seule près de 20 000 personnes. Les navettes supplémentaires mises en place "
            "par la ville ont permis d'éviter les embouteillages.",
            "La directrice du festival, Sophie Lefèvre, s'est félicitée de l'ambiance et a "
            "remercié les quelque 300 bénévoles. Elle souhaite ajouter une quatrième journée "
            "l'an prochain.",
            "Les commerçants du port parlent d'un week-end exceptionnel, même si certains "
            "riverains se plaignent du bruit jusqu'à deux heures du matin.",
        ),
    ),
    GoldenStory(
        "es-puerto",
        "es",
        "El puerto amplía su terminal de cruceros",
        ("Lucía Fernández",),
        "2026-09-30T11:10:00+02:00",
        (
            "La autoridad portuaria aprobó este martes la ampliación de la terminal de "
            "cruceros, que podrá recibir dos barcos grandes a la vez a partir de 2028.",
            "Las obras costarán 28 millones de euros y durarán unos dieciocho meses. El nuevo "
            "edificio tendrá una sala de espera para 3.000 pasajeros y una parada de autobuses "
            "conectada con el centro de la ciudad.",
            "Los vecinos del barrio del puerto temen más tráfico y contaminación. Su "
            "asociación pidió que los barcos se conecten a la red eléctrica mientras estén "
            "atracados, algo que la autoridad portuaria promete estudiar.",
            "El sector turístico celebró la decisión y calcula que cada escala deja en la "
            "ciudad más de 400.000 euros.",
        ),
    ),
    GoldenStory(
        "ru-most",
        "ru",
        "В городе откроют новый пешеходный мост через реку",
        ("Анна Смирнова",),
        "2026-11-05T12:00:00+03:00",
        (
            "Новый пешеходный мост через реку откроют в конце декабря, сообщили в мэрии во "
            "вторник. Строительство заняло почти два года и обошлось городу в 640 миллионов "
            "рублей.",
            "Длина моста составляет 210 метров. Он соединит набережную старого города с новым "
            "жилым районом на другом берегу, где живут около сорока тысяч человек.",
            "По словам главного инженера проекта Игоря Власова, на мосту установят подогрев, "
            "чтобы зимой на нём не образовывался лёд. Вечером конструкцию будут подсвечивать.",
            "Жители нового района давно просили о переправе: сейчас им приходится идти до "
            "ближайшего моста почти три километра.",
        ),
    ),
    GoldenStory(
        "ja-kouen",
        "ja",
        "港の公園が来春に全面開園へ",
        ("佐藤 花子",),
        "2026-11-10T15:00:00+09:00",
        (
            "市は十日、港の倉庫跡地に整備している公園を来年四月に全面開園すると発表した。",
            "公園の広さは約四ヘクタールで、芝生広場や子ども向けの遊具、海を望む遊歩道が設けられる。"
            "整備費は約二十五億円で、国の補助金も活用する。",
            "古い倉庫の一部は保存され、カフェや地元の特産品を扱う店として使われる予定だ。"
            "市の担当者は「港のにぎわいを取り戻したい」と話している。",
            "周辺の住民からは駐車場の不足を心配する声も上がっており、市は臨時の駐車場を用意する方針だ。",
        ),
    ),
    GoldenStory(
        "ar-maktaba",
        "ar",
        "افتتاح مكتبة عامة جديدة في وسط المدينة",
        ("ليلى حسن",),
        "2026-10-15T10:30:00+03:00",
        (
            "افتتحت البلدية يوم الأربعاء مكتبة عامة جديدة في وسط المدينة، تضم أكثر من ستين ألف كتاب "
            "وقاعات للقراءة والدراسة مفتوحة لجميع السكان.",
            "وقال مدير المكتبة خالد منصور إن المبنى يحتوي أيضا على قسم خاص للأطفال وقاعة للمحاضرات "
            "تتسع لمئتي شخص، وإن الدخول سيكون مجانيا.",
            "وتفتح المكتبة أبوابها يوميا من الساعة التاسعة صباحا حتى الثامنة مساء، ما عدا يوم الجمعة.",
            "وأعرب عدد من الطلاب عن سعادتهم بالمكتبة الجديدة، مؤكدين أنهم كانوا يفتقرون إلى مكان هادئ "
            "للدراسة قريب من الجامعة.",
        ),
    ),
    GoldenStory(
        "el-limani",
        "el",
        "Νέα γραμμή λεωφορείου συνδέει το λιμάνι με το αεροδρόμιο",
        ("Ελένη Παπαδοπούλου",),
        "2026-09-12T08:20:00+03:00",
        (
            "Νέα γραμμή λεωφορείου θα συνδέει από τη Δευτέρα το λιμάνι με το αεροδρόμιο, με "
            "δρομολόγια κάθε τριάντα λεπτά από τις πέντε το πρωί έως τα μεσάνυχτα.",
            "Η διαδρομή διαρκεί περίπου σαράντα λεπτά και το εισιτήριο κοστίζει τέσσερα ευρώ. "
            "Τα λεωφορεία είναι ηλεκτρικά και διαθέτουν χώρο για αποσκευές.",
            "Ο δήμαρχος δήλωσε ότι η γραμμή θα εξυπηρετεί κυρίως τους επιβάτες των πλοίων, που "
            "μέχρι σήμερα έπρεπε να πάρουν ταξί ή να αλλάξουν δύο λεωφορεία.",
            "Οι ταξιτζήδες της πόλης εξέφρασαν τη δυσαρέσκειά τους και ζητούν συνάντηση με τη "
            "δημοτική αρχή.",
        ),
    ),
]
