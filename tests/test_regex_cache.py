"""Compiled patterns kept between runs of the command line (extractor.regex_cache)."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
import regex

from extractor.regex_cache import CompiledCache

ROOT = Path(__file__).resolve().parent.parent
PLAN = next((ROOT / "corpus").glob("c23_*.txt"))

# Patterns of the kinds the extractors compile, and texts to match them on.
_PATTERNS = [
    (r"(?i)(?<![\p{L}\d])(?:giấy\s+khen|bằng\s+khen)(?![\p{L}\d])", 0, "Tặng GIẤY KHEN và Bằng  khen; giấy khenx"),
    (r"(?r)(?:^|\s)\p{Lu}\p{Ll}*$", 0, "của Chủ tịch Ủy ban nhân dân Thành"),
    (r"^(?P<num>\d+)/(?P<sym>[\p{Lu}\d-]+)$", regex.M, "12/KH-UBND\n3/QĐ\nx"),
    (r"\bđạt\s+(\d+)\s*%", regex.I, "ĐẠT 95 % và đạt 100%"),
    (r"(?:ỦY|Ủy|Uỷ)\s+ban", regex.V1 | regex.I, "uỷ ban, ỦY BAN, Ủy Ban"),
]


def _found(pattern: regex.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


@pytest.mark.parametrize(("source", "flags", "text"), _PATTERNS)
def test_pattern_loaded_from_the_file_matches_as_compiled(tmp_path: Path, source: str, flags: int,
                                                          text: str) -> None:
    path = tmp_path / "patterns.pickle"
    first = CompiledCache(path)
    first.compile(source, flags)
    first.save()
    loaded = CompiledCache(path).compile(source, flags)
    fresh = regex.compile(source, flags)
    assert (loaded.pattern, loaded.flags, loaded.groupindex) == (fresh.pattern, fresh.flags, fresh.groupindex)
    assert _found(loaded, text) == _found(fresh, text)
    assert _found(loaded, text)


def test_file_written_only_when_a_pattern_was_added(tmp_path: Path) -> None:
    path = tmp_path / "patterns.pickle"
    cache = CompiledCache(path)
    cache.save()
    assert not path.exists()
    cache.compile(r"\d+")
    cache.save()
    stamp = path.stat().st_mtime_ns
    again = CompiledCache(path)
    assert again.compile(r"\d+") is again.compile(r"\d+")  # one object per pattern, as regex's own cache
    os.utime(path, ns=(stamp, stamp))
    again.save()
    assert path.stat().st_mtime_ns == stamp


class _Foreign:
    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (print, ("the loader ran foreign code",))


@pytest.mark.parametrize(
    "content",
    [b"", b"not a pickle", pickle.dumps(_Foreign()), pickle.dumps({(r"\d+", 0, 0): pickle.dumps(_Foreign())}),
     pickle.dumps(["a list"])],
    ids=["empty", "damaged", "foreign-file", "foreign-entry", "not-a-dict"],
)
def test_unreadable_or_foreign_file_is_compiled_afresh(tmp_path: Path, content: bytes,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "patterns.pickle"
    path.write_bytes(content)
    compiled = CompiledCache(path).compile(r"\d+")
    assert compiled.findall("a 12 b 345") == ["12", "345"]
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize(
    ("source", "flags", "kwargs"),
    [(r"\L<words>", 0, {"words": ["ab", "cd"]}), (r"(?L)\w+", 0, {}), (b"ab", 0, {})],
    ids=["named-list", "locale", "bytes"],
)
def test_patterns_not_kept(tmp_path: Path, source: str, flags: int, kwargs: dict[str, list[str]]) -> None:
    """Named lists, locale patterns and bytes patterns are compiled as regex does and not written."""
    path = tmp_path / "patterns.pickle"
    cache = CompiledCache(path)
    assert cache.compile(source, flags, **kwargs).pattern == source
    cache.save()
    assert not path.exists()


def test_command_line_keeps_its_patterns(tmp_path: Path) -> None:
    """`planex extract` writes the file on its first run and prints the same record from it on the next."""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    runs = [subprocess.run([sys.executable, "-m", "extractor", "extract", str(PLAN), "--jsonl"], cwd=ROOT, env=env,
                           capture_output=True, text=True, check=True).stdout for _ in range(2)]
    assert runs[0] == runs[1]
    assert '"documents"' in runs[0]
    assert len(list((tmp_path / "planex").glob("regex-*.pickle"))) == 1


def test_program_calling_main_keeps_regex_compile() -> None:
    """Only the command line swaps regex.compile: a program (or test) calling `main(args)` does not."""
    from extractor.cli import main

    with pytest.raises(SystemExit):
        main(["schema"])
    assert regex.compile.__module__ == "regex._main"


def test_bug_no_home_no_cache() -> None:
    """Without $HOME (nor $XDG_CACHE_HOME) Path.home() may fail: the command line must still run."""
    env = {k: v for k, v in os.environ.items() if k not in ("HOME", "XDG_CACHE_HOME")}
    probe = ("import pathlib, extractor.regex_cache as c\n"
             "def no_home(): raise RuntimeError('no home')\n"
             "pathlib.Path.home = no_home\n"
             "print(c.install())")
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "None"
