"""Server passwords in the operating system's credential store, through ``keyring`` (storage layer).

Windows Credential Manager, the macOS keychain or the Secret Service on Linux keep the password of
a database user; settings.json keeps at most the address without it. Without a usable store
(``keyring`` missing or no backend) nothing is stored and the password is asked for each time.
"""

from __future__ import annotations

import logging

from sqlalchemy.engine import make_url

log = logging.getLogger(__name__)

SERVICE = "desktop-app 建议提案办理助手"


def _key(url: str) -> str:
    parsed = make_url(url.strip().replace("postgres://", "postgresql://", 1))
    return f"{parsed.username or ''}@{parsed.host or 'localhost'}:{parsed.port or 5432}/{parsed.database}"


def stored_password(url: str) -> str | None:
    """The password kept for the user, server and database of ``url``, or None."""
    try:
        import keyring

        return keyring.get_password(SERVICE, _key(url))
    except Exception:  # noqa: BLE001 - no credential store on this computer: ask instead
        log.info("no credential store available for %s", _key(url), exc_info=True)
        return None


def store_password(url: str, password: str) -> bool:
    """Keep ``password`` for ``url``; False when this computer has no credential store."""
    try:
        import keyring

        keyring.set_password(SERVICE, _key(url), password)
        return True
    except Exception:  # noqa: BLE001 - reported to the caller as "not kept"
        log.warning("cannot keep the password of %s in the credential store", _key(url), exc_info=True)
        return False


def forget_password(url: str) -> None:
    try:
        import keyring

        keyring.delete_password(SERVICE, _key(url))
    except Exception:  # noqa: BLE001 - nothing kept, nothing to forget
        pass
