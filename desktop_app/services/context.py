"""What every service needs besides the database: who is working and what time it is (services layer)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Callable

from desktop_app.storage.database import Database


@dataclass
class ServiceContext:
    """``user_name`` is asked each time (the user may change it in 设置); ``now`` is replaced by a
    fixed clock in tests."""

    db: Database
    user_name: Callable[[], str] = lambda: ""
    now: Callable[[], datetime] = field(default=datetime.now)

    def today(self) -> date:
        return self.now().date()
