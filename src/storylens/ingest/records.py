"""JSON article records (one object per .json file or per .jsonl line) to Documents."""

from __future__ import annotations

import datetime as dt
from typing import Any

from storylens.errors import EmptyInput, TooLargeInput, UnsupportedInput
from storylens.ingest.limits import MAX_HTML_CHARS, MAX_TEXT_CHARS
from storylens.model import Document


def document_from_record(
    record: Any, *, source: str, default_published: dt.date | None
) -> Document:
    """Check an article record's shape and turn it into a Document."""
    if not isinstance(record, dict):
        raise UnsupportedInput(
            f"expected a JSON object with 'text' or 'html', got {type(record).__name__}"
        )
    text = _optional_str(record, "text")
    html = _optional_str(record, "html")
    if text is None and html is None:
        raise UnsupportedInput("the JSON object has neither a 'text' nor an 'html' string field")
    body = text if text is not None else html
    assert body is not None
    if not body.strip():
        raise EmptyInput("the record's text is empty")
    cap = MAX_TEXT_CHARS if text is not None else MAX_HTML_CHARS
    if len(body) > cap:
        raise TooLargeInput(f"the record has {len(body):,} characters, over {cap:,}")
    record_id = record.get("id")
    if record_id is not None and not isinstance(record_id, str | int):
        raise UnsupportedInput("'id' must be a string or a number")
    published = parse_published(record.get("published")) or default_published
    return Document(
        source=source,
        text=text,
        html=None if text is not None else html,
        id=None if record_id is None else str(record_id),
        url=_optional_str(record, "url"),
        outlet=_optional_str(record, "outlet"),
        title=_optional_str(record, "title"),
        published=published,
        language=_optional_str(record, "language"),
    )


def parse_published(value: Any) -> dt.date | None:
    """An ISO date or datetime string to a date; anything else is ignored (None)."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def _optional_str(record: dict[str, Any], name: str) -> str | None:
    value = record.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise UnsupportedInput(f"field '{name}' must be a string, got {type(value).__name__}")
    return value
