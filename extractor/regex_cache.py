"""Compiled `regex` patterns kept between runs of the command line.

`regex` parses and compiles a pattern in Python (~0.5 ms each): a one-file `planex extract` compiles
~280 of them, ~150 ms of its CPU. A compiled pattern pickles as its compiled code (regex's own pickling:
unpickling hands the code to `_regex.compile`, nothing is parsed again, ~20 µs), so the command line
keeps its patterns in a file of the user's cache and loads them from there. Only a process started as
the command line does this (`install`, from `cli`): a program importing the package is left alone.

The file is named after the regex and Python versions (the compiled form is theirs); an entry is keyed
by the pattern, its flags and regex's default version, so a pattern that changed is compiled afresh.
A file that cannot be read is ignored and rewritten; it is written (atomically) at exit when the run
compiled patterns it lacked (not from a guard's forked child, which leaves without exit handlers).
Unpickling admits no global but `_regex.compile`, so the file cannot make the loader run other code.
"""

from __future__ import annotations

import atexit
import contextlib
import io
import os
import pickle
import sys
from pathlib import Path
from typing import Any

import regex

_COMPILE = regex.compile
_CODE = ("regex._regex", "compile")  # the one global a pickled pattern names
Key = tuple[str, int, int]  # pattern, flags, regex.DEFAULT_VERSION


class _PatternUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) != _CODE:
            raise pickle.UnpicklingError(f"not a compiled pattern: {module}.{name}")
        return super().find_class(module, name)


def _loads(data: bytes) -> Any:
    return _PatternUnpickler(io.BytesIO(data)).load()


def default_path() -> Path:
    """$XDG_CACHE_HOME/planex (else ~/.cache/planex), a file per regex and Python version."""
    root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return root / "planex" / f"regex-{regex.__version__}-py{sys.version_info[0]}{sys.version_info[1]}.pickle"


class CompiledCache:
    """`regex.compile` for plain patterns (a str, flags, no named lists), served from the file at `path`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._stored: dict[Key, bytes] | None = None  # read on the first compile: `--help` compiles nothing
        self._patterns: dict[Key, regex.Pattern[str]] = {}
        self._added = False

    def _entries(self) -> dict[Key, bytes]:
        if self._stored is None:
            self._stored = {}
            with contextlib.suppress(Exception):  # absent, unreadable, damaged or foreign: compile afresh
                stored = _loads(self.path.read_bytes())
                if isinstance(stored, dict):
                    self._stored = stored
        return self._stored

    def compile(self, pattern: Any, flags: int = 0, ignore_unused: bool = False, cache_pattern: bool | None = None,
                **kwargs: Any) -> Any:
        if not isinstance(pattern, str) or ignore_unused or cache_pattern is not None or kwargs:
            return _COMPILE(pattern, flags, ignore_unused, cache_pattern, **kwargs)
        key = (pattern, int(flags), int(regex.DEFAULT_VERSION))
        found = self._patterns.get(key)
        if found is not None:
            return found
        entries = self._entries()
        compiled: regex.Pattern[str] | None = None
        if key in entries:
            with contextlib.suppress(Exception):
                compiled = _loads(entries[key])
        if compiled is None:
            compiled = _COMPILE(pattern, flags)
            if not compiled.flags & regex.LOCALE:  # a locale pattern depends on the locale at compile time
                entries[key] = pickle.dumps(compiled)
                self._added = True
        self._patterns[key] = compiled
        return compiled

    def save(self) -> None:
        """Write the file when this run compiled patterns it lacked; a cache that cannot be written is skipped."""
        if not self._added or self._stored is None:
            return
        with contextlib.suppress(OSError):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            part = self.path.with_name(f"{self.path.name}.{os.getpid()}")
            part.write_bytes(pickle.dumps(self._stored))
            os.replace(part, self.path)


def install(path: Path | None = None) -> CompiledCache | None:
    """Serve `regex.compile` from the cache for the rest of this process, saving it at exit (not when
    there is no home to keep it in: then patterns are compiled as usual)."""
    try:
        path = path or default_path()
    except (RuntimeError, KeyError):  # Path.home() without $HOME nor a password entry
        return None
    cache = CompiledCache(path)
    setattr(regex, "compile", cache.compile)  # noqa: B010 (a module attribute swapped for the process)
    atexit.register(cache.save)
    return cache
