"""The main window's commands on the database file and the program (gui layer): 立即备份, 从备份恢复,
the integrity check after start-up, 设置, 连接服务器, 关于 and 使用说明. Made when first used (after
the rows have loaded, or on a menu command); each dialog's module loads when it is first opened.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from desktop_app.gui.operations import maintenance as maintenance_ops
from desktop_app.gui.widgets import message_boxes
from desktop_app.services.maintenance import format_label


class FileCommands:
    def __init__(self, window):
        self.window = window

    @property
    def services(self):
        return self.window.services

    def backup_now(self) -> None:
        """文件 → 立即备份. On a server without pg_dump on this computer: say what to install, and
        offer the copy as a database file instead (the command's ``--as-sqlite``)."""
        as_sqlite = False
        if (problem := self.services.maintenance.manual_backup_problem()) is not None:
            if not message_boxes.confirm(
                self.window, "立即备份",
                f"{problem}\n\n现在也可以把服务器上的全部数据另存为一个本地数据库文件（核对过行数，"
                "可在 文件 → 从备份恢复 中恢复到服务器）。要这样备份吗？",
                "另存为数据库文件",
            ):
                return
            as_sqlite = True
        self.window.runner.run(maintenance_ops.backup_now(self.services, as_sqlite=as_sqlite),
                               on_success=lambda path: self.window.show_status(f"已备份到 {path}（{format_label(path)}）"))

    def show_backup_note(self) -> None:
        """What the automatic backup at start-up could not do as usual (a server: no pg_dump
        here, or a unit's account), in the status bar."""
        note = self.services.maintenance.backup_note if self.services.connected else ""
        if note:
            self.window.show_status(note, 60000)

    def check_integrity(self) -> None:
        """The integrity check, in the background; a damaged file is reported with the way out:
        restore a backup."""
        self.window.runner.run(maintenance_ops.check_integrity(self.services), background=True,
                               on_success=self._integrity_checked)

    def _integrity_checked(self, report) -> None:
        if report.integrity_ok:
            return
        question = f"{report.damage_text}\n\n现在从备份恢复吗？"
        if message_boxes.confirm(self.window, "数据库已损坏", question, "从备份恢复…"):
            self.restore_backup()

    def restore_backup(self) -> None:
        from desktop_app.gui.dialogs.restore_dialog import RestoreDialog

        RestoreDialog(self.services, self.window).exec()

    def open_settings(self) -> None:
        from desktop_app.gui.dialogs.settings_dialog import SettingsDialog

        SettingsDialog(self.services, self.window).exec()

    def connect_server(self) -> None:
        """设置 → 数据库 → 连接服务器…: the server database the next start opens."""
        from desktop_app.gui.dialogs.server_connection_dialog import ServerConnectionDialog

        ServerConnectionDialog(self.services, self.window).exec()

    def about(self) -> QDialog:
        """帮助 → 关于: version, database, data and log folders (each with 打开), 使用说明."""
        from desktop_app.gui.dialogs.about_dialog import AboutDialog

        dialog = AboutDialog(self.services.db_path, self.window)
        dialog.open()
        return dialog

    def show_user_guide(self) -> QDialog:
        from desktop_app.gui.dialogs.about_dialog import show_user_guide

        return show_user_guide(self.window)
