# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'about_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout

class Ui_AboutDialog(object):
    def setupUi(self, AboutDialog):
        if not AboutDialog.objectName():
            AboutDialog.setObjectName(u"AboutDialog")
        AboutDialog.resize(560, 300)
        AboutDialog.setMinimumSize(QSize(520, 0))
        self.dialogLayout = QVBoxLayout(AboutDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.titleLabel = QLabel(AboutDialog)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setTextFormat(Qt.TextFormat.RichText)

        self.dialogLayout.addWidget(self.titleLabel)

        self.versionLabel = QLabel(AboutDialog)
        self.versionLabel.setObjectName(u"versionLabel")
        self.versionLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.dialogLayout.addWidget(self.versionLabel)

        self.descriptionLabel = QLabel(AboutDialog)
        self.descriptionLabel.setObjectName(u"descriptionLabel")
        self.descriptionLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.descriptionLabel)

        self.folderLayout = QGridLayout()
        self.folderLayout.setObjectName(u"folderLayout")
        self.databaseTitleLabel = QLabel(AboutDialog)
        self.databaseTitleLabel.setObjectName(u"databaseTitleLabel")

        self.folderLayout.addWidget(self.databaseTitleLabel, 0, 0, 1, 1)

        self.databaseLabel = QLabel(AboutDialog)
        self.databaseLabel.setObjectName(u"databaseLabel")
        self.databaseLabel.setWordWrap(True)
        self.databaseLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.folderLayout.addWidget(self.databaseLabel, 0, 1, 1, 2)

        self.dataDirTitleLabel = QLabel(AboutDialog)
        self.dataDirTitleLabel.setObjectName(u"dataDirTitleLabel")

        self.folderLayout.addWidget(self.dataDirTitleLabel, 1, 0, 1, 1)

        self.dataDirLabel = QLabel(AboutDialog)
        self.dataDirLabel.setObjectName(u"dataDirLabel")
        self.dataDirLabel.setWordWrap(True)
        self.dataDirLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.folderLayout.addWidget(self.dataDirLabel, 1, 1, 1, 1)

        self.openDataDirButton = QPushButton(AboutDialog)
        self.openDataDirButton.setObjectName(u"openDataDirButton")

        self.folderLayout.addWidget(self.openDataDirButton, 1, 2, 1, 1)

        self.logDirTitleLabel = QLabel(AboutDialog)
        self.logDirTitleLabel.setObjectName(u"logDirTitleLabel")

        self.folderLayout.addWidget(self.logDirTitleLabel, 2, 0, 1, 1)

        self.logDirLabel = QLabel(AboutDialog)
        self.logDirLabel.setObjectName(u"logDirLabel")
        self.logDirLabel.setWordWrap(True)
        self.logDirLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.folderLayout.addWidget(self.logDirLabel, 2, 1, 1, 1)

        self.openLogDirButton = QPushButton(AboutDialog)
        self.openLogDirButton.setObjectName(u"openLogDirButton")

        self.folderLayout.addWidget(self.openLogDirButton, 2, 2, 1, 1)

        self.folderLayout.setColumnStretch(1, 1)

        self.dialogLayout.addLayout(self.folderLayout)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialogLayout.addItem(self.bottomSpacer)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.guideButton = QPushButton(AboutDialog)
        self.guideButton.setObjectName(u"guideButton")

        self.buttonLayout.addWidget(self.guideButton)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.closeButton = QPushButton(AboutDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonLayout.addWidget(self.closeButton)


        self.dialogLayout.addLayout(self.buttonLayout)


        self.retranslateUi(AboutDialog)

        self.closeButton.setDefault(True)


        QMetaObject.connectSlotsByName(AboutDialog)
    # setupUi

    def retranslateUi(self, AboutDialog):
        AboutDialog.setWindowTitle(QCoreApplication.translate("AboutDialog", u"\u5173\u4e8e\u5efa\u8bae\u63d0\u6848\u529e\u7406\u52a9\u624b", None))
        self.titleLabel.setText(QCoreApplication.translate("AboutDialog", u"<h3>\u5efa\u8bae\u63d0\u6848\u529e\u7406\u52a9\u624b</h3>", None))
        self.versionLabel.setText(QCoreApplication.translate("AboutDialog", u"\u7248\u672c", None))
        self.descriptionLabel.setText(QCoreApplication.translate("AboutDialog", u"\u4f9b\u627f\u529e\u5355\u4f4d\u529e\u7406\u4eba\u5927\u4ee3\u8868\u5efa\u8bae\u548c\u653f\u534f\u63d0\u6848\u4f7f\u7528\uff1a\u767b\u8bb0\u3001\u5206\u529e\u3001\u6c9f\u901a\u3001\u7b54\u590d\u3001\u53cd\u9988\u548c\u8ddf\u8e2a\u3002\u6570\u636e\u4fdd\u5b58\u5728\u672c\u673a\u7684\u6570\u636e\u5e93\u6587\u4ef6\u4e2d\uff0c\u5e76\u81ea\u52a8\u5907\u4efd\u3002", None))
        self.databaseTitleLabel.setText(QCoreApplication.translate("AboutDialog", u"\u6570\u636e\u5e93\uff1a", None))
        self.dataDirTitleLabel.setText(QCoreApplication.translate("AboutDialog", u"\u6570\u636e\u6587\u4ef6\u5939\uff1a", None))
        self.openDataDirButton.setText(QCoreApplication.translate("AboutDialog", u"\u6253\u5f00(&D)", None))
#if QT_CONFIG(tooltip)
        self.openDataDirButton.setToolTip(QCoreApplication.translate("AboutDialog", u"\u5728\u8d44\u6e90\u7ba1\u7406\u5668\u4e2d\u6253\u5f00\u6570\u636e\u6587\u4ef6\u5939\uff08\u6570\u636e\u5e93\u3001\u5907\u4efd\u3001\u8bbe\u7f6e\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.logDirTitleLabel.setText(QCoreApplication.translate("AboutDialog", u"\u65e5\u5fd7\u6587\u4ef6\u5939\uff1a", None))
        self.openLogDirButton.setText(QCoreApplication.translate("AboutDialog", u"\u6253\u5f00(&L)", None))
#if QT_CONFIG(tooltip)
        self.openLogDirButton.setToolTip(QCoreApplication.translate("AboutDialog", u"\u5728\u8d44\u6e90\u7ba1\u7406\u5668\u4e2d\u6253\u5f00\u65e5\u5fd7\u6587\u4ef6\u5939\uff08\u7a0b\u5e8f\u51fa\u9519\u65f6\u8bf7\u628a\u5176\u4e2d\u7684 desktop-app.log \u53d1\u7ed9\u7ef4\u62a4\u4eba\u5458\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.guideButton.setText(QCoreApplication.translate("AboutDialog", u"\u4f7f\u7528\u8bf4\u660e(&U)\u2026", None))
        self.closeButton.setText(QCoreApplication.translate("AboutDialog", u"\u5173\u95ed", None))
    # retranslateUi

