"""Reading articles: formats, encodings, captions, links and hostile input."""

from __future__ import annotations

import codecs

import pytest

from claimcheck.ingest import IngestError, parse_markdown, read_bytes

ARTICLE_HTML = """<!doctype html><html><head><title>Defence spending row</title>
<meta property="og:site_name" content="The Example Times">
<meta property="article:published_time" content="2024-09-14T08:00:00Z">
<script>document.write('<p>Injected 99 per cent claim</p>')</script>
<style>p { color: red }</style></head><body>
<nav><a href="/home">Home</a> <a href="/world">World</a></nav>
<article><h1>Defence cuts a mistake</h1>
<p>He said the situation in Europe, with nations such as Poland spending
<a href="https://www.nato.int/defence-expenditures-2024.pdf">3.9 per cent of GDP</a> on defence,
showed the UK had to do more. The Foreign Secretary spoke after the Treasury row.</p>
<figure><img src="nebenzia.jpg" alt="">
<figcaption>Vassily Nebenzia told the 15-member Security Council that Nato would be a party
</figcaption>
</figure>
<p>The Kremlin revoked the accreditations of six British diplomats last month, officials said.</p>
</article><footer>Copyright and cookie notices</footer>
<script>alert('x')</script></body></html>"""


def test_html_main_text_keeps_captions_and_links():
    article = read_bytes(ARTICLE_HTML.encode(), name="story.html", suffix=".html")
    assert article.format == "html"
    assert "Poland spending 3.9 per cent of GDP on defence" in article.text
    assert "Vassily Nebenzia told the 15-member Security Council" in article.text
    assert "alert" not in article.text and "Injected" not in article.text
    assert "cookie" not in article.text and "color: red" not in article.text
    (link,) = article.links
    assert article.text[link.start : link.end] == "3.9 per cent of GDP"
    assert link.url == "https://www.nato.int/defence-expenditures-2024.pdf"
    assert article.title == "Defence cuts a mistake"  # the headline, not <title>
    assert article.published.startswith("2024-09-14")


def test_markdown_links_become_offsets():
    article = parse_markdown(
        "# Headline here\n\nPoland spends **a lot**: [3.9 per cent of GDP](https://nato.int/x) "
        "on defence.\n\n- A list item with [a link](https://example.org/a).\n"
    )
    assert article.title == "Headline here"
    first, second = article.links
    assert article.text[first.start : first.end] == "3.9 per cent of GDP"
    assert article.text[second.start : second.end] == "a link"
    assert "**" not in article.text and "[" not in article.text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"   \n\n  ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
        ("Caf\u00e9 prices rose 5 per cent".encode("cp1252"), "not valid UTF-8"),
    ],
)
def test_unreadable_input_is_a_one_line_error(data, message):
    with pytest.raises(IngestError, match=message) as error:
        read_bytes(data, name="bad.txt", suffix=".txt")
    assert "\n" not in str(error.value)
    assert str(error.value).startswith("bad.txt: ")


def test_utf16_with_bom_and_declared_charset_are_decoded():
    text = "Inflation rose to 3.2 per cent in May, the statistics office said."
    utf16 = read_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"), name="a.txt")
    assert utf16.text == text
    latin = f'<html><head><meta charset="windows-1252"></head><body><p>{text} Caf\u00e9.</p>'
    html = read_bytes(latin.encode("cp1252"), name="b.html", suffix=".html")
    assert "Caf\u00e9" in html.text


def test_utf8_bom_and_crlf_are_normalised():
    data = codecs.BOM_UTF8 + b"First line here\r\nSecond line has 3 figures\r\n"
    article = read_bytes(data, name="c.txt")
    assert article.text == "First line here\nSecond line has 3 figures"


def test_escape_codes_and_markup_are_kept_verbatim():
    hostile = "Unemployment fell to 4.1 per cent [bold red]FAKE[/] \x1b[31mred\x1b[0m today."
    article = read_bytes(hostile.encode(), name="h.txt")
    assert article.text == hostile


def _many_links(count: int) -> str:
    return " ".join(f"[link {i}](https://e.org/{i})" for i in range(count))


def test_a_paragraph_of_many_links_is_flattened_in_linear_time():
    """A generated page whose one paragraph holds 20,000 links (a quadratic walk took ~30 s)."""
    import time

    from lxml import etree

    from claimcheck.reading.page import _walk

    refs = " ".join(f'<ref target="https://e.org/{i}">link {i}</ref>,' for i in range(20_000))
    paragraph = etree.fromstring(f"<p>Start {refs} end.</p>")
    pieces: list[str] = []
    links: list[tuple[int, int, str, str]] = []
    started = time.perf_counter()
    _walk(paragraph, pieces, links)
    assert time.perf_counter() - started < 3
    assert len(links) == 20_000
    start, end, url, anchor = links[-1]
    assert "".join(pieces)[start:end] == anchor == "link 19999"
    assert url == "https://e.org/19999"
    started = time.perf_counter()
    article = parse_markdown(_many_links(20_000))
    assert time.perf_counter() - started < 3
    assert article.text[article.links[-1].start : article.links[-1].end] == "link 19999"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_read_not_called_binary(codec):
    text = "Inflation fell to 3.9 per cent in May, the ONS said.\nRents rose – sharply.\n"
    article = read_bytes(text.encode(codec), name="a.txt", suffix=".txt")
    assert article.text.startswith("Inflation fell to 3.9 per cent")
    with pytest.raises(IngestError, match="binary file"):
        read_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), name="p.txt")
