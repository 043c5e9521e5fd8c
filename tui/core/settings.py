"""Small user preferences kept between runs: the theme and the last profile opened."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

from tui.core.storage import atomic_write

SETTINGS_FILE = "settings.toml"
THEMES = ("textual-dark", "textual-light")


@dataclass(frozen=True)
class Settings:
    """Preferences; unknown or broken values fall back to the defaults."""

    theme: str = "textual-dark"
    last_profile: str = ""


def load_settings(home: Path) -> Settings:
    """The saved preferences, or the defaults when there are none or the file is unreadable."""
    try:
        text = (Path(home) / SETTINGS_FILE).read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return Settings()  # none yet (a demo, a first start): no TOML reader needed
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return Settings()
    theme = data.get("theme")
    last = data.get("last_profile")
    return Settings(
        theme=theme if theme in THEMES else Settings.theme,
        last_profile=last if isinstance(last, str) else "",
    )


def save_settings(home: Path, settings: Settings) -> None:
    """Write the preferences atomically (0600), keeping the previous file."""
    import tomli_w  # only when saving: reading the preferences at a start needs no writer

    atomic_write(Path(home) / SETTINGS_FILE, tomli_w.dumps(asdict(settings)).encode("utf-8"))
