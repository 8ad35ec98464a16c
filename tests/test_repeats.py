"""A site's template lines are known by their repeating; a story's own lines are not."""

from __future__ import annotations

from crawler.repeats import (
    SiteLines,
    SiteMemory,
    keyed_lines,
    keys_of,
    line_key,
    site_of,
    without_lines,
    without_repeats,
)

NOTE = "Editor's note: this newspaper follows the Editors' Code. Corrections: desk@example.org"


def story(number: int, *extra: str) -> str:
    lines = [
        f"The council met on day {number} to vote on harbour plan number {number}.",
        " ".join([f"Story {number} goes on with a paragraph of its own, long enough."] * 3),
        *extra,
    ]
    return "\n".join(lines)


def test_a_line_that_enough_of_the_last_articles_carried_goes() -> None:
    lines = SiteLines(window=20)
    for number in range(3):
        lines.add(keys_of(story(number, NOTE)))
    text = keyed_lines(story(9, NOTE))
    assert without_repeats(text, lines, min_articles=4, min_chars=50) == (None, [])  # 3 < 4
    lines.add(keys_of(story(3, NOTE)))
    cleaned, gone = without_repeats(text, lines, min_articles=4, min_chars=50)
    assert gone == [line_key(NOTE)]
    assert cleaned == story(9)
    markdown = f"## Harbour\n\n{story(9)}\n\n{NOTE}\n\n*{NOTE}*"
    assert without_lines(markdown, gone, cleaned) == f"## Harbour\n\n{story(9)}\n\n*{NOTE}*"


def test_short_lines_repeat_in_stories_of_their_own_right_and_stay() -> None:
    lines = SiteLines(window=20)
    for number in range(10):
        lines.add(keys_of(f"Ingredients\n1 tsp salt\n{story(number)}"))
    recipe = f"Ingredients\n1 tsp salt\n{story(10)}"
    assert without_repeats(keyed_lines(recipe), lines, min_articles=4, min_chars=50) == (None, [])


def test_the_comparison_ignores_case_and_spacing_but_not_words() -> None:
    assert line_key("Editor's note:  this  newspaper") == line_key("editor's NOTE: this newspaper")
    assert line_key("Editor's note: this newspaper") != line_key("Editor's note: that newspaper")


def test_a_line_the_site_stopped_printing_is_forgotten_with_the_window() -> None:
    lines = SiteLines(window=5)
    for number in range(5):
        lines.add(keys_of(story(number, NOTE)))
    assert lines.carried_by(line_key(NOTE)) == 5
    for number in range(5, 8):
        lines.add(keys_of(story(number)))
    assert lines.carried_by(line_key(NOTE)) == 2
    assert len(lines.articles) == 5


def test_an_article_that_would_be_left_too_short_is_not_cut() -> None:
    lines = SiteLines(window=20)
    for _ in range(4):
        lines.add(keys_of(NOTE))
    assert without_repeats(keyed_lines(NOTE), lines, min_articles=4, min_chars=10) == (None, [])


def test_a_site_is_its_host_without_www() -> None:
    assert site_of("https://www.Example.org/news/1.html") == "example.org"
    assert site_of("https://sport.example.org/a") == "sport.example.org"
    # a web archive's replay of a page belongs to the archived site, not to the archive
    archived = "https://web.archive.org/web/20181206101316/https://www.example.org/news/1.html"
    assert site_of(archived) == "example.org"
    assert site_of("https://web.archive.org/web/20130307194448/example.net/2008/05/a.html") == (
        "example.net"
    )
    assert site_of("https://web.archive.org/web/2013id_/http://example.com/a") == "example.com"
    assert site_of("https://wayback.archive-it.org/1234/20200101/https://example.com/a") == (
        "example.com"
    )
    assert site_of("https://web.archive.org/web/2018/https:/example.com/a") == "example.com"
    # what names no site stays the archive's
    assert site_of("https://web.archive.org/about/") == "web.archive.org"
    assert site_of("https://web.archive.org/web/1234/foo") == "web.archive.org"
    assert site_of("https://web.archive.org/web/20181206/http://[bad/a") == "web.archive.org"


def test_a_line_between_the_storys_own_lines_needs_half_the_window() -> None:
    background = "The harbour authority was founded in 1898 and runs the ferries as well."
    lines = SiteLines(window=20)
    text = story(20).replace("\n", f"\n{background}\n")  # between its first and last lines
    for number in range(9):
        lines.add(keys_of(story(number, background)))
    assert without_repeats(keyed_lines(text), lines, min_articles=4, min_chars=50) == (None, [])
    lines.add(keys_of(story(9, background)))  # 10 of the 20 the window holds
    assert without_repeats(keyed_lines(text), lines, min_articles=4, min_chars=50)[0] == story(20)


def test_a_text_with_no_line_of_its_own_is_left_as_it_is() -> None:
    lines = SiteLines(window=20)
    for _ in range(4):
        lines.add(keys_of(story(1, NOTE)))
    again = keyed_lines(story(1, NOTE) + "\nA short line of its own.\nAnother one." * 5)
    assert without_repeats(again, lines, min_articles=4, min_chars=50) == (None, [])


def test_the_markdown_copy_keeps_a_line_that_the_text_kept() -> None:
    lines = SiteLines(window=20)
    for number in range(4):
        lines.add(keys_of(story(number, NOTE)))
    own = story(9).split("\n")
    text = "\n".join([own[0], NOTE, own[1], NOTE])  # in the middle: stays; at the end: goes
    cleaned, gone = without_repeats(keyed_lines(text), lines, min_articles=4, min_chars=50)
    assert cleaned == "\n".join([own[0], NOTE, own[1]])
    markdown = text.replace("\n", "\n\n")
    assert without_lines(markdown, gone, cleaned) == markdown


def test_sites_beyond_the_bound_are_saved_let_go_and_read_again() -> None:
    stored: dict[str, list[list[int]]] = {}

    def save(new: dict[str, list[list[int]]], window: int) -> None:
        for site, articles in new.items():
            stored[site] = (stored.get(site, []) + articles)[-window:]

    memory = SiteMemory(window=3, load=lambda s: stored.get(s, []), save=save, max_sites=2)
    memory.add("a.example", keys_of(NOTE))
    memory.add("b.example", [1])
    memory.add("c.example", [2])  # a.example is the least recently seen: saved, let go
    assert list(memory.sites) == ["b.example", "c.example"]
    assert stored == {"a.example": [[line_key(NOTE)]]}
    assert memory["a.example"].carried_by(line_key(NOTE)) == 1  # read again; b.example goes
    assert stored["b.example"] == [[1]]
    stored["c.example"] = [[3]]  # another worker of the fleet wrote an article of c.example
    memory.flush()
    assert stored["c.example"] == [[3], [2]]
    assert memory["c.example"].carried_by(3) == 1  # what the other worker saw is known now
