"""Operations on 政协提案's figures and reference data (gui layer): one service call each."""

from __future__ import annotations

from desktop_app.gui.operations import Op


def report(services, as_of, mode=None) -> Op:
    service = services.proposals
    return Op("统计政协提案", lambda: service.report(as_of, mode), read=True)


def key_proposals(services) -> Op:
    """The 重点提案 under supervision as of today, for the 期限看板's panel (no figures counted)."""
    service = services.proposals
    return Op("读取重点提案", service.key_proposals, read=True)


def set_merged_count(services, mode) -> Op:
    service = services.proposals
    return Op("保存并案统计口径", lambda: service.set_merged_count(mode))


def save_sectors(services, names, version) -> Op:
    service = services.proposals
    return Op("保存界别名单", lambda: service.save_sectors(names, version))
