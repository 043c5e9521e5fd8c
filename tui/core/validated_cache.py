"""Validate once per content, not once per start.

pydantic stays the only validator. The first time a file's exact bytes are seen, ``cached``
validates them and saves the validated result as plain JSON; a later start with the same bytes
and the same code reads that back *without importing pydantic*, as light read-only objects that
share their behaviour with the models (the ``*Logic`` mixins), so the rules and the schedule run
on either.

- The key covers the bytes, the source of the modules that define and read the models, this
  module, the installed pydantic, pydantic-core and tzdata, and Python's version.
- A damaged, unreadable or unknown entry is a miss: the file is validated again and the entry
  rewritten. An invalid file raises as before and is never saved.
- Entries are JSON (nothing in them can run code when read): every value is tagged with its type
  (``$d`` date, ``$e`` enum, ``$m`` model…), so dates, times, enums and tuples come back as such.
- ``FLAGPOLE_NO_CACHE=1`` turns the cache off (every start validates).
- Where entries live is the caller's choice (``folder``): a profile's entries in the private data
  folder (0600, removed with the profile: ``forget``), bundled data's in ``shared_folder()``.
"""

from __future__ import annotations

import importlib
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime, time
from enum import Enum
from pathlib import Path

TYPE_CHECKING = False  # typing is not imported at run time (the check starts fast)
if TYPE_CHECKING:  # pragma: no cover
    from _hashlib import HASH
    from typing import Any, TypeVar

    T = TypeVar("T")

OFF_ENV = "FLAGPOLE_NO_CACHE"
FOLDER_ENV = "FLAGPOLE_CACHE"
FORMAT = 3
SUFFIX = ".json"
_TUI = Path(__file__).resolve().parent.parent

MODEL_CODE: dict[str, tuple[str, ...]] = {
    "profile": ("core/profile.py", "core/kinds.py", "core/model_logic.py", "core/fields.py",
                "core/date_range.py", "core/profile_io.py", "core/tomlfile.py"),
    "crossings": ("core/crossings/model.py", "core/crossings/logic.py", "core/crossings/loading.py",
                  "core/fields.py", "core/date_range.py", "core/tomlfile.py"),
    "policy": ("core/policy.py", "core/policy_model.py", "core/kinds.py", "core/model_logic.py",
               "core/tomlfile.py"),
    "airports": ("core/airports.py", "core/airports_model.py", "core/model_logic.py",
                 "core/fields.py", "core/date_range.py", "core/tomlfile.py", "core/crossings/logic.py"),
    "journey": ("core/journey.py", "core/journey_model.py", "core/journey_logic.py", "core/situation.py",
                "core/tomlfile.py"),
    "place-zones": ("core/plan_zone.py",),
}
"""For each kind of file, the source files (under ``tui/``) whose change invalidates its entries."""


def enabled() -> bool:
    """False when ``$FLAGPOLE_NO_CACHE`` is set (to anything but empty or 0)."""
    return os.environ.get(OFF_ENV, "") in ("", "0")


def shared_folder() -> Path:
    """Where entries of bundled data (data files, bundled example and demo profiles: invented
    people) live: ``$FLAGPOLE_CACHE``, else ``$FLAGPOLE_HOME/cache``, else the user cache folder."""
    env = os.environ.get(FOLDER_ENV)
    if env:
        return Path(env).expanduser()
    home = os.environ.get("FLAGPOLE_HOME")
    if home:
        return Path(home).expanduser() / "cache"
    if sys.platform.startswith("linux"):  # what platformdirs answers, without importing it
        base = os.environ.get("XDG_CACHE_HOME", "").strip()
        return (Path(base) if base else Path.home() / ".cache") / "flagpole"
    import platformdirs

    return Path(platformdirs.user_cache_path("flagpole", appauthor=False))


def private_folder(home: Path) -> Path:
    """Where entries of a user's profile live: inside the data folder (0700, files 0600)."""
    return Path(home) / "cache"


def profile_prefix(name: str) -> str:
    """The name every cache entry of stored profile ``name`` starts with."""
    return f"profile-{name}"


# --- the key ------------------------------------------------------------------------------------

def _sha256_class() -> Callable[..., HASH]:
    """SHA-256 as Python builds it in (``_sha256``, ``_sha2`` from 3.12): the same digests as
    ``hashlib.sha256``, without loading OpenSSL, which ``import hashlib`` does (a few ms of
    every start); ``hashlib``'s where neither exists."""
    for name in ("_sha256", "_sha2"):
        try:
            sha256: Callable[..., HASH] = importlib.import_module(name).sha256
            return sha256
        except (ImportError, AttributeError):
            continue
    import hashlib  # pragma: no cover - a Python without the built-in module

    return hashlib.sha256  # pragma: no cover


_sha256 = _sha256_class()


def sha256_hex(data: bytes) -> str:
    """The SHA-256 of ``data`` in hex (as ``hashlib.sha256(data).hexdigest()``)."""
    return _sha256(data).hexdigest()


_code_hashes: dict[str, str] = {}
_file_hashes: dict[str, bytes] = {}
_versions: str | None = None


