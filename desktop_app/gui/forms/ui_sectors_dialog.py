# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'sectors_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout

class Ui_SectorsDialog(object):
    def setupUi(self, SectorsDialog):
        if not SectorsDialog.objectName():
            SectorsDialog.setObjectName(u"SectorsDialog")
        SectorsDialog.resize(420, 520)
        self.dialogLayout = QVBoxLayout(SectorsDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.introLabel = QLabel(SectorsDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.introLabel)

        self.sectorsLabel = QLabel(SectorsDialog)
        self.sectorsLabel.setObjectName(u"sectorsLabel")

        self.dialogLayout.addWidget(self.sectorsLabel)

        self.sectorsEdit = QPlainTextEdit(SectorsDialog)
        self.sectorsEdit.setObjectName(u"sectorsEdit")
        self.sectorsEdit.setTabChangesFocus(True)

        self.dialogLayout.addWidget(self.sectorsEdit)

        self.buttonBox = QDialogButtonBox(SectorsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.sectorsLabel.setBuddy(self.sectorsEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SectorsDialog)

        QMetaObject.connectSlotsByName(SectorsDialog)
    # setupUi

    def retranslateUi(self, SectorsDialog):
        SectorsDialog.setWindowTitle(QCoreApplication.translate("SectorsDialog", u"\u754c\u522b\u540d\u5355", None))
        self.introLabel.setText(QCoreApplication.translate("SectorsDialog", u"\u653f\u534f\u59d4\u5458\u6240\u5c5e\u7684\u754c\u522b\uff0c\u6bcf\u884c\u4e00\u4e2a\u3002\u7f16\u8f91\u63d0\u6848\u65f6\u201c\u63d0\u6848\u4eba\u201d\u9875\u7684\u754c\u522b\u4ece\u8fd9\u91cc\u9009\u62e9\uff1b\u653f\u534f\u63d0\u6848\u7edf\u8ba1\u6309\u7b2c\u4e00\u63d0\u6848\u4eba\u7684\u754c\u522b\u5206\u7ec4\u3002", None))
        self.sectorsLabel.setText(QCoreApplication.translate("SectorsDialog", u"\u754c\u522b(&J)\uff1a", None))
    # retranslateUi

