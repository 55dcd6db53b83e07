"""An article's title, canonical URL, outlet and date from the page's own declarations.

The order is the publisher's most deliberate statement first: JSON-LD (NewsArticle and kin),
then OpenGraph / article: meta tags, then <link rel=canonical>, then trafilatura's guesses.
Titles lose their site suffix ("… | DW | 19.01.2020", "… - The Japan Times"); the outlet is the
publisher's declared name, never a word made from the host name.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from lxml import etree

ARTICLE_TYPES = {
    "article",
    "newsarticle",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "blogposting",
    "opinionnewsarticle",
    "reviewnewsarticle",
    "backgroundnewsarticle",
    "webpage",
    "report",
    "scholarlyarticle",
    "techarticle",
    "liveblogposting",
    "pressrelease",
}
CMS_NAMES = {"escenic", "wordpress", "drupal", "arc", "brightspot", "joomla", "ghost", "home"}
SEPARATORS = r"\s+[|–—:-]\s+|\s*\|\s*|\s+»\s+"


@dataclass(frozen=True)
class Metadata:
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    article_body: str | None = None
    description: str | None = None


def json_ld(tree: etree._Element) -> list[dict[str, Any]]:
    """Every JSON-LD object in the page, @graph members flattened; broken blocks skipped."""
    found: list[dict[str, Any]] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "", strict=False)
        except (ValueError, RecursionError):
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                found.append(item)
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(graph)
    return found


def _types(item: dict[str, Any]) -> set[str]:
    kind = item.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).lower() for k in kinds if k}


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name") or value.get("@id")
    if isinstance(value, str) and value.strip():
        return " ".join(html.unescape(value).split())  # JSON-LD often carries "&#8216;"
    return None


def _meta(tree: etree._Element) -> dict[str, str]:
    found: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        content = meta.get("content")
        if key and content and content.strip() and key not in found:
            found[key] = " ".join(content.split())
    return found


def read_metadata(tree: etree._Element, fallback: Any = None, address: str = "") -> Metadata:
    """The page's declared metadata; `fallback` is trafilatura's Document (title, url, ...).
    `address` is where the page was read from, whose path may carry the date."""
    article = next(
        (i for i in json_ld(tree) if _types(i) & ARTICLE_TYPES and i.get("headline")), None
    ) or next((i for i in json_ld(tree) if _types(i) & ARTICLE_TYPES), {})
    meta = _meta(tree)
    canonical = next(
        (
            link.get("href")
            for link in tree.iter("link")
            if "canonical" in (link.get("rel") or "").lower().split() and link.get("href")
        ),
        None,
    )
    outlet = (
        _text(article.get("publisher")) or meta.get("og:site_name") or meta.get("application-name")
    )  # never trafilatura's sitename: it falls back to a word made from the host name
    if outlet and (outlet.lower() in CMS_NAMES or outlet.startswith(("http", "www."))):
        outlet = None
    title = (
        _text(article.get("headline"))
        or meta.get("og:title")
        or meta.get("twitter:title")
        or getattr(fallback, "title", None)
    )
    if title and title.lower() in CMS_NAMES:
        title = getattr(fallback, "title", None)
    url = (
        _absolute_http(meta.get("og:url"))
        or _absolute_http(canonical)
        or _absolute_http(_text(article.get("url")) or _text(article.get("mainEntityOfPage")))
        or getattr(fallback, "url", None)
    )
    published = _date(
        _text(article.get("datePublished"))
        or meta.get("article:published_time")
        or meta.get("datepublished")
        or meta.get("pubdate")
    ) or (  # a date in the page's address is the publisher's; trafilatura's is a guess
        _address_date(url or "") or _address_date(address) or _date(getattr(fallback, "date", None))
    )
    body = article.get("articleBody")
    return Metadata(
        title=strip_site_suffix(title, outlet) if title else None,
        url=url,
        outlet=outlet,
        published=published,
        article_body=body if isinstance(body, str) and body.strip() else None,
        description=_text(article.get("description"))
        or meta.get("og:description")
        or meta.get("description"),
    )


def _absolute_http(url: str | None) -> str | None:
    return url if url and url.startswith(("http://", "https://")) else None


MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
MONTHS = {name: number for number, name in enumerate(MONTH_NAMES, 1)}
ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
# "Mon, 18 Nov 2019 16:07:38 -0600" (RFC 2822), "19 Nov 2019 07:09 GMT", "November 18, 2019"
DAY_MONTH_YEAR = re.compile(r"(?:\w+,?\s+)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?,?\s+(\d{4})\b", re.I)
MONTH_DAY_YEAR = re.compile(
    r"(?:\w+,?\s+)?([a-z]{3})[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b", re.I
)
# /2019/11/18/, /2019/nov/18/, /20191118/ in an address's path
ADDRESS_DATE = re.compile(r"/((?:19|20)\d{2})/?(\d{2}|[a-z]{3})/?(\d{2})(?:/|[-_]|$)", re.I)


def _date(value: str | None) -> str | None:
    """The day a declared date names, as written (no time-zone shift): '2019-11-19T08:20:00Z',
    'Mon, 18 Nov 2019 16:07:38 -0600', '19 Nov 2019 07:09 GMT' -> ISO; anything else -> None."""
    if not value:
        return None
    value = value.strip()
    if match := ISO_DATE.match(value):
        return _iso(match.group(1), match.group(2), match.group(3))
    if match := DAY_MONTH_YEAR.match(value):
        return _iso(match.group(3), match.group(2), match.group(1))
    if match := MONTH_DAY_YEAR.match(value):
        return _iso(match.group(3), match.group(1), match.group(2))
    return None


def _address_date(address: str) -> str | None:
    match = ADDRESS_DATE.search(address.split("?", 1)[0])
    return _iso(match.group(1), match.group(2), match.group(3)) if match else None


def _iso(year: str, month: str, day: str) -> str | None:
    """'2019', 'nov' or '11', '18' -> '2019-11-18'; None unless a real day (not '0001-01-01')."""
    number = MONTHS.get(month[:3].lower()) if month.isalpha() else int(month)
    try:
        when = date(int(year), number or 0, int(day))
    except ValueError:
        return None
    return when.isoformat() if when.year >= 1900 else None


def strip_site_suffix(title: str, outlet: str | None = None) -> str:
    """'Story | DW | 19.01.2020' -> 'Story'; 'Story - The Japan Times' -> 'Story'.

    A trailing segment goes when it names the outlet, is a date, or is short and title-cased
    like a site name while the rest is a full headline."""
    title = " ".join(title.split())
    parts = re.split(f"({SEPARATORS})", title)
    while len(parts) >= 3:
        last = parts[-1].strip()
        head = "".join(parts[:-2]).strip()
        if len(head) < 15 or not _is_site_part(last, outlet):
            break
        parts = parts[:-2]
    return "".join(parts).strip()


def _is_site_part(part: str, outlet: str | None) -> bool:
    squeezed = re.sub(r"\W", "", part.lower())
    if (
        outlet
        and squeezed
        and (
            squeezed in re.sub(r"\W", "", outlet.lower())
            or re.sub(r"\W", "", outlet.lower()) in squeezed
        )
    ):
        return True
    if re.fullmatch(r"[\d./ -]{6,12}", part):
        return True
    words = part.split()
    return (
        0 < len(words) <= 4
        and (
            part.isupper()
            or all(w[:1].isupper() or w.lower() in {"the", "of", "and"} for w in words)
        )
        and bool(
            re.search(
                r"\.(?:com|co\.uk|org|net)$|^[A-Z]{2,5}$|^The |News|Times|Post|Daily"
                r"|Journal|Guardian|Telegraph|Herald|Tribune|Online|Magazine",
                part,
            )
        )
    )
