"""帮助 → 关于: the version, the database, the data and log folders with buttons to open them, and
the way to the 使用说明 (gui layer)."""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QWidget

from desktop_app import paths
from desktop_app.gui.forms.ui_about_dialog import Ui_AboutDialog
from desktop_app.gui.widgets import message_boxes

DISTRIBUTION = "desktop-app"  # [project] name in pyproject.toml; the frozen app ships its metadata


def app_version() -> str:
    """The installed version (pyproject's ``[project] version``), or a note when it is unknown
    (a checkout run without installing)."""
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return "未知（未安装的开发版本）"


def open_folder(parent: QWidget, folder: Path) -> bool:
    """Show ``folder`` in the system's file manager; says so when that is not possible."""
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
        return True
    message_boxes.show_warning(parent, "无法打开文件夹", f"系统没能打开文件夹：\n{folder}\n请在资源管理器中手动打开它。")
    return False


class AboutDialog(QDialog):
    def __init__(self, db_path: Path | str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_AboutDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self.data_dir, self.log_dir = paths.data_dir(), paths.log_dir()
        ui.versionLabel.setText(f"版本 {app_version()}")
        ui.databaseLabel.setText(str(db_path))
        ui.dataDirLabel.setText(str(self.data_dir))
        ui.logDirLabel.setText(str(self.log_dir))
        ui.openDataDirButton.clicked.connect(lambda: open_folder(self, self.data_dir))
        ui.openLogDirButton.clicked.connect(lambda: open_folder(self, self.log_dir))
        ui.guideButton.clicked.connect(self.show_guide)
        ui.closeButton.clicked.connect(self.accept)
        self.guide: QDialog | None = None

    def show_guide(self) -> QDialog:
        return show_user_guide(self)


def show_user_guide(parent: QWidget) -> QDialog:
    """The 使用说明 window, modeless: it can stay open beside the main window."""
    from desktop_app.gui.dialogs.user_guide_dialog import UserGuideDialog

    dialog = UserGuideDialog(parent)
    dialog.setModal(False)
    dialog.show()
    return dialog
