"""设置 → 数据库 → 连接服务器…: the server database a window start opens (gui layer).

The user fills in the address, port, database, user and password; 测试连接 logs in once and says
what is wrong in Chinese when the server refuses. 保存 logs in too, keeps the password in the
operating system's credential store (``services.server_connection``) and the address, without the
password, in the UI settings (``server_database``): the next start opens that database. The running
window keeps its database (there is no switch while open); the dialog says so.
改回本机数据库文件 clears the address: the next start opens the local file again.
"""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from desktop_app.domain.errors import DatabaseError
from desktop_app.gui.forms.ui_server_connection_dialog import Ui_ServerConnectionDialog
from desktop_app.gui.widgets import message_boxes
from desktop_app.services import server_connection


class ServerConnectionDialog(QDialog):
    def __init__(self, services, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.ui = Ui_ServerConnectionDialog()
        self.ui.setupUi(self)
        self.save_button = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText("保存(&S)")
        self.save_button.setDefault(True)
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.testButton.clicked.connect(self.test_connection)
        self.ui.localButton.clicked.connect(self.use_local_file)
        self.saved_address: str | None = None
        self._fill(services.ui_settings.server_database)

    def _fill(self, address: str) -> None:
        current = address.strip()
        self.ui.localButton.setEnabled(bool(current))
        if not current:
            self.ui.currentLabel.setText("现在：每次启动打开本机的数据库文件。")
            return
        self.ui.currentLabel.setText(f"现在：每次启动打开服务器上的数据库 {current}。")
        parts = urlsplit(current)
        self.ui.hostEdit.setText(parts.hostname or "")
        self.ui.portSpin.setValue(parts.port or server_connection.DEFAULT_PORT)
        self.ui.databaseEdit.setText(unquote(parts.path.lstrip("/")))
        self.ui.userEdit.setText(unquote(parts.username or ""))

    def address(self) -> str:
        """The address the fields name (raises ``DatabaseError`` naming what is missing)."""
        return server_connection.server_address(self.ui.hostEdit.text(), self.ui.portSpin.value(),
                                                self.ui.databaseEdit.text(), self.ui.userEdit.text())

    def _try(self) -> tuple[str, str] | None:
        """Log in with the fields; (address, what to tell) or None after showing why not."""
        try:
            address = self.address()
        except DatabaseError as error:
            self._say(str(error), ok=False)
            return None
        self._say("正在连接服务器…", ok=True)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            told = server_connection.try_connection(address, self.ui.passwordEdit.text())
        except DatabaseError as error:
            self._say(str(error), ok=False)
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._say(told, ok=True)
        return address, told

    def _say(self, text: str, *, ok: bool) -> None:
        self.ui.statusLabel.setStyleSheet("" if ok else "color: #b00020;")
        self.ui.statusLabel.setText(text)
        self.ui.statusLabel.repaint()

    def test_connection(self) -> bool:
        return self._try() is not None

    def accept(self) -> None:
        tried = self._try()
        if tried is None:
            return  # the reason stays on the dialog, the fields as typed
        address, _told = tried
        kept = server_connection.remember_password(address, self.ui.passwordEdit.text())
        self._remember(address)
        self.saved_address = address
        note = "" if kept else ("\n\n这台电脑没有可用的凭据管理器，密码没有保存：如服务器要求密码，"
                                "请请信息管理员改为免密码登录，或在命令行用 --db 写明密码。")
        message_boxes.show_information(
            self, "已保存",
            f"已保存服务器数据库 {address}。\n\n重新启动程序后生效：下次启动时将打开服务器上的这个数据库。"
            f"现在打开的数据库不变。{note}")
        super().accept()

    def use_local_file(self) -> None:
        self._remember("")
        self.saved_address = ""
        message_boxes.show_information(self, "已改回本机数据库文件",
                                       "重新启动程序后生效：下次启动时将打开本机的数据库文件。")
        super().accept()

    def _remember(self, address: str) -> None:
        self.services.ui_settings.server_database = address
        if self.services.save_ui_settings is not None:
            self.services.save_ui_settings()
