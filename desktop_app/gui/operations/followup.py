"""Operations on 承诺事项 and their follow-up (gui layer): one service call each, see ``operations``."""

from __future__ import annotations

from desktop_app.gui.operations import Op


def carry_over_many(services, year: int, chosen) -> Op:
    """Carry the chosen commitments (id → reason) of ``year`` into the next year."""
    service = services.followup
    return Op("结转承诺事项", lambda: service.carry_over_many(year, chosen))
