"""The command palette's commands: "Go to stage: <title>" for each stage, every screen, and the
journey's actions. State-aware: the stage commands appear once a journey is open."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from tui.app import FlagpoleApp

Command = tuple[str, Callable[[], object], str]


async def _go_to_stage(app, stage_id: str) -> None:
    await app.go_to_stage(stage_id)


async def _journey_action(app, action: str) -> None:
    await app.run_journey_action(action)


def _place_commands(app, route_id: str) -> list[Command]:
    """Arriving by air: the airport picker, on the key ``c``. Other routes: the crossing finder on
    ``c``, and the airport picker (choosing an airport plans an arrival by air)."""
    from tui.airport_action import AIR_ROUTE, open_airport_picker

    airport = partial(open_airport_picker, app)
    if route_id == AIR_ROUTE:
        return [("Find an airport", airport, "Choose the airport you land at and set it as your plan (c)")]
    return [
        ("Open screen: Crossing finder", app.action_find_crossing, "Find a crossing and set it as your plan (c)"),
        ("Find an airport", airport, "Plan an arrival by air instead: choose the airport you land at"),
    ]


class FlagpoleCommands(Provider):
    """Stages, screens and journey actions for the command palette."""

    def _commands(self) -> list[Command]:
        """The commands that make sense right now."""
        app = cast("FlagpoleApp", self.app)
        commands: list[Command] = []
        session = getattr(app, "session", None)
        if session is not None:
            stages = session.route.stages
            for number, stage in enumerate(stages, start=1):
                commands.append(
                    (
                        f"Go to stage: {stage.title}",
                        partial(_go_to_stage, app, stage.id),
                        f"Stage {number} of {len(stages)}",
                    )
                )
            commands += [
                ("Next stage", partial(_journey_action, app, "next_stage"), "Move on to the next stage (n / F6)"),
                ("Previous stage", partial(_journey_action, app, "previous_stage"), "Back one stage (p / F5)"),
                ("Export log to Markdown", partial(_journey_action, app, "export"), "Write the day's log into exports/ (e / F4)"),
                ("Start this day over", app.action_start_over, "Begin again at the first stage; the journey so far is kept"),
                ("Open screen: Journey", app.action_show_journey, "The stages of the day"),
                ("Open screen: Journey log", partial(_journey_action, app, "show_log"), "Every action recorded today (l / F3)"),
            ]
        if session is not None:
            commands += [
                ("Open screen: Profile", app.action_edit_profile, "Edit your details, documents and plan (o)"),
                *_place_commands(app, session.route.id),
                ("Export this profile", app.action_export_profile, "Write it as TOML, numbers masked if you like"),
            ]
        commands += [
            ("Open screen: Border history", app.action_show_history, "Each US turn-around, as recorded (h)"),
            ("Open screen: Welcome", app.action_show_welcome, "Create, import, try the demo, or switch profile"),
            ("Create a new profile", app.action_new_profile, "A blank profile form"),
            ("Import a profile file", app.action_import_profile, "Checked like 'flagpole import'"),
            ("Switch theme (dark / light)", app.action_toggle_theme, "Remembered for next time (t)"),
            ("Open screen: Help (keys and marks)", app.action_show_help, "What each key and mark means (? / F1)"),
        ]
        return commands

    async def discover(self) -> Hits:
        """Everything, for the empty palette."""
        for name, callback, help_text in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        """Commands matching what was typed."""
        matcher = self.matcher(query)
        for name, callback, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
