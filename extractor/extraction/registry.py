"""Phase 2: the field families, one row each — extractor, record model, database table and columns, label.

The pipeline runs each row's extractor on a document's `Facts`; the store creates and fills each
row's table from its columns; the review page and the spaCy component name each row's values by
its label. A new family is one extractor module and one row here (plus its typed list on
`models.Document`, which the registry test checks against these rows).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the store and the review read the rows only: extractors and models load on first use
    from pydantic import BaseModel

    from extractor.extraction.facts import Facts

Item = dict[str, Any]  # a value as a record holds it (its JSON form): what the store and the review read


@dataclass(frozen=True)
class Column:
    """A table column: its name, its SQL type and constraints, and its value read from an item."""

    name: str
    sql: str
    value: Callable[[Item], Any]


@dataclass(frozen=True)
class Shown:
    """How a kind of value is named where it is shown: its record key, Vietnamese label and colour
    (one hue each, light enough for black text)."""

    key: str
    label: str
    colour: str


@dataclass(frozen=True)
class Family(Shown):
    """One field family: the `Document` attribute (`key`) its extractor fills with `model` values,
    the table (and its indexed columns besides document_id) they are stored in, and how they are shown.

    `extractor` is "module:function" in `extractor.extraction.fields`, a pure function of the `Facts`;
    `model` a class of `extractor.extraction.models` (both named, so reading the rows imports neither)."""

    extractor: str
    model: str
    table: str
    columns: tuple[Column, ...]
    indexes: tuple[str, ...] = ()

    def extract(self, facts: Facts) -> list[Any]:
        values: list[Any] = _function(self.extractor)(facts)
        return values

    @property
    def model_class(self) -> type[BaseModel]:
        model: type[BaseModel] = getattr(import_module("extractor.extraction.models"), self.model)
        return model


@cache
def _function(path: str) -> Callable[[Facts], list[Any]]:
    module, name = path.split(":")
    function: Callable[[Facts], list[Any]] = getattr(import_module(f"extractor.extraction.fields.{module}"), name)
    return function


def _field(name: str, sql: str, key: str | None = None) -> Column:
    """A column holding one field of the item (`key`, when the column is named differently)."""
    field = key or name
    return Column(name, sql, lambda item: item.get(field))


def _required(name: str, sql: str) -> Column:
    """A field every item has: an item without it is a broken record (KeyError, nothing stored)."""
    return Column(name, sql, lambda item: item[name])


def _joined(name: str, sql: str) -> Column:
    """A list field stored as '; '-joined text (an award's recipients)."""
    def value(item: Item) -> Any:
        found = item.get(name)
        return "; ".join(found) if isinstance(found, list) else found

    return Column(name, sql, value)


def _span_columns(raw: bool = False) -> tuple[Column, ...]:
    cols = (Column("span_start", "INTEGER", lambda item: (item.get("span") or {}).get("start")),
            Column("span_end", "INTEGER", lambda item: (item.get("span") or {}).get("end")))
    return (*cols, Column("span_raw", "TEXT", lambda item: item["span"]["raw"])) if raw else cols


# The document's own values (phase 1 finds them; they are columns of the documents table).
HEADER = Shown("header", "Thể thức", "#e0e0e0")
ISSUER = Shown("issuer", "Cơ quan ban hành", "#cfe3ff")
SIGNER = Shown("signer", "Người ký", "#e6d5f5")
# Vietnamese names of the header scalars, in the order of Nghị định 30/2020's components.
HEADER_LABELS: dict[str, str] = {
    "doc_type": "Loại văn bản", "number": "Số, ký hiệu", "place": "Địa danh", "issued_date": "Ngày ban hành",
    "title": "Trích yếu",
}

FAMILIES: tuple[Family, ...] = (
    Family("recipients", "Nơi nhận", "#f0e6d2", "signature:extract_recipients", "Recipient", "recipients", (
        _field("name", "TEXT NOT NULL"), _field("via", "TEXT NOT NULL"), _field("purpose", "TEXT"), *_span_columns(),
    )),
    Family("references", "Văn bản căn cứ, viện dẫn", "#ffd6a5", "references:found_references", "Reference", "refs", (
        _required("relation", "TEXT NOT NULL"), _field("doc_type", "TEXT"), _required("number", "TEXT NOT NULL"),
        _field("date", "TEXT"), _field("issuer", "TEXT"), _field("issuer_raw", "TEXT"), _field("subject", "TEXT"),
        Column("mentions", "INTEGER NOT NULL DEFAULT 0", lambda item: len(item.get("mentions") or [])),
        *_span_columns(raw=True),
    ), indexes=("number",)),
    Family("targets", "Chỉ tiêu", "#c8f0c8", "targets:extract_targets", "Target", "targets", (
        _field("value", "REAL NOT NULL"), _field("unit", "TEXT NOT NULL"), _field("op", "TEXT NOT NULL"),
        _field("text", "TEXT NOT NULL"), _field("measure", "TEXT"), *_span_columns(),
    )),
    Family("deadlines", "Thời hạn", "#ffc4c4", "timeline:extract_deadlines", "Deadline", "deadlines", (
        _field("date", "TEXT NOT NULL"), _field("text", "TEXT NOT NULL"), _field("task", "TEXT"), *_span_columns(),
    )),
    Family("periods", "Thời gian thực hiện", "#fff3b0", "timeline:extract_periods", "Period", "periods", (
        _field("start_date", "TEXT", "start"), _field("end_date", "TEXT", "end"), _field("text", "TEXT NOT NULL"),
        _field("label", "TEXT"), *_span_columns(),
    )),
    Family("awards", "Hình thức khen thưởng", "#b8ece6", "awards:extract_awards", "Award", "awards", (
        _field("form", "TEXT NOT NULL"), _field("grantor", "TEXT"), _joined("recipients", "TEXT"), *_span_columns(),
    )),
    Family("quotas", "Số lượng khen thưởng", "#d9f2a0", "quotas:extract_quotas", "Quota", "quotas", (
        _field("count", "INTEGER NOT NULL"), _field("op", "TEXT NOT NULL"), _field("recipient", "TEXT NOT NULL"),
        _field("phase", "TEXT"), _field("competitors", "TEXT", "group"), _field("award", "TEXT"), *_span_columns(),
    )),
)


def load_extractors() -> None:
    """Import every family's extractor now: before the guard forks a child per file, so each child
    inherits them instead of importing (and compiling the patterns of) the same modules again."""
    for family in FAMILIES:
        _function(family.extractor)


def extract_fields(facts: Facts) -> dict[str, list[Any]]:
    """Every family's values of one document: each extractor reads the facts only, in any order."""
    return {family.key: family.extract(facts) for family in FAMILIES}


def each_value(doc: Item) -> Iterator[tuple[str, str, Item, str]]:
    """Every value of a record's document as (family key, label, value, key within the document): the
    header scalars (with their evidence spans), the issuer and signer, then each family's items."""
    evidence = doc.get("evidence") or {}
    for key, label in HEADER_LABELS.items():
        if doc.get(key) is not None:
            yield HEADER.key, label, {"value": doc[key], "span": evidence.get(key)}, f"header.{key}"
    for shown in (ISSUER, SIGNER):
        if doc.get(shown.key):
            yield shown.key, shown.label, doc[shown.key], shown.key
    for family in FAMILIES:
        for n, item in enumerate(doc.get(family.key) or []):
            yield family.key, family.label, item, f"{family.key}[{n}]"


def labelled_spans(docs: list[Item]) -> list[tuple[int, int, str]]:
    """(start, end, label) of every value with a span; labels name the field: NUMBER, ISSUER, REFERENCES, …"""
    return [(span["start"], span["end"], key.split("[")[0].removeprefix("header.").upper())
            for doc in docs for _family, _label, value, key in each_value(doc)
            if (span := value.get("span") or {}).get("start") is not None and span.get("end") is not None]
