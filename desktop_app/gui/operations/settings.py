"""Operations of the 设置 dialog: the unit directory and our unit (gui layer)."""

from __future__ import annotations

from desktop_app.gui.operations import Op


def save_unit(services, unit, title: str) -> Op:
    """Add (``unit.id`` 0), rename, switch on or off a unit; ``title`` says which."""
    reference = services.reference
    return Op(title, lambda: reference.save_unit(unit))


def delete_unit(services, unit_id: int) -> Op:
    reference = services.reference
    return Op("删除单位", lambda: reference.delete_unit(unit_id))


def set_our_unit(services, unit_id: int | None) -> Op:
    reference = services.reference
    return Op("设置我的单位", lambda: reference.set_our_unit(unit_id))


def set_rating_rule(services, rule: str) -> Op:
    """满意率 按件: whose rating is an item's final one (``domain.statistics.RATING_RULES``)."""
    from desktop_app.services.statistics import RATING_RULE_KEY

    reference = services.reference
    return Op("设置满意率口径", lambda: reference.set_setting(RATING_RULE_KEY, rule))
