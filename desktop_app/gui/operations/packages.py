"""Operations on exchange packages (gui layer): one service call each, see ``operations``."""

from __future__ import annotations

from desktop_app.domain.errors import ConflictError, ValidationError
from desktop_app.gui.operations import Op


def identity(services) -> Op:
    """This copy's ``KeyInfo`` (the key is made on first use: a write)."""
    return Op("读取本机密钥", services.exchange.identity)


def write_public_key(services, path) -> Op:
    return Op("导出公钥", lambda: services.exchange.write_public_key(path), refusals=(OSError,))


def trust(services, key_text: str, role: str, name: str) -> Op:
    return Op("登记对方公钥", lambda: services.exchange.trust(key_text, role, name), refusals=(ValidationError,))


def set_deputy_contacts(services, on: bool) -> Op:
    """Whether deputies' phone and address travel in 交办包 (the setting ``exchange_deputy_contacts``)."""
    return Op("保存数据交换设置", lambda: services.exchange.set_deputy_contacts(on))


def export(services, to: str, path, full: bool = False) -> Op:
    return Op("导出数据包", lambda: services.exchange.export(to, path, full=full),
              refusals=(ValidationError, OSError))


def export_all_units(services, folder) -> Op:
    """One 交办包 per unit with a registered key, into ``folder``."""
    return Op("导出全部单位的交办包", lambda: services.exchange.export_all_units(folder),
              refusals=(ValidationError, OSError))


def preview(services, path) -> Op:
    """The ``PackagePreview``; a package refused comes back as ``Refused`` with the reason."""
    from desktop_app.services.exchange import PackageRefusedError

    return Op("读取数据包", lambda: services.exchange.preview(path), read=True, refusals=(PackageRefusedError,))


def apply(services, path, choices, allow_gap: bool) -> Op:
    """``(Changes, ApplyResult)``: every view refreshes what the package changed."""
    from desktop_app.services.exchange import PackageRefusedError

    def call():
        result = services.exchange.apply(path, choices=choices, allow_gap=allow_gap)
        return result.changes, result

    return Op("导入数据包", call, refusals=(PackageRefusedError, ConflictError))


def unit_reports(services, quiet_days: int = 30) -> Op:
    return Op("读取报送情况", lambda: services.exchange.unit_reports(quiet_days=quiet_days), read=True)
