"""Drafts of the profile form: what was typed but not saved, kept so a crash loses nothing.

A draft holds passport and policy numbers, so it lives only in the private data folder
(``HOME/drafts/``, 0700, files 0600, written atomically through ``tui.core.safefile``) and is
removed when the form is saved or discarded, and when the profile is deleted.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from tui.core.safefile import atomic_write, ensure_private_tree, read_private
from tui.core.storage import check_name

NEW_PROFILE = "_new-profile"
"""The draft of a profile not yet named (no profile name can start with '_')."""


def draft_path(home: Path, name: str | None) -> Path:
    """Where the draft of profile ``name`` (None: a new profile) is kept."""
    stem = NEW_PROFILE if name is None else check_name(name)
    return Path(home) / "drafts" / f"{stem}.json"


def save_draft(home: Path, name: str | None, values: dict[str, str]) -> None:
    """Keep ``values`` (field path → text) as the draft of ``name``; OSError when the disk fails."""
    folder = ensure_private_tree(Path(home), "drafts")
    data = json.dumps({"schema": 1, "values": values}, ensure_ascii=False, sort_keys=True)
    atomic_write(folder / draft_path(home, name).name, data.encode("utf-8"), keep_previous=False)


def load_draft(home: Path, name: str | None) -> dict[str, str] | None:
    """The draft of ``name``, or None when there is none or it cannot be read."""
    path = draft_path(home, name)
    if not path.is_file():
        return None
    try:
        data = json.loads(read_private(path).decode("utf-8"))
    except (OSError, ValueError):
        return None
    values = data.get("values") if isinstance(data, dict) else None
    if not isinstance(values, dict):
        return None
    return {str(k): str(v) for k, v in values.items() if isinstance(v, str)}


def remove_draft(home: Path, name: str | None) -> None:
    """Remove the draft of ``name`` (nothing happens when there is none)."""
    try:
        os.remove(draft_path(home, name))
    except FileNotFoundError:
        pass
