"""Reading real-looking news pages (issue 9): main text, furniture, metadata, language, PDFs,
walls; through read_bytes and through the real CLI (files, a directory, a URL on 127.0.0.1)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from claimcheck.cli import cli
from claimcheck.extract_text import extract_text
from claimcheck.ingest import IngestError, read_bytes, read_path
from claimcheck.reading.metadata import strip_site_suffix
from claimcheck.reading.pdf import paragraphs
from tests.httpserver import Reply, ScriptedServer

PAGES = Path(__file__).parent / "fixtures" / "reading"


def run(runner, db_path, *args):
    return runner.invoke(cli, ["--db", str(db_path), *args], catch_exceptions=False)


def dump(db_path: Path) -> list[str]:
    with sqlite3.connect(db_path) as conn:
        return list(conn.iterdump())


def make_pdf(pages: list[list[str]]) -> bytes:
    """A small, valid, ASCII-only PDF: one text line per entry, top to bottom."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    kids = []
    for lines in pages:
        ops = ["BT /F1 11 Tf 14 TL 50 780 Td"]
        ops += [f"({line}) Tj T*" for line in lines]
        stream = (" ".join(ops) + " ET").encode("ascii")
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font"
            b" << /F1 3 0 R >> >> /Contents %d 0 R >>" % len(objects)
        )
        kids.append(len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


REPORT_PAGES = [
    [
        "Harbour Authority Annual Report 2024",
        "Passenger numbers rose by 14% to 3.2 million in the",
        "year to March, the highest figure since records began",
        "in 1951.",
        "Fuel costs fell by 9%.",
        "Page 1 of 3",
    ],
    [
        "Harbour Authority Annual Report 2024",
        "The fleet will grow to 24 vessels by 2026, at a cost",
        "of 180 million pounds over three years.",
        "Page 2 of 3",
    ],
    [
        "Harbour Authority Annual Report 2024",
        "Staff numbers stood at 412 at the year end.",
        "Page 3 of 3",
    ],
]


# ---- main text ---------------------------------------------------------------------------------


def test_news_page_keeps_lead_standfirst_and_caption_and_drops_furniture():
    article = read_path(PAGES / "news_page.html")
    text = article.text
    assert text.startswith("Twelve new vessels will enter service by 2026")  # the standfirst
    assert "The harbour authority will double its ferry fleet to 24 vessels" in text  # the lead
    assert "launched in Gdansk in January, carrying 400 passengers" in text  # the caption
    assert "60 more trained staff" in text
    for furniture in [
        "Read more",
        "Sign up",
        "newsletter",
        "Slideshow",
        "Views",
        "@ferrywatch",
        "council.example",
        "Contact your councillor",
        "Our Standards",
        "Related",
        "Island bridge plan",
        "©",
        "0800",
        "By Jane Marlow",
        "Home",
    ]:
        assert furniture not in text, furniture
    assert text.count("Twelve new vessels") == 1


def test_publisher_article_body_is_read_when_the_page_renders_a_teaser():
    article = read_path(PAGES / "jsonld_body.html")
    assert "120 kilometres of Victorian mains" in article.text
    assert "The regulator will publish its decision in February" in article.text
    assert "Subscribe" not in article.text
    assert article.title == "Water rates to rise 8% from April"
    assert (article.outlet, article.published) == ("Valley Post", "2023-11-20")


def test_metadata_comes_from_the_page_declarations_not_the_cms_or_host():
    article = read_path(PAGES / "news_page.html")
    assert article.title == "Harbour authority doubles ferry fleet"  # not "escenic", no suffix
    assert article.url == "https://courier.example/news/harbour-ferries-2024"
    assert article.outlet == "The Coastal Courier"
    assert article.published == "2024-03-05"


@pytest.mark.parametrize(
    ("title", "outlet", "expected"),
    [
        ("Germany bans far-right group | DW | 19.01.2020", "DW", "Germany bans far-right group"),
        ("Typhoon hits Tokyo harbour - The Japan Times", None, "Typhoon hits Tokyo harbour"),
        ("Budget: what it means for you - BBC News", "BBC", "Budget: what it means for you"),
        (
            "Covid-19 - a year on from the first lockdown",
            None,
            "Covid-19 - a year on from the first lockdown",
        ),
    ],
)
def test_site_suffixes_are_stripped_from_titles(title, outlet, expected):
    assert strip_site_suffix(title, outlet) == expected


# ---- refusals ----------------------------------------------------------------------------------


def test_script_rendered_shell_is_refused_with_one_line(runner, db_path, tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Turnout was 67 per cent, the commission said on Friday.")
    run(runner, db_path, "add", str(story))
    before = dump(db_path)
    result = run(runner, db_path, "add", str(PAGES / "js_shell.html"))
    assert result.exit_code == 1
    assert "rendered by JavaScript" in result.stderr and "{{ctrl." in result.stderr
    assert "Traceback" not in result.output
    assert dump(db_path) == before


def test_login_wall_is_refused():
    page = (
        b"<html><body><article><h1>Exclusive: the port deal</h1><p>Subscribe to continue"
        b" reading. Already a subscriber? Log in to read the full story.</p></article>"
        b"</body></html>"
    )
    with pytest.raises(IngestError, match="login wall"):
        read_bytes(page, name="wall.html", suffix=".html")


def test_non_english_is_refused_unless_declared_english(runner, db_path):
    page = str(PAGES / "german_page.html")
    refused = run(runner, db_path, "add", page)
    assert refused.exit_code == 1
    assert "in German (de)" in refused.stderr and "--language en" in refused.stderr
    assert json.loads(run(runner, db_path, "stats", "--json").output)["articles"] == 0
    forced = run(runner, db_path, "add", page, "--language", "en")
    assert forced.exit_code == 0 and "added article" in forced.output


# ---- PDFs, encodings, directories ----------------------------------------------------------


def test_pdf_is_read_as_paragraphs_without_running_heads_or_page_numbers(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(make_pdf(REPORT_PAGES))
    article = read_path(path)
    assert article.format == "pdf"
    assert article.text.split("\n") == [
        "Passenger numbers rose by 14% to 3.2 million in the year to March, the highest figure"
        " since records began in 1951.",
        "Fuel costs fell by 9%.",
        "The fleet will grow to 24 vessels by 2026, at a cost of 180 million pounds over three"
        " years.",
        "Staff numbers stood at 412 at the year end.",
    ]


def test_ascii_pdf_is_never_stored_as_operators(runner, db_path, tmp_path):
    good = tmp_path / "notes"  # no suffix: recognised by its magic number
    good.write_bytes(make_pdf(REPORT_PAGES))
    assert "Tj" not in read_path(good).text and "endobj" not in read_path(good).text
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n(hello) Tj\n")
    result = run(runner, db_path, "add", str(broken))
    assert result.exit_code == 1 and "PDF" in result.stderr
    assert json.loads(run(runner, db_path, "stats", "--json").output)["articles"] == 0


def test_a_pdf_source_is_read_like_a_pdf_article():
    """A cited report's archived text has the same paragraphs, without running heads, as the
    report added as an article, so evidence passages never quote a page header."""
    data = make_pdf(REPORT_PAGES)
    source = extract_text(data, "application/pdf", name="report.pdf")
    assert source.kind == "application/pdf" and source.note is None
    assert source.text == read_bytes(data, name="report.pdf").text


def test_pdf_pages_break_paragraphs():
    assert paragraphs(["A line that goes on", "B begins here."]) == (
        "A line that goes on\nB begins here."
    )


def test_utf16_without_bom_is_decoded():
    text = "Turnout was 67 per cent, the commission said on Friday."
    assert read_bytes(text.encode("utf-16-le"), name="a.txt").text == text
    assert read_bytes(text.encode("utf-16-be"), name="b.txt").text == text


def test_directory_lists_what_it_skipped(runner, db_path, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "story.txt").write_text("Turnout was 67 per cent, the commission said on Friday.")
    (folder / "report.pdf").write_bytes(make_pdf(REPORT_PAGES))
    (folder / "figures.csv").write_text("a,b\n1,2\n")
    (folder / "chart.png").write_bytes(b"\x89PNG\r\n")
    result = run(runner, db_path, "add", str(folder))
    assert result.exit_code == 0
    assert result.output.count("added article") == 2
    assert f"{folder / 'figures.csv'}: skipped, a .csv file is not an article" in result.stderr
    assert f"{folder / 'chart.png'}: skipped, a .png file" in result.stderr


# ---- metadata afterwards -----------------------------------------------------------------------


def test_article_edit_corrects_metadata_and_is_audited(runner, db_path):
    run(runner, db_path, "add", str(PAGES / "news_page.html"))
    result = run(
        runner,
        db_path,
        "article",
        "edit",
        "1",
        "--title",
        "Ferry fleet doubles",
        "--published",
        "2024-03-06",
    )
    assert result.exit_code == 0 and "updated article 1" in result.output
    with sqlite3.connect(db_path) as conn:
        title, published = conn.execute("SELECT title, published FROM articles").fetchone()
        events = conn.execute(
            "SELECT old, new FROM events WHERE action = 'edit_article'"
        ).fetchall()
    assert (title, published) == ("Ferry fleet doubles", "2024-03-06")
    assert json.loads(events[0][0])["published"] == "2024-03-05"
    assert json.loads(events[0][1])["title"] == "Ferry fleet doubles"
    before = dump(db_path)
    bad = run(runner, db_path, "article", "edit", "1", "--published", "March 6")
    assert bad.exit_code == 1 and "YYYY-MM-DD" in bad.stderr
    missing = run(runner, db_path, "article", "edit", "9", "--title", "x")
    assert missing.exit_code == 1 and "no article 9" in missing.stderr
    assert dump(db_path) == before


def test_adding_a_stored_article_again_with_a_title_updates_it(runner, db_path, tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Turnout was 67 per cent, the commission said on Friday.")
    run(runner, db_path, "add", str(path))
    again = run(runner, db_path, "add", str(path), "--title", "Turnout record")
    assert again.exit_code == 0 and "updated article 1" in again.output
    assert "unchanged" in run(runner, db_path, "add", str(path), "--title", "Turnout record").output
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT title FROM articles").fetchone()[0] == "Turnout record"


def test_add_url_stores_the_canonical_url(runner, db_path):
    page = (PAGES / "news_page.html").read_bytes()
    with ScriptedServer() as server:
        url = server.route(
            "/n/ferries?utm_source=feed",
            Reply(200, page, {"Content-Type": "text/html; charset=utf-8"}),
        )
        result = run(runner, db_path, "add", url)
    assert result.exit_code == 0, result.output
    with sqlite3.connect(db_path) as conn:
        stored = conn.execute("SELECT url, outlet FROM articles").fetchone()
    assert stored == ("https://courier.example/news/harbour-ferries-2024", "The Coastal Courier")


def test_json_ld_entities_are_unescaped_and_placeholder_dates_dropped():
    from lxml import html as lxml_html

    from claimcheck.reading.metadata import read_metadata

    page = (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline":'
        ' "&#8216;Meth. We&#8217;re on it&#8217; campaign", "datePublished": "0001-01-01",'
        ' "publisher": {"name": "Plains Daily"}}</script></head><body><p>x</p></body></html>'
    )
    meta = read_metadata(lxml_html.fromstring(page))
    assert meta.title == "‘Meth. We’re on it’ campaign"
    assert (meta.published, meta.outlet) == (None, "Plains Daily")


def test_a_story_inside_a_box_named_like_furniture_is_still_read():
    """Pruning removed the only container of the story: a second extraction brings it back."""
    story = (
        "The county approved a budget of 41 million dollars for road repairs on Tuesday, after a"
        " survey found that 38 per cent of its roads were in poor condition and that the backlog"
        " of repairs had grown every year since 2015, according to the public works department. "
    )
    page = (
        "<html><head><title>Roads</title></head><body><div class='social-share-layout'>"
        f"<p>{story}</p><p>{story.replace('county', 'city')}</p></div></body></html>"
    )
    article = read_bytes(page.encode(), name="roads.html", suffix=".html")
    assert "41 million dollars for road repairs" in article.text
    assert article.text.count("41 million") == 2


@pytest.mark.parametrize(
    ("declared", "expected"),
    [
        ("Mon, 18 Nov 2019 16:07:38 -0600", "2019-11-18"),  # RFC 2822, the local day kept
        ("19 Nov 2019 07:09 GMT", "2019-11-19"),
        ("Tue Nov 19 2019 05:44:06 GMT+0000", "2019-11-19"),
        ("November 18th, 2019", "2019-11-18"),
        ("2019-11-19T08:20:00Z", "2019-11-19"),
        ("2019-02-30", None),
        ("last Tuesday", None),
    ],
)
def test_a_declared_date_is_read_in_the_forms_publishers_write_it(declared, expected):
    from lxml import html as lxml_html

    from claimcheck.reading.metadata import read_metadata

    page = (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline":'
        f' "Moon landers", "datePublished": "{declared}"}}</script></head>'
        "<body><p>x</p></body></html>"
    )
    assert read_metadata(lxml_html.fromstring(page)).published == expected


def test_a_page_that_declares_no_date_takes_the_one_in_its_address(tmp_path):
    """Before trafilatura's guess, which took a date from elsewhere on the page."""
    from claimcheck.ingest import read_bytes

    story = "<p>" + "The county said the bridge would reopen after repairs costing $4 million. " * 8
    page = (
        "<html><head><title>Bridge to reopen</title></head><body><article><h1>Bridge to reopen"
        f"</h1>{story}</p><p>Archive: October 13, 2019</p></article></body></html>"
    )
    for address, expected in [
        ("https://news.example/statements/2019/nov/18/bridge/", "2019-11-18"),
        ("https://news.example/2019/11/18/bridge-to-reopen", "2019-11-18"),
    ]:
        article = read_bytes(page.encode(), name=address, suffix=".html", url=address)
        assert article.published == expected, address
