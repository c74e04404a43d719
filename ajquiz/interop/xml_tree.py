"""A small XML tree that remembers the line of every element, built with expat.

ElementTree forgets line numbers, and import errors must name them. A DOCTYPE is refused
outright: without one there are no entity declarations, so no entity expansion bombs and no
external entities.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.parsers import expat


class XmlRefused(Exception):
    def __init__(self, line: int, reason: str):
        super().__init__(f"line {line}: {reason}")
        self.line = line
        self.reason = reason


@dataclass(slots=True)
class Node:
    tag: str
    attrs: dict[str, str]
    line: int
    children: list[Node] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def find(self, tag: str) -> Node | None:
        return next((child for child in self.children if child.tag == tag), None)

    def find_all(self, tag: str) -> list[Node]:
        return [child for child in self.children if child.tag == tag]

    def text_of(self, path: str, default: str = "") -> str:
        """Text of the element at a /-separated path of child tags, or `default`."""
        node: Node | None = self
        for tag in path.split("/"):
            node = node.find(tag) if node else None
        return node.text if node is not None else default


def parse_xml(data: str) -> Node:
    """The root element of `data`, or XmlRefused naming the line of the first problem."""
    parser = expat.ParserCreate("UTF-8")  # the upload was decoded as UTF-8 already
    stack: list[Node] = []
    root: list[Node] = []

    def start(tag, attrs):
        node = Node(tag, attrs, parser.CurrentLineNumber)
        if stack:
            stack[-1].children.append(node)
        else:
            root.append(node)
        stack.append(node)

    def end(tag):
        stack.pop()

    def characters(text):
        if stack:
            stack[-1].parts.append(text)

    def refuse_doctype(*args):
        raise XmlRefused(
            parser.CurrentLineNumber, "a DOCTYPE is not accepted in Moodle XML (remove it)"
        )

    parser.buffer_text = True  # one callback per run of text, not one per line
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = characters
    parser.StartDoctypeDeclHandler = refuse_doctype
    parser.EntityDeclHandler = refuse_doctype
    try:
        parser.Parse(data.encode("utf-8"), True)
    except expat.ExpatError as error:
        reason = expat.ErrorString(error.code)
        raise XmlRefused(error.lineno, f"the XML is not well-formed ({reason})") from None
    if not root:
        raise XmlRefused(1, "the file holds no XML element")
    return root[0]
