"""Every file of a run is named by one stamp: its UTC start, made unique among existing files."""

from __future__ import annotations

from pathlib import Path

from scrapy import Spider
from scrapy.utils.test import get_crawler

from crawler.utils import runinfo
from crawler.utils.runinfo import run_path, run_start


class NewsSpider(Spider):
    name = "news"


def test_every_path_of_a_run_carries_its_start_stamp(tmp_path: Path) -> None:
    crawler = get_crawler(NewsSpider)
    output = run_path(crawler, str(tmp_path / "{spider}" / "{start}.jsonl"))
    report = run_path(crawler, str(tmp_path / "{spider}" / "{start}.report.json"))
    stamp = run_start(crawler).strftime("%Y-%m-%dT%H-%M-%SZ")
    assert output == str(tmp_path / "news" / f"{stamp}.jsonl")
    assert report == str(tmp_path / "news" / f"{stamp}.report.json")


def test_a_second_run_in_the_same_second_gets_the_next_number(tmp_path: Path) -> None:
    template = str(tmp_path / "{start}.jsonl")
    first = get_crawler(NewsSpider)
    Path(run_path(first, template)).touch()
    second, third = get_crawler(NewsSpider), get_crawler(NewsSpider)
    runinfo._STARTS[second] = runinfo._STARTS[third] = run_start(first)  # the same second
    Path(run_path(second, template) + ".part").touch()  # a run still writing counts too
    stamp = run_start(first).strftime("%Y-%m-%dT%H-%M-%SZ")
    assert run_path(second, template).endswith(f"{stamp}-2.jsonl")
    assert run_path(third, template).endswith(f"{stamp}-3.jsonl")


def test_a_fixed_name_is_used_as_given_even_when_it_exists(tmp_path: Path) -> None:
    fixed = tmp_path / "report.json"
    fixed.write_text("{}")
    assert run_path(get_crawler(NewsSpider), str(fixed)) == str(fixed)
