"""Fixtures for the case register's service tests: the services on ``ctx``."""

from __future__ import annotations

import pytest

from desktop_app.services.cases import CaseService
from desktop_app.services.reference import ReferenceService


@pytest.fixture
def cases(ctx) -> CaseService:
    return CaseService(ctx)


@pytest.fixture
def reference(ctx) -> ReferenceService:
    return ReferenceService(ctx)
