"""HTML bodies to text: a feed's or a publisher's body, tags or escaped tags."""

from __future__ import annotations

from crawler.utils.text import html_to_text


def test_a_body_escaped_once_more_is_read_as_text_and_a_named_tag_stays() -> None:
    escaped = (
        "First.\r\n\r\n&lt;div align=&quot;center&quot;&gt;&lt;img src=&quot;a.jpg&quot; /&gt;"
        "&lt;/div&gt;\r\n&lt;p&gt;Second.&lt;/p&gt;"
    )
    assert html_to_text(escaped) == "First.\nSecond."
    # a tag the text names, in a body with its own markup or without: what the text says
    assert (
        html_to_text("<p>write <code>&lt;p&gt;Hello&lt;/p&gt;</code></p>") == "write <p>Hello</p>"
    )
    named = "The &lt;div&gt; element: x &lt; 3 and y &gt; 2 in the model."
    assert html_to_text(named) == "The <div> element: x < 3 and y > 2 in the model."


def test_a_body_held_as_markdown_reads_as_its_words() -> None:
    body = (
        "Field saw [the documentary](https://example.com/magazine/2006/ozone-man) twice.\n\n"
        "At *NASA*{: .small}’s centre she met **Steven**, of [the lab](/wiki/Ames_(centre))."
        "![The lab at night](https://example.com/lab.jpg)"
    )
    assert html_to_text(body) == (
        "Field saw the documentary twice.\nAt NASA’s centre she met Steven, of the lab."
    )
    # a body without Markdown keeps its brackets and stars
    plain = "Rated 5 * 3 by *all*, [sic] (they said)."
    assert html_to_text(plain) == plain
