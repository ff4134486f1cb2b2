# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'import_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QScrollArea, QSizePolicy, QSpacerItem, QTabWidget, QTableView, QVBoxLayout, QWidget

class Ui_ImportDialog(object):
    def setupUi(self, ImportDialog):
        if not ImportDialog.objectName():
            ImportDialog.setObjectName(u"ImportDialog")
        ImportDialog.resize(980, 640)
        self.dialogLayout = QVBoxLayout(ImportDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.fileLayout = QHBoxLayout()
        self.fileLayout.setObjectName(u"fileLayout")
        self.fileLabel = QLabel(ImportDialog)
        self.fileLabel.setObjectName(u"fileLabel")

        self.fileLayout.addWidget(self.fileLabel)

        self.fileEdit = QLineEdit(ImportDialog)
        self.fileEdit.setObjectName(u"fileEdit")
        self.fileEdit.setReadOnly(True)

        self.fileLayout.addWidget(self.fileEdit)

        self.browseButton = QPushButton(ImportDialog)
        self.browseButton.setObjectName(u"browseButton")

        self.fileLayout.addWidget(self.browseButton)


        self.dialogLayout.addLayout(self.fileLayout)

        self.sessionLayout = QHBoxLayout()
        self.sessionLayout.setObjectName(u"sessionLayout")
        self.sessionLabel = QLabel(ImportDialog)
        self.sessionLabel.setObjectName(u"sessionLabel")

        self.sessionLayout.addWidget(self.sessionLabel)

        self.sessionCombo = QComboBox(ImportDialog)
        self.sessionCombo.setObjectName(u"sessionCombo")
        self.sessionCombo.setEditable(True)
        self.sessionCombo.setMinimumContentsLength(20)

        self.sessionLayout.addWidget(self.sessionCombo)

        self.previewButton = QPushButton(ImportDialog)
        self.previewButton.setObjectName(u"previewButton")

        self.sessionLayout.addWidget(self.previewButton)

        self.sessionSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.sessionLayout.addItem(self.sessionSpacer)


        self.dialogLayout.addLayout(self.sessionLayout)

        self.summaryLabel = QLabel(ImportDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.summaryLabel)

        self.tabs = QTabWidget(ImportDialog)
        self.tabs.setObjectName(u"tabs")
        self.previewTab = QWidget()
        self.previewTab.setObjectName(u"previewTab")
        self.previewLayout = QVBoxLayout(self.previewTab)
        self.previewLayout.setObjectName(u"previewLayout")
        self.previewView = QTableView(self.previewTab)
        self.previewView.setObjectName(u"previewView")

        self.previewLayout.addWidget(self.previewView)

        self.tabs.addTab(self.previewTab, "")
        self.mappingTab = QWidget()
        self.mappingTab.setObjectName(u"mappingTab")
        self.mappingLayout = QVBoxLayout(self.mappingTab)
        self.mappingLayout.setObjectName(u"mappingLayout")
        self.mappingIntroLabel = QLabel(self.mappingTab)
        self.mappingIntroLabel.setObjectName(u"mappingIntroLabel")
        self.mappingIntroLabel.setWordWrap(True)

        self.mappingLayout.addWidget(self.mappingIntroLabel)

        self.mappingArea = QScrollArea(self.mappingTab)
        self.mappingArea.setObjectName(u"mappingArea")
        self.mappingArea.setWidgetResizable(True)
        self.mappingWidget = QWidget()
        self.mappingWidget.setObjectName(u"mappingWidget")
        self.mappingForm = QFormLayout(self.mappingWidget)
        self.mappingForm.setObjectName(u"mappingForm")
        self.mappingArea.setWidget(self.mappingWidget)

        self.mappingLayout.addWidget(self.mappingArea)

        self.saveMappingCheck = QCheckBox(self.mappingTab)
        self.saveMappingCheck.setObjectName(u"saveMappingCheck")

        self.mappingLayout.addWidget(self.saveMappingCheck)

        self.tabs.addTab(self.mappingTab, "")
        self.namesTab = QWidget()
        self.namesTab.setObjectName(u"namesTab")
        self.namesLayout = QVBoxLayout(self.namesTab)
        self.namesLayout.setObjectName(u"namesLayout")
        self.namesIntroLabel = QLabel(self.namesTab)
        self.namesIntroLabel.setObjectName(u"namesIntroLabel")
        self.namesIntroLabel.setWordWrap(True)

        self.namesLayout.addWidget(self.namesIntroLabel)

        self.namesArea = QScrollArea(self.namesTab)
        self.namesArea.setObjectName(u"namesArea")
        self.namesArea.setWidgetResizable(True)
        self.namesWidget = QWidget()
        self.namesWidget.setObjectName(u"namesWidget")
        self.namesForm = QFormLayout(self.namesWidget)
        self.namesForm.setObjectName(u"namesForm")
        self.namesArea.setWidget(self.namesWidget)

        self.namesLayout.addWidget(self.namesArea)

        self.tabs.addTab(self.namesTab, "")
        self.errorsTab = QWidget()
        self.errorsTab.setObjectName(u"errorsTab")
        self.errorsLayout = QVBoxLayout(self.errorsTab)
        self.errorsLayout.setObjectName(u"errorsLayout")
        self.errorsEdit = QPlainTextEdit(self.errorsTab)
        self.errorsEdit.setObjectName(u"errorsEdit")
        self.errorsEdit.setReadOnly(True)

        self.errorsLayout.addWidget(self.errorsEdit)

        self.tabs.addTab(self.errorsTab, "")

        self.dialogLayout.addWidget(self.tabs)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.skipErrorsCheck = QCheckBox(ImportDialog)
        self.skipErrorsCheck.setObjectName(u"skipErrorsCheck")

        self.buttonLayout.addWidget(self.skipErrorsCheck)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.importButton = QPushButton(ImportDialog)
        self.importButton.setObjectName(u"importButton")

        self.buttonLayout.addWidget(self.importButton)

        self.closeButton = QPushButton(ImportDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonLayout.addWidget(self.closeButton)


        self.dialogLayout.addLayout(self.buttonLayout)


        self.retranslateUi(ImportDialog)

        self.importButton.setDefault(True)


        QMetaObject.connectSlotsByName(ImportDialog)
    # setupUi

    def retranslateUi(self, ImportDialog):
        ImportDialog.setWindowTitle(QCoreApplication.translate("ImportDialog", u"\u5bfc\u5165\u4ea4\u529e\u6e05\u5355", None))
        self.fileLabel.setText(QCoreApplication.translate("ImportDialog", u"\u6587\u4ef6\uff1a", None))
        self.fileEdit.setPlaceholderText(QCoreApplication.translate("ImportDialog", u"\u8bf7\u9009\u62e9\u4ea4\u529e\u6e05\u5355\uff08.xlsx \u6216 .xls\uff09", None))
        self.browseButton.setText(QCoreApplication.translate("ImportDialog", u"\u9009\u62e9\u6587\u4ef6\u2026", None))
        self.sessionLabel.setText(QCoreApplication.translate("ImportDialog", u"\u5c4a\u6b21\uff08\u8868\u4e2d\u6ca1\u6709\u201c\u5c4a\u6b21\u201d\u5217\u65f6\u4f7f\u7528\uff09\uff1a", None))
        self.previewButton.setText(QCoreApplication.translate("ImportDialog", u"\u91cd\u65b0\u9884\u89c8", None))
        self.summaryLabel.setText(QCoreApplication.translate("ImportDialog", u"\u9009\u62e9\u6587\u4ef6\u540e\uff0c\u8fd9\u91cc\u663e\u793a\u5c06\u8981\u65b0\u589e\u3001\u66f4\u65b0\u7684\u4ef6\u6570\u548c\u9519\u8bef\u3002\u786e\u8ba4\u524d\u4e0d\u4f1a\u5199\u5165\u4efb\u4f55\u6570\u636e\u3002", None))
        self.tabs.setTabText(self.tabs.indexOf(self.previewTab), QCoreApplication.translate("ImportDialog", u"\u9884\u89c8", None))
        self.mappingIntroLabel.setText(QCoreApplication.translate("ImportDialog", u"\u5de6\u8fb9\u662f\u8868\u683c\u4e2d\u7684\u5217\u540d\uff0c\u53f3\u8fb9\u662f\u5bfc\u5165\u4e3a\u54ea\u4e00\u9879\u3002\u5bf9\u5e94\u9519\u4e86\u8bf7\u5728\u8fd9\u91cc\u6539\uff0c\u9884\u89c8\u4f1a\u968f\u4e4b\u66f4\u65b0\u3002", None))
        self.saveMappingCheck.setText(QCoreApplication.translate("ImportDialog", u"\u8bb0\u4f4f\u8fd9\u4e2a\u5217\u5bf9\u5e94\uff0c\u4e0b\u6b21\u5bfc\u5165\u540c\u6837\u683c\u5f0f\u7684\u8868\u683c\u65f6\u81ea\u52a8\u4f7f\u7528", None))
        self.tabs.setTabText(self.tabs.indexOf(self.mappingTab), QCoreApplication.translate("ImportDialog", u"\u5217\u5bf9\u5e94", None))
        self.namesIntroLabel.setText(QCoreApplication.translate("ImportDialog", u"\u4e0b\u5217\u540d\u79f0\u5728\u6570\u636e\u5e93\u4e2d\u8fd8\u6ca1\u6709\u3002\u8bf7\u4e3a\u6bcf\u4e2a\u540d\u79f0\u9009\u62e9\uff1a\u65b0\u5efa\uff0c\u6216\u5bf9\u5e94\u5230\u4e00\u4e2a\u5df2\u6709\u7684\u540d\u79f0\uff08\u4f8b\u5982\u201c\u4ea4\u901a\u59d4\u201d\u5bf9\u5e94\u5230\u201c\u533a\u4ea4\u901a\u59d4\u201d\uff09\u3002\u6709\u76f8\u8fd1\u540d\u79f0\u7684\uff0c\u5df2\u9884\u5148\u9009\u4e86\u6700\u76f8\u8fd1\u7684\u4e00\u4e2a\uff0c\u8bf7\u6838\u5bf9\u3002", None))
        self.tabs.setTabText(self.tabs.indexOf(self.namesTab), QCoreApplication.translate("ImportDialog", u"\u65b0\u5355\u4f4d\u548c\u4ee3\u8868\u3001\u59d4\u5458", None))
        self.tabs.setTabText(self.tabs.indexOf(self.errorsTab), QCoreApplication.translate("ImportDialog", u"\u9519\u8bef", None))
        self.skipErrorsCheck.setText(QCoreApplication.translate("ImportDialog", u"\u8df3\u8fc7\u6709\u9519\u8bef\u7684\u884c\uff0c\u5bfc\u5165\u5176\u4f59\u7684\u884c", None))
        self.importButton.setText(QCoreApplication.translate("ImportDialog", u"\u5bfc\u5165", None))
        self.closeButton.setText(QCoreApplication.translate("ImportDialog", u"\u5173\u95ed", None))
    # retranslateUi

