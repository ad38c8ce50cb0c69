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
    communes: dict[str, tuple[District, ...]]  # communes/wards from July 2025 -> candidates
    provinces: dict[str, tuple[str, str]]  # folded name -> (name, "tỉnh" | "Thành phố")


@cache
def data() -> AdminData:
    raw = json.loads(resources.files("extractor.extraction").joinpath("data/admin_units.json").read_text("utf-8"))
    districts: dict[str, list[District]] = {}
    for d in raw["districts_before_2025"]:
        districts.setdefault(phrase_key(d["name"]), []).append(District(d["name"], d["type"], d["province"]))
    communes: dict[str, list[District]] = {}
    for c in raw["communes_from_2025"]:
        communes.setdefault(phrase_key(c["name"]), []).append(District(c["name"], c["type"], c["province"]))
    provinces = {
        phrase_key(p["name"]): (p["name"], p["type"])
        for p in [*raw["provinces_before_2025"], *raw["provinces_from_2025"]]
    }
    return AdminData(
        {k: tuple(v) for k, v in districts.items()}, {k: tuple(v) for k, v in communes.items()}, provinces
    )


def districts_named(name: str) -> tuple[District, ...]:
    return data().districts.get(phrase_key(name), ())


def communes_named(name: str) -> tuple[District, ...]:
    """Communes and wards of that name under the 34-province structure (from July 2025)."""
    return data().communes.get(phrase_key(name), ())


def province_named(name: str) -> tuple[str, str] | None:
    """(canonical name, type) of a province or centrally-run city, or None."""
    return data().provinces.get(phrase_key(name))
