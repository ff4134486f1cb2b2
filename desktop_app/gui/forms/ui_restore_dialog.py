# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'restore_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem, QTableView, QVBoxLayout

class Ui_RestoreDialog(object):
    def setupUi(self, RestoreDialog):
        if not RestoreDialog.objectName():
            RestoreDialog.setObjectName(u"RestoreDialog")
        RestoreDialog.resize(620, 420)
        self.dialogLayout = QVBoxLayout(RestoreDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.introLabel = QLabel(RestoreDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.introLabel)

        self.backupsView = QTableView(RestoreDialog)
        self.backupsView.setObjectName(u"backupsView")

        self.dialogLayout.addWidget(self.backupsView)

        self.statusLabel = QLabel(RestoreDialog)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.statusLabel)

        self.buttonsLayout = QHBoxLayout()
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.buttonsSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonsLayout.addItem(self.buttonsSpacer)

        self.restoreButton = QPushButton(RestoreDialog)
        self.restoreButton.setObjectName(u"restoreButton")

        self.buttonsLayout.addWidget(self.restoreButton)

        self.closeButton = QPushButton(RestoreDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonsLayout.addWidget(self.closeButton)


        self.dialogLayout.addLayout(self.buttonsLayout)


        self.retranslateUi(RestoreDialog)

        self.restoreButton.setDefault(True)


        QMetaObject.connectSlotsByName(RestoreDialog)
    # setupUi

    def retranslateUi(self, RestoreDialog):
        RestoreDialog.setWindowTitle(QCoreApplication.translate("RestoreDialog", u"\u4ece\u5907\u4efd\u6062\u590d", None))
        self.introLabel.setText(QCoreApplication.translate("RestoreDialog", u"\u9009\u62e9\u4e00\u4e2a\u5907\u4efd\uff0c\u70b9\u201c\u6062\u590d\u201d\u3002\u6062\u590d\u524d\uff0c\u7a0b\u5e8f\u4f1a\u5148\u628a\u5f53\u524d\u6570\u636e\u5e93\u5907\u4efd\u4e00\u6b21\uff0c\u6240\u4ee5\u6062\u590d\u4e4b\u540e\u4ecd\u53ef\u4ee5\u6062\u590d\u56de\u73b0\u5728\u7684\u72b6\u6001\u3002", None))
        self.statusLabel.setText("")
        self.restoreButton.setText(QCoreApplication.translate("RestoreDialog", u"\u6062\u590d(&R)\u2026", None))
        self.closeButton.setText(QCoreApplication.translate("RestoreDialog", u"\u5173\u95ed", None))
    # retranslateUi

