"""Teacher-authored rich text (GIFT [html], Moodle XML HTML): sanitised with nh3, or flattened.

A stem is shown inside a <legend> or <label>, so only phrasing markup survives: paragraphs and
list items become line breaks, and links, images and scripts are dropped (their text stays,
except for scripts and styles, whose content goes too).
"""

from __future__ import annotations

import html
import re

import nh3

PHRASING_TAGS = {
    "b",
    "strong",
    "i",
    "em",
    "u",
    "s",
    "sub",
    "sup",
    "code",
    "kbd",
    "mark",
    "small",
    "q",
    "abbr",
    "span",
    "br",
}
ATTRIBUTES = {"abbr": {"title"}, "span": {"lang"}, "q": {"lang"}}
BLOCK_END = re.compile(r"<\s*(?:br\s*/?|/\s*(?:p|div|li|h[1-6]|tr|blockquote|pre))\s*>", re.I)
LEADING_TRAILING_BREAKS = re.compile(r"^(?:\s|<br>)+|(?:\s|<br>)+$")
SPACES = re.compile(r"[ \t\f\v]+")
BREAKS = re.compile(r"\s*\n\s*")


def sanitise_html(markup: str) -> str:
    """Safe phrasing HTML for Question.stem_html (block ends become <br>)."""
    with_breaks = BLOCK_END.sub("<br>", markup)
    clean = nh3.clean(with_breaks, tags=PHRASING_TAGS, attributes=ATTRIBUTES)
    return LEADING_TRAILING_BREAKS.sub("", clean)


def html_to_text(markup: str) -> str:
    """The plain text a reader sees: tags removed, entities decoded, spaces tidied."""
    with_breaks = BLOCK_END.sub("\n", markup)
    stripped = nh3.clean(with_breaks, tags=set(), attributes={})
    return tidy(html.unescape(stripped))


def tidy(text: str) -> str:
    return BREAKS.sub("\n", SPACES.sub(" ", text)).strip()


def rich_stem(markup: str) -> tuple[str, str]:
    """(plain stem, stem_html) of an HTML stem; stem_html is "" when no markup survives."""
    safe = sanitise_html(markup)
    plain = html_to_text(markup)
    if "<" not in safe and tidy(html.unescape(safe)) == plain:
        return plain, ""
    return plain, safe
