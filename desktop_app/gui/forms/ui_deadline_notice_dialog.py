# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'deadline_notice_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem, QTableView, QVBoxLayout

class Ui_DeadlineNoticeDialog(object):
    def setupUi(self, DeadlineNoticeDialog):
        if not DeadlineNoticeDialog.objectName():
            DeadlineNoticeDialog.setObjectName(u"DeadlineNoticeDialog")
        DeadlineNoticeDialog.resize(860, 440)
        DeadlineNoticeDialog.setMaximumSize(QSize(1340, 600))
        self.dialogLayout = QVBoxLayout(DeadlineNoticeDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.headlineLabel = QLabel(DeadlineNoticeDialog)
        self.headlineLabel.setObjectName(u"headlineLabel")
        self.headlineLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.headlineLabel)

        self.deadlinesView = QTableView(DeadlineNoticeDialog)
        self.deadlinesView.setObjectName(u"deadlinesView")
        self.deadlinesView.setMinimumSize(QSize(0, 120))

        self.dialogLayout.addWidget(self.deadlinesView)

        self.footLabel = QLabel(DeadlineNoticeDialog)
        self.footLabel.setObjectName(u"footLabel")
        self.footLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.footLabel)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.openDashboardButton = QPushButton(DeadlineNoticeDialog)
        self.openDashboardButton.setObjectName(u"openDashboardButton")

        self.buttonLayout.addWidget(self.openDashboardButton)

        self.closeButton = QPushButton(DeadlineNoticeDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonLayout.addWidget(self.closeButton)


        self.dialogLayout.addLayout(self.buttonLayout)


        self.retranslateUi(DeadlineNoticeDialog)

        self.closeButton.setDefault(True)


        QMetaObject.connectSlotsByName(DeadlineNoticeDialog)
    # setupUi

    def retranslateUi(self, DeadlineNoticeDialog):
        DeadlineNoticeDialog.setWindowTitle(QCoreApplication.translate("DeadlineNoticeDialog", u"\u671f\u9650\u63d0\u9192", None))
        self.headlineLabel.setText("")
        self.footLabel.setText(QCoreApplication.translate("DeadlineNoticeDialog", u"\u53cc\u51fb\u4e00\u884c\u6216\u70b9\u201c\u6253\u5f00\u671f\u9650\u770b\u677f\u201d\u67e5\u770b\u5168\u90e8\u671f\u9650\u3002\u6b64\u63d0\u793a\u53ef\u5728 \u8bbe\u7f6e \u2192 \u671f\u9650\u89c4\u5219\u548c\u8282\u5047\u65e5 \u4e2d\u5173\u95ed\u3002", None))
        self.openDashboardButton.setText(QCoreApplication.translate("DeadlineNoticeDialog", u"\u6253\u5f00\u671f\u9650\u770b\u677f(&D)", None))
        self.closeButton.setText(QCoreApplication.translate("DeadlineNoticeDialog", u"\u786e\u5b9a", None))
    # retranslateUi

