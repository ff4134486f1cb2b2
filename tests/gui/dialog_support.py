"""Helpers for the dialog tests: real services on the test's database, and answers to message boxes.

Not a conftest: tests/gui/conftest.py belongs to the main-window tests.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop_app.domain.enums import Body, Level
from desktop_app.gui.app_services import AppServices
from desktop_app.services.dto import SessionInfo, UnitInfo

CONGRESS_SESSION = "区二届人大五次会议"


def make_services(ctx, tmp_path, *, read_only: bool = False) -> AppServices:
    from tests.gui.conftest import build_services

    return build_services(ctx, tmp_path, read_only=read_only,
                          read_only_reason="张三（办公室电脑）正在使用该数据库" if read_only else "")


def seed_reference(services: AppServices) -> dict[str, int]:
    """One congress session and three units; returns unit ids by name."""
    services.reference.save_session(SessionInfo(0, CONGRESS_SESSION, Body.CONGRESS, Level.DISTRICT, 2024))
    for name in ("区交通委", "区教育局", "区财政局"):
        services.reference.save_unit(UnitInfo(0, name))
    return {u.name: u.id for u in services.reference.units()}


@dataclass
class Prompts:
    """Records what the message boxes said and gives the answers the test chose."""

    warnings: list[str] = field(default_factory=list)
    confirmations: list[str] = field(default_factory=list)
    confirm_answer: bool = True
    unsaved_answer: str = "cancel"
    unsaved_asked: int = 0
    conflict_answer: str = "cancel"
    conflicts: int = 0


def answer_prompts(monkeypatch) -> Prompts:
    from desktop_app.gui.dialogs import case_prompts
    from desktop_app.gui.widgets import message_boxes

    prompts = Prompts()

    def warn(_parent, _title, text):
        prompts.warnings.append(text)

    def confirm(_parent, _title, text, _accept="确定"):
        prompts.confirmations.append(text)
        return prompts.confirm_answer

    def unsaved(_parent, _what):
        prompts.unsaved_asked += 1
        return prompts.unsaved_answer

    def conflict(_parent, _noun):
        prompts.conflicts += 1
        return prompts.conflict_answer

    monkeypatch.setattr(message_boxes, "show_warning", warn)
    monkeypatch.setattr(message_boxes, "show_error", warn)
    monkeypatch.setattr(message_boxes, "show_information", warn)
    monkeypatch.setattr(message_boxes, "confirm", confirm)
    monkeypatch.setattr(case_prompts, "ask_unsaved", unsaved)
    monkeypatch.setattr(case_prompts, "ask_conflict", conflict)
    return prompts
