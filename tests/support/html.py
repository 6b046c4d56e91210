"""Reading an HTML report as a browser's parser would, for structural checks."""

from __future__ import annotations

from html.parser import HTMLParser

VOID = {"meta", "link", "br", "input", "img", "hr", "col", "wbr"}


class Page(HTMLParser):
    """What a structural check needs from a page: nesting errors, ids, links, tables, scripts."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.errors: list[str] = []
        self.ids: list[str] = []
        self.fragments: list[str] = []
        self.sources: list[str] = []
        self.tables = 0
        self.headed: list[bool] = []  # for each table open, whether a header cell was seen in it
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.policy = ""
        self._text_of: str | None = None
        self.feed(text)
        self.close()
        if self.open:
            self.errors.append(f"never closed: {self.open}")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if "id" in values:
            self.ids.append(str(values["id"]))
        href = values.get("href")
        if href and href.startswith("#"):
            self.fragments.append(href[1:])
        if "src" in values or (tag == "link" and href):
            self.sources.append(f"{tag} {values.get('src') or href}")
        if values.get("http-equiv") == "Content-Security-Policy":
            self.policy = str(values["content"])
        if tag == "table":
            self.tables += 1
            self.headed.append(False)
        if tag == "th" and self.headed:
            self.headed[-1] = True
        if tag in ("script", "style"):
            self._text_of = tag
            (self.scripts if tag == "script" else self.styles).append("")
        if tag not in VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.open[-1] if self.open else 'nothing'}")
            return
        self.open.pop()
        self._text_of = None
        if tag == "table" and not self.headed.pop():
            self.errors.append(f"table {self.tables} has no header cells")

    def handle_data(self, data: str) -> None:
        if self._text_of == "script":
            self.scripts[-1] += data
        elif self._text_of == "style":
            self.styles[-1] += data
