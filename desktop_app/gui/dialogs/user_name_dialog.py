"""您的姓名: asked on the first window start, so that history names a person as 操作人 rather than
the computer's login (gui layer).

Prefilled with a suggestion (the operating-system login), which the user may keep or replace; 确定
stays disabled while the name is empty. Closing the dialog without a name keeps the suggestion for
this session only (``startup`` asks again next time). Changed later in 设置 → 设置….
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from desktop_app.gui.forms.ui_user_name_dialog import Ui_UserNameDialog


class UserNameDialog(QDialog):
    def __init__(self, suggestion: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_UserNameDialog()
        self.ui.setupUi(self)
        self.ok_button = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("确定")
        self.ui.userNameEdit.setText(suggestion)
        self.ui.userNameEdit.selectAll()
        if suggestion:
            self.ui.hintLabel.setText(f"已按本机登录名填入“{suggestion}”，请改为您的真实姓名。以后可在 设置 → 设置… 中修改。")
        else:
            self.ui.hintLabel.setText("以后可在 设置 → 设置… 中修改。")
        self.ui.userNameEdit.textChanged.connect(self._update)
        self.ui.buttonBox.accepted.connect(self.accept)
        self._update()

    @property
    def user_name(self) -> str:
        return self.ui.userNameEdit.text().strip()

    def _update(self, *_args) -> None:
        self.ok_button.setEnabled(bool(self.user_name))

    def accept(self) -> None:
        if self.user_name:  # Enter in an empty field does nothing
            super().accept()


def ask_user_name(suggestion: str, parent: QWidget | None = None) -> str | None:
    """The name the user gave, or None when the dialog was closed without one."""
    dialog = UserNameDialog(suggestion, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.user_name
