"""Administrative units: which province a district belonged to, and province names.

Data: extractor/data/admin_units.json, extracted from `vietnamadminunits` (see
tools/build_admin_units.py). Names like "Tam Nông" are ambiguous (Đồng Tháp and Phú Thọ),
so lookups return every candidate and callers disambiguate with the document's own text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from extractor.extraction.fold import phrase_key


@dataclass(frozen=True)
class District:
    """A district before July 2025, or a commune/ward after it."""

    name: str  # "Củ Chi", "Trấn Biên"
    type: str  # "huyện", "quận", "thị xã", "thành phố"; "xã", "phường", "đặc khu"
    province: str  # "Hồ Chí Minh"


@dataclass(frozen=True)
class AdminData:
    districts: dict[str, tuple[District, ...]]  # folded name -> candidates
    provinces: dict[str, tuple[str, str]]  # folded name -> (name, "tỉnh" | "Thành phố")

    @property
    def communes(self) -> dict[str, tuple[District, ...]]:
        """Communes/wards from July 2025 -> candidates."""
        return _communes()


@cache
def _raw() -> dict[str, list[dict[str, str]]]:
    raw: dict[str, list[dict[str, str]]] = json.loads(
        resources.files("extractor.extraction").joinpath("data/admin_units.json").read_text("utf-8"))
    return raw


def _by_name(units: list[dict[str, str]]) -> dict[str, tuple[District, ...]]:
    found: dict[str, list[District]] = {}
    for u in units:
        found.setdefault(phrase_key(u["name"]), []).append(District(u["name"], u["type"], u["province"]))
    return {k: tuple(v) for k, v in found.items()}


@cache
def data() -> AdminData:
    raw = _raw()
    provinces = {
        phrase_key(p["name"]): (p["name"], p["type"])
        for p in [*raw["provinces_before_2025"], *raw["provinces_from_2025"]]
    }
    return AdminData(_by_name(raw["districts_before_2025"]), provinces)


@cache
def _communes() -> dict[str, tuple[District, ...]]:
    """Built on the first ask (a document after the July 2025 reform): 3305 units, ~6 ms, most plans never ask."""
    return _by_name(_raw()["communes_from_2025"])


def districts_named(name: str) -> tuple[District, ...]:
    return data().districts.get(phrase_key(name), ())


def communes_named(name: str) -> tuple[District, ...]:
    """Communes and wards of that name under the 34-province structure (from July 2025)."""
    return _communes().get(phrase_key(name), ())


def province_named(name: str) -> tuple[str, str] | None:
    """(canonical name, type) of a province or centrally-run city, or None."""
    return data().provinces.get(phrase_key(name))
