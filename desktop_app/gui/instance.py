"""One app instance per database file (gui layer).

The first instance listens on a ``QLocalServer`` whose name is derived from the database's absolute
path (and the OS user, because named pipes on Windows are visible machine-wide); a second start on the
same file connects, sends ``activate`` and exits, and the first brings its window to the front.
Different users of one shared file are handled by the database's lock file, not here.
"""

from __future__ import annotations

import hashlib
import logging
import os
import time
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from desktop_app import paths
from desktop_app.paths import db_key
from desktop_app.processes import pid_alive
from desktop_app.settings import os_user_name

log = logging.getLogger(__name__)

ACTIVATE = b"activate\n"
ACKNOWLEDGED = b"ok\n"


class Claim(Enum):
    PRIMARY = "primary"  # we are the only instance: go on and open the window
    ACTIVATED = "activated"  # another instance has the file and was asked to show itself: exit 0


class InstanceError(Exception):
    """Another instance has the file but cannot be reached; ``str()`` is a Chinese message."""


def server_name(db_path: Path | str) -> str:
    user = hashlib.sha256(os_user_name().encode("utf-8")).hexdigest()[:8]
    return f"desktop-app-{user}-{db_key(db_path)}"


class SingleInstance(QObject):
    """``claim()`` once at start-up; keep the object alive for the life of the app."""

    activation_requested = Signal()

    def __init__(self, db_path: Path | str, parent: QObject | None = None):
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.name = server_name(db_path)
        self._server = None  # a QLocalServer once claimed

    @property
    def claimed(self) -> bool:
        return self._server is not None

    def marker_path(self) -> Path:
        return paths.data_dir() / "instances" / f"{self.name}.pid"

    def another_may_run(self) -> bool:
        """Whether a live process left its marker for this file. Cheap (no QtNetwork, whose
        classes take tens of milliseconds to load), so a first start can paint its window before
        claiming; a start that finds a marker asks the running instance before any window."""
        try:
            pid = int(self.marker_path().read_text(encoding="ascii"))
        except (OSError, ValueError):
            return False
        return pid_alive(pid)

    def claim(self, timeout_ms: int = 5000) -> Claim:
        """Become the instance for this file, or ask the running one to come forward.

        Raises ``InstanceError`` when another instance holds the file but does not answer within
        ``timeout_ms`` (generous: the first may still be opening a large database)."""
        if self._ask_running_instance(timeout_ms):
            return Claim.ACTIVATED
        if self._listen():
            self._write_marker()
            return Claim.PRIMARY
        # Lost a race with an instance starting at the same moment: it listens now, so ask it.
        if self._ask_running_instance(timeout_ms):
            return Claim.ACTIVATED
        raise InstanceError(
            f"此数据库文件已被本机另一个“建议提案办理助手”窗口使用，但无法与它联系：\n{self.db_path}\n"
            "请在任务栏中找到该窗口；如果它已无响应，请在任务管理器中结束它后重新启动。"
        )

    def close(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
            self.marker_path().unlink(missing_ok=True)

    def _write_marker(self) -> None:
        try:
            self.marker_path().parent.mkdir(parents=True, exist_ok=True)
            self.marker_path().write_text(str(os.getpid()), encoding="ascii")
        except OSError as error:  # without it a second start only paints before asking
            log.warning("无法写单实例标记文件：%s", error)

    # ---- second instance side -------------------------------------------------------------
    def _ask_running_instance(self, timeout_ms: int) -> bool:
        from PySide6.QtNetwork import QLocalSocket

        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(min(timeout_ms, 500)):
            return False
        socket.write(ACTIVATE)
        socket.flush()
        answered = self._wait_for_answer(socket, timeout_ms)
        socket.disconnectFromServer()
        if not answered:
            raise InstanceError(
                f"此数据库文件已在本机另一个窗口中打开，但该窗口没有响应：\n{self.db_path}\n"
                "它可能正忙于长时间操作（导入、备份）；请稍候再试，或在任务管理器中结束它后重新启动。"
            )
        return True

    @staticmethod
    def _wait_for_answer(socket, timeout_ms: int) -> bool:
        # Poll with processEvents rather than one blocking wait, so that the answering server may
        # live in this very thread (tests, and a future in-process "open this file" request).
        deadline = time.monotonic() + timeout_ms / 1000
        received = b""
        while time.monotonic() < deadline:
            QCoreApplication.processEvents()
            if socket.bytesAvailable() or socket.waitForReadyRead(20):
                received += bytes(socket.readAll())
                if ACKNOWLEDGED in received:
                    return True
            if socket.state() == socket.LocalSocketState.UnconnectedState:
                return False
        return False

    # ---- first instance side --------------------------------------------------------------
    def _listen(self) -> bool:
        from PySide6.QtNetwork import QAbstractSocket, QLocalServer

        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            if server.serverError() != QAbstractSocket.SocketError.AddressInUseError:
                log.warning("无法建立单实例服务 %s：%s", self.name, server.errorString())
                return False
            # On Unix a crashed instance leaves its socket file behind; nobody answered on it.
            QLocalServer.removeServer(self.name)
            if not server.listen(self.name):
                log.warning("无法建立单实例服务 %s：%s", self.name, server.errorString())
                return False
        server.newConnection.connect(self._on_new_connection)
        self._server = server
        return True

    def _on_new_connection(self) -> None:
        # Each request is answered at once and the socket deleted here: no Python slot stays
        # connected to a socket, because Qt emits ``disconnected`` from the socket's destructor,
        # and a Python slot called from there crashes the process.
        activate = False
        while self._server is not None and self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            try:
                if self._read_request(socket) == ACTIVATE:
                    socket.write(ACKNOWLEDGED)
                    socket.waitForBytesWritten(500)
                    activate = True
            finally:
                socket.disconnectFromServer()
                socket.deleteLater()
        if activate:
            log.info("另一次启动请求激活窗口")
            self.activation_requested.emit()

    @staticmethod
    def _read_request(socket) -> bytes:
        # The client writes its one line right after connecting; wait briefly for it.
        deadline = time.monotonic() + 0.5
        while not socket.canReadLine() and time.monotonic() < deadline:
            if not socket.waitForReadyRead(50) and socket.state() != socket.LocalSocketState.ConnectedState:
                break
        return bytes(socket.readLine()) if socket.canReadLine() else b""


def bring_to_front(window: QWidget) -> None:
    """Show ``window`` restored, raised and focused (Windows may only flash the taskbar button)."""
    if window.isMinimized():
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()
