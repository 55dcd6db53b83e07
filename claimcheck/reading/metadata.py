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


def read_metadata(tree: etree._Element, fallback: Any = None) -> Metadata:
    """The page's declared metadata; `fallback` is trafilatura's Document (title, url, ...)."""
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
    published = (
        _text(article.get("datePublished"))
        or meta.get("article:published_time")
        or meta.get("datepublished")
        or meta.get("pubdate")
        or getattr(fallback, "date", None)
    )
    body = article.get("articleBody")
    return Metadata(
        title=strip_site_suffix(title, outlet) if title else None,
        url=url,
        outlet=outlet,
        published=_date(published),
        article_body=body if isinstance(body, str) and body.strip() else None,
        description=_text(article.get("description"))
        or meta.get("og:description")
        or meta.get("description"),
    )


def _absolute_http(url: str | None) -> str | None:
    return url if url and url.startswith(("http://", "https://")) else None


def _date(value: str | None) -> str | None:
    """'2019-11-19T08:20:00Z' -> '2019-11-19'; anything not starting with a date -> None."""
    if not value:
        return None
    match = re.match(r"((\d{4})-\d{2}-\d{2})", value.strip())
    return match.group(1) if match and int(match.group(2)) >= 1900 else None  # not "0001-01-01"


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
