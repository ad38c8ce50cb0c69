"""Regenerate extractor/data/admin_units.json from the `vietnamadminunits` package (MIT).

planex needs only names: which province a district belonged to before the July 2025
reform, which province a commune or ward belongs to after it, and the province names.
The package itself pulls in shapely and geopy and parses 12 MB at import, so we ship this
small extract instead.

    pip download --no-deps vietnamadminunits==1.0.4 && unzip the wheel, then
    python tools/build_admin_units.py PATH/TO/vietnamadminunits/data
"""

import json
import sys
from pathlib import Path


def main(data_dir: str) -> None:
    legacy = json.loads((Path(data_dir) / "parser_legacy.json").read_text(encoding="utf-8"))
    current = json.loads((Path(data_dir) / "parser_from_2025.json").read_text(encoding="utf-8"))
    provinces = legacy["DICT_PROVINCE"]
    current_provinces = current["DICT_PROVINCE"]

    def prov(p: dict) -> dict:
        kind = "Thành phố" if p["province"].startswith("Thành phố") else "tỉnh"
        return {"name": p["provinceShort"], "type": kind}

    out = {
        "source": "vietnamadminunits 1.0.4 (MIT), data/parser_legacy.json + parser_from_2025.json",
        "provinces_before_2025": [prov(p) for p in provinces.values()],
        "provinces_from_2025": [prov(p) for p in current["DICT_PROVINCE"].values()],
        # Communes and wards from July 2025 (3,305; the level documents of that era are issued at).
        "communes_from_2025": [
            {"name": w["wardShort"], "type": w["wardType"].lower(), "province": current_provinces[pk]["provinceShort"]}
            for pk, ws in current["DICT_PROVINCE_WARD_NO_ACCENTED"].items() for w in ws.values()
        ],
        "districts_before_2025": [
            {"name": d["districtShort"], "type": d["districtType"].lower(),
             "province": provinces[pk]["provinceShort"]}
            for pk, ds in legacy["DICT_PROVINCE_DISTRICT"].items() for d in ds.values()
        ],
    }
    target = Path(__file__).resolve().parent.parent / "extractor" / "data" / "admin_units.json"
    target.write_text(json.dumps(out, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1])