def _source_digest(rel: str) -> bytes:
    """The digest of one source file under ``tui/`` (each file read once per process)."""
    if rel not in _file_hashes:
        try:
            with open(os.path.join(_TUI, rel), "rb") as source:
                _file_hashes[rel] = _sha256(source.read()).digest()
        except OSError:
            _file_hashes[rel] = b"<missing>"
    return _file_hashes[rel]


def _code_hash(kind: str) -> str:
    if kind not in _code_hashes:
        digest = _sha256()
        for rel in (*MODEL_CODE[kind], "core/validated_cache.py"):
            digest.update(rel.encode())
            digest.update(_source_digest(rel))
        _code_hashes[kind] = digest.hexdigest()
    return _code_hashes[kind]


def _installed_versions() -> str:
    """pydantic, pydantic-core and tzdata as installed (their dist-info folders), and Python's
    version, read without importing any of them."""
    global _versions
    if _versions is None:
        found = []
        for folder in dict.fromkeys(p for p in sys.path if p and p.endswith("site-packages")):
            try:
                names = os.listdir(folder)
            except OSError:
                continue
            found += sorted(
                n for n in names
                if n.endswith(".dist-info") and n.lower().startswith(("pydantic-", "pydantic_core-", "tzdata-"))
            )
        _versions = f"{sys.version}|{'|'.join(found)}"
    return _versions


def key_for(kind: str, raw: bytes) -> str:
    """The entry key of ``raw`` read as ``kind``: bytes, model code and versions."""
    digest = _sha256()
    for part in (str(FORMAT), kind, _code_hash(kind), _installed_versions()):
        digest.update(part.encode())
        digest.update(b"\0")
    digest.update(raw)
    return digest.hexdigest()


# --- reading and writing ------------------------------------------------------------------------

_warm_only: ContextVar[bool] = ContextVar("flagpole_warm_only", default=False)


class ColdEntry(Exception):
    """``cached`` under ``warm_only()`` found no entry to read (it would have had to validate)."""


@contextmanager
def warm_only() -> Iterator[None]:
    """Within this block ``cached`` only reads entries: where it would validate (no entry, a
    damaged one, the cache off) it raises ColdEntry instead, so the caller can do the slow first
    validation elsewhere (the app: in a worker, after the first frame)."""
    token = _warm_only.set(True)
    try:
        yield
    finally:
        _warm_only.reset(token)



def cached(
    kind: str,
    raw: bytes,
    validate: Callable[[bytes], T],
    folder: Path | None,
    *,
    prefix: str | None = None,
) -> T:
    """``validate(raw)``, or the result saved the last time these exact bytes were validated
    with this code (read back without pydantic, as light objects behaving like the models).

    ``folder`` None (or the cache off) validates every time. ``prefix`` names the entry's file
    (``prefix-KEY.json``; default the kind); other entries with the same prefix are removed when
    a new one is saved, so an edited profile leaves one entry. An invalid file raises from
    ``validate`` and nothing is saved; a failure to save is silent (the cache is only a speed-up).
    """
    if folder is None or not enabled():
        if _warm_only.get():
            raise ColdEntry(kind)
        return validate(raw)
    key = key_for(kind, raw)
    name = f"{prefix or kind}-{key[:40]}{SUFFIX}"
    path = Path(folder) / name
    hit = _read(path, key)
    if hit is not None:
        return hit  # type: ignore[no-any-return]
    if _warm_only.get():
        raise ColdEntry(kind)
    value = validate(raw)
    try:
        text = json.dumps({"key": key, "value": encode(value)}, ensure_ascii=False, separators=(",", ":"))
    except _NotPlain:
        return value
    _save(Path(folder), name, text.encode("utf-8"), prefix or kind)
    return value


def forget(folder: Path, prefix: str) -> None:
    """Remove every entry named ``prefix-*`` in ``folder`` (a deleted profile's)."""
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for entry in names:
        if entry.startswith(f"{prefix}-") and entry.endswith(SUFFIX) and len(entry) == len(prefix) + 46:
            try:
                os.unlink(Path(folder) / entry)
            except OSError:
                pass


def _read(path: Path, key: str) -> Any:
    from tui.core.safefile import read_private

    try:
        data = json.loads(read_private(path), object_hook=_decode)
    except Exception:  # noqa: BLE001 - anything wrong with an entry is a miss
        return None
    if not isinstance(data, dict) or data.get("key") != key or "value" not in data:
        return None
    return data["value"]


def _save(folder: Path, name: str, data: bytes, prefix: str) -> None:
    """Write the entry (0600, in a 0700 folder) through a temporary file renamed into place, so a
    reader sees a whole entry or none. Not fsynced: an entry lost or torn by a crash is a miss."""
    from tui.core.safefile import ensure_private_dir, write_all

    tmp = folder / f".{name}.{os.getpid()}.tmp"
    try:
        ensure_private_dir(folder)
        forget(folder, prefix)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
        try:
            write_all(fd, data)
        finally:
            os.close(fd)
        os.replace(tmp, folder / name)
    except Exception:  # noqa: BLE001 - the cache is only a speed-up: never fail a start for it
        try:
            os.unlink(tmp)
        except OSError:
            pass


