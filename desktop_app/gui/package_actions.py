"""文件 → 数据交换: export a package, import one (preview, one confirmation), this copy's key and
the keys it trusts, and the 报送情况 of every unit (gui layer). Installed by ``install(window)``;
the work runs through the window's runner (``operations.packages``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QCheckBox, QFileDialog, QInputDialog, QMessageBox

from desktop_app.gui.operations import Refused
from desktop_app.gui.operations import packages as package_ops
from desktop_app.gui.widgets import message_boxes

OFFICE_CHOICE = "区政府办公室（报送包）"
ALL_UNITS_CHOICE = "全部已登记公钥的单位（交办包，每个单位一份）"
TITLE = "数据交换"
CONTACTS_CHOICE = "交办包附带代表委员的电话和地址"


def install(window):
    from desktop_app.gui.views.package_reports_view import PackageReportsView

    view = PackageReportsView(window.services, window.runner, window)
    view.setObjectName("packageReportsView")
    window.add_view("packageReports", view, "报送情况")
    window.add_action("exportPackageAction", "数据交换：导出数据包(&P)…", lambda: export_package(window))
    window.add_action("importPackageAction", "数据交换：导入数据包(&K)…", lambda: import_package(window))
    window.add_action("packageKeysAction", "数据交换：密钥与登记…", lambda: keys(window))
    window.add_action("packageReportsAction", "数据交换：报送情况…", lambda: reports(window))
    return view


def export_package(window) -> None:
    services = window.services
    names = [u.name for u in services.reference.units()]
    to, ok = QInputDialog.getItem(window, "导出数据包", "收件方（办公室给单位写交办包，单位给办公室写报送包）：",
                                  [OFFICE_CHOICE, ALL_UNITS_CHOICE, *names], 0, False)
    if not ok or not to:
        return
    if to == ALL_UNITS_CHOICE:
        export_all(window)
        return
    target = "office" if to == OFFICE_CHOICE else to
    stamp = services.today().strftime("%Y%m%d")
    path, _filter = QFileDialog.getSaveFileName(window, "导出数据包", f"数据包_{to.split('（')[0]}_{stamp}.zip",
                                                "数据包 (*.zip)")
    if not path:
        return
    if not path.lower().endswith(".zip"):
        path += ".zip"

    def done(result) -> None:
        if isinstance(result, Refused):
            message_boxes.show_warning(window, "导出数据包", str(result.error))
            return
        window.show_status(
            f"已导出{result.kind} 第 {result.sequence} 号（{result.items} 件）：{result.path}")

    window.runner.run(package_ops.export(services, target, Path(path)), on_success=done)


def export_all(window) -> None:
    folder = QFileDialog.getExistingDirectory(window, "把各单位的交办包写入文件夹")
    if not folder:
        return

    def done(results) -> None:
        if isinstance(results, Refused):
            message_boxes.show_warning(window, "导出数据包", str(results.error))
            return
        lines = "\n".join(f"{r.addressee.name}：第 {r.sequence} 号，{r.items} 件" for r in results)
        message_boxes.show_information(window, "导出数据包",
                                       f"已在 {folder} 写出 {len(results)} 个交办包：\n{lines}" if results
                                       else "还没有登记任何单位的公钥，没有写出交办包。")

    window.runner.run(package_ops.export_all_units(window.services, Path(folder)), on_success=done)


def import_package(window) -> None:
    from desktop_app.gui.dialogs.package_import_dialog import PackageImportDialog

    path, _filter = QFileDialog.getOpenFileName(window, "导入数据包", "", "数据包 (*.zip)")
    if path:
        PackageImportDialog(window.services, Path(path), window).exec()


def keys(window) -> None:
    services = window.services

    def shown(info) -> None:
        trusted = services.exchange.trusted()
        listed = "\n".join(f"　{t.name}{'（办公室）' if t.role == 'office' else ''}：{t.fingerprint}" for t in trusted)
        box = QMessageBox(QMessageBox.Icon.Information, "数据交换：密钥与登记",
                          f"本机：{info.party.label() if info.party else '（尚未设定身份）'}\n"
                          f"本机指纹：{info.fingerprint}\n\n已登记的对方公钥：\n{listed or '　（还没有）'}\n\n"
                          "登记对方公钥之前，请与对方电话逐组核对指纹。", parent=window)
        export_button = box.addButton("导出本机公钥…", QMessageBox.ButtonRole.ActionRole)
        trust_button = box.addButton("登记对方公钥…", QMessageBox.ButtonRole.ActionRole)
        box.addButton("关闭", QMessageBox.ButtonRole.RejectRole)
        was = services.exchange.deputy_contacts()
        contacts = QCheckBox(CONTACTS_CHOICE)
        contacts.setObjectName("deputyContactsCheck")
        contacts.setChecked(was)
        contacts.setToolTip("只影响本机写出的交办包；不勾选时，代表委员的电话和地址只留在本机。")
        box.setCheckBox(contacts)
        box.exec()
        if contacts.isChecked() != was:
            save_deputy_contacts(window, contacts.isChecked())
        if box.clickedButton() is export_button:
            write_key(window)
        elif box.clickedButton() is trust_button:
            trust_key(window)
        if info.note:
            message_boxes.show_warning(window, TITLE, info.note)

    window.runner.run(package_ops.identity(services), on_success=shown)


def save_deputy_contacts(window, on: bool) -> None:
    def done(_changes) -> None:
        window.show_status("交办包今后" + ("附带" if on else "不再附带") + "代表委员的电话和地址。")

    window.runner.run(package_ops.set_deputy_contacts(window.services, on), on_success=done)


def write_key(window) -> None:
    path, _filter = QFileDialog.getSaveFileName(window, "导出本机公钥", "本机公钥.txt", "公钥文件 (*.txt)")
    if not path:
        return

    def done(result) -> None:
        if isinstance(result, Refused):
            message_boxes.show_warning(window, "导出本机公钥", f"无法写入：{result.error}")
        else:
            window.show_status(f"已导出本机公钥：{result}")

    window.runner.run(package_ops.write_public_key(window.services, Path(path)), on_success=done)


def trust_key(window) -> None:
    path, _filter = QFileDialog.getOpenFileName(window, "登记对方公钥", "", "公钥文件 (*.txt *.pub);;所有文件 (*)")
    if not path:
        return
    try:
        text = Path(path).read_text(encoding="utf-8", errors="replace")[:10_000]
    except OSError as error:
        message_boxes.show_warning(window, "登记对方公钥", f"无法读取公钥文件：{error.strerror or error}")
        return
    names = [u.name for u in window.services.reference.units()]
    owner, ok = QInputDialog.getItem(window, "登记对方公钥", "这把公钥属于：", ["区政府办公室", *names], 0, False)
    if not ok:
        return
    role, name = ("office", "") if owner == "区政府办公室" else ("unit", owner)

    def done(result) -> None:
        if isinstance(result, Refused):
            message_boxes.show_warning(window, "登记对方公钥", str(result.error))
        else:
            message_boxes.show_information(window, "登记对方公钥",
                                           f"已登记“{result.name}”的公钥，指纹：{result.fingerprint}\n"
                                           "请与对方电话核对该指纹；不一致时不要导入其数据包。")

    window.runner.run(package_ops.trust(window.services, text, role, name), on_success=done)


def reports(window) -> None:
    window.show_view("packageReports")
