# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'user_guide_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem, QTextBrowser, QVBoxLayout

class Ui_UserGuideDialog(object):
    def setupUi(self, UserGuideDialog):
        if not UserGuideDialog.objectName():
            UserGuideDialog.setObjectName(u"UserGuideDialog")
        UserGuideDialog.resize(900, 640)
        self.dialogLayout = QVBoxLayout(UserGuideDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.guideBrowser = QTextBrowser(UserGuideDialog)
        self.guideBrowser.setObjectName(u"guideBrowser")
        self.guideBrowser.setOpenExternalLinks(True)

        self.dialogLayout.addWidget(self.guideBrowser)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.sourceLabel = QLabel(UserGuideDialog)
        self.sourceLabel.setObjectName(u"sourceLabel")
        self.sourceLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.buttonLayout.addWidget(self.sourceLabel)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.closeButton = QPushButton(UserGuideDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonLayout.addWidget(self.closeButton)


        self.dialogLayout.addLayout(self.buttonLayout)


        self.retranslateUi(UserGuideDialog)

        self.closeButton.setDefault(True)


        QMetaObject.connectSlotsByName(UserGuideDialog)
    # setupUi

    def retranslateUi(self, UserGuideDialog):
        UserGuideDialog.setWindowTitle(QCoreApplication.translate("UserGuideDialog", u"\u4f7f\u7528\u8bf4\u660e", None))
        self.closeButton.setText(QCoreApplication.translate("UserGuideDialog", u"\u5173\u95ed", None))
    # retranslateUi