# --- the format ---------------------------------------------------------------------------------


class _NotPlain(Exception):
    """A value the format does not know (the result is used, not saved)."""


def encode(value: Any) -> Any:
    """``value`` (a validated model, or data made of them) as tagged JSON-ready data."""
    if isinstance(value, Enum):  # before str: a StrEnum is a str
        cls = type(value)
        if cls.__module__ not in ENUM_MODULES:
            return _not_plain(value)
        return {"$e": f"{cls.__module__}:{cls.__qualname__}", "v": value.value}
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, datetime):
        return {"$dt": value.isoformat()} if value.tzinfo is None else _not_plain(value)
    if isinstance(value, date):
        return {"$d": value.isoformat()}
    if isinstance(value, time):
        return {"$t": value.isoformat()} if value.tzinfo is None else _not_plain(value)
    if isinstance(value, list):
        return [encode(v) for v in value]
    if isinstance(value, tuple):
        return {"$tu": [encode(v) for v in value]}
    if isinstance(value, frozenset):
        return {"$fs": [encode(v) for v in value]}
    if isinstance(value, dict):
        if all(isinstance(k, str) and not k.startswith("$") for k in value):
            return {k: encode(v) for k, v in value.items()}
        return {"$map": [[encode(k), encode(v)] for k, v in value.items()]}
    fields = getattr(type(value), "model_fields", None)
    if isinstance(fields, dict):
        mixins = [
            f"{c.__module__}:{c.__qualname__}"
            for c in type(value).__mro__
            if c.__module__.startswith("tui.") and not hasattr(c, "model_fields")
        ]
        if any(m.partition(":")[0] not in BEHAVIOUR_MODULES for m in mixins):
            return _not_plain(value)
        out = {"$m": type(value).__name__, "$x": mixins}
        for field in fields:
            out[field] = encode(getattr(value, field))
        return out
    return _not_plain(value)


def _not_plain(value: Any) -> Any:
    raise _NotPlain(type(value).__name__)


class Light:
    """A validated model read back from the cache: read-only attributes, the model's behaviour
    through its mixins, equal to another of the same kind with the same values."""

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} read from the cache cannot change")

    def __eq__(self, other: object) -> bool:
        return type(other).__name__ == type(self).__name__ and getattr(other, "__dict__", None) == self.__dict__

    __hash__ = object.__hash__

    def __repr__(self) -> str:
        inside = ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items())
        return f"{type(self).__name__}({inside})"

    def model_copy(self, *, update: dict[str, Any] | None = None, deep: bool = False) -> Any:
        """A copy with ``update`` applied (as pydantic's ``model_copy``)."""
        copy = object.__new__(type(self))
        copy.__dict__.update(self.__dict__)
        copy.__dict__.update(update or {})
        return copy


_classes: dict[tuple[str, tuple[str, ...]], type] = {}

BEHAVIOUR_MODULES = frozenset({"tui.core.model_logic", "tui.core.crossings.logic", "tui.core.journey_logic"})
"""The only modules an entry may name a mixin from (pydantic-free, no side effects)."""
ENUM_MODULES = frozenset({"tui.core.kinds"})
"""The only modules an entry may name an enum from."""


def _resolve(path: str, modules: frozenset[str], kind: type) -> Any:
    """The class ``module:Name`` named in an entry, if it is a ``kind`` from ``modules``; an
    entry naming anything else is damaged (a miss): reading never calls anything else."""
    module, _, qualname = path.partition(":")
    if module not in modules or not qualname.isidentifier():
        raise ValueError(f"an entry may not name {path}")
    value = getattr(importlib.import_module(module), qualname)
    if not (isinstance(value, type) and issubclass(value, kind)):
        raise ValueError(f"an entry may not name {path}")
    return value


def _light_class(name: str, mixins: Iterable[str]) -> type:
    wanted = (name, tuple(mixins))
    cls = _classes.get(wanted)
    if cls is None:
        bases = tuple(_resolve(m, BEHAVIOUR_MODULES, object) for m in wanted[1])
        cls = type(name, (*bases, Light), {})
        _classes[wanted] = cls
    return cls


def _decode(obj: dict[str, Any]) -> Any:
    if "$m" in obj:
        cls = _light_class(obj.pop("$m"), obj.pop("$x"))
        made: Any = object.__new__(cls)
        made.__dict__.update(obj)
        return made
    if len(obj) == 1:
        ((tag, value),) = obj.items()
        if tag == "$d":
            return date.fromisoformat(value)
        if tag == "$tu":
            return tuple(value)
        if tag == "$t":
            return time.fromisoformat(value)
        if tag == "$dt":
            return datetime.fromisoformat(value)
        if tag == "$fs":
            return frozenset(value)
        if tag == "$map":
            return {k: v for k, v in value}
    elif len(obj) == 2 and "$e" in obj:
        return _resolve(obj["$e"], ENUM_MODULES, Enum)(obj["v"])
    return obj
