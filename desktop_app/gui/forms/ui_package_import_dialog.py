# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'package_import_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem, QTableView, QVBoxLayout

class Ui_PackageImportDialog(object):
    def setupUi(self, PackageImportDialog):
        if not PackageImportDialog.objectName():
            PackageImportDialog.setObjectName(u"PackageImportDialog")
        PackageImportDialog.resize(760, 520)
        self.dialogLayout = QVBoxLayout(PackageImportDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.titleLabel = QLabel(PackageImportDialog)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.titleLabel)

        self.countsLabel = QLabel(PackageImportDialog)
        self.countsLabel.setObjectName(u"countsLabel")
        self.countsLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.countsLabel)

        self.previewEdit = QPlainTextEdit(PackageImportDialog)
        self.previewEdit.setObjectName(u"previewEdit")
        self.previewEdit.setReadOnly(True)

        self.dialogLayout.addWidget(self.previewEdit)

        self.allowGapCheck = QCheckBox(PackageImportDialog)
        self.allowGapCheck.setObjectName(u"allowGapCheck")

        self.dialogLayout.addWidget(self.allowGapCheck)

        self.conflictLabel = QLabel(PackageImportDialog)
        self.conflictLabel.setObjectName(u"conflictLabel")
        self.conflictLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.conflictLabel)

        self.conflictsView = QTableView(PackageImportDialog)
        self.conflictsView.setObjectName(u"conflictsView")

        self.dialogLayout.addWidget(self.conflictsView)

        self.buttonsLayout = QHBoxLayout()
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.buttonsSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonsLayout.addItem(self.buttonsSpacer)

        self.importButton = QPushButton(PackageImportDialog)
        self.importButton.setObjectName(u"importButton")

        self.buttonsLayout.addWidget(self.importButton)

        self.closeButton = QPushButton(PackageImportDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonsLayout.addWidget(self.closeButton)


        self.dialogLayout.addLayout(self.buttonsLayout)


        self.retranslateUi(PackageImportDialog)

        self.importButton.setDefault(True)


        QMetaObject.connectSlotsByName(PackageImportDialog)
    # setupUi

    def retranslateUi(self, PackageImportDialog):
        PackageImportDialog.setWindowTitle(QCoreApplication.translate("PackageImportDialog", u"\u5bfc\u5165\u6570\u636e\u5305", None))
        self.titleLabel.setText("")
        self.countsLabel.setText("")
        self.allowGapCheck.setText(QCoreApplication.translate("PackageImportDialog", u"\u4e4b\u524d\u7684\u6570\u636e\u5305\u8fd8\u6ca1\u6536\u5230\uff0c\u4ecd\u7136\u5148\u5bfc\u5165\u8fd9\u4e00\u4efd(&G)", None))
        self.conflictLabel.setText(QCoreApplication.translate("PackageImportDialog", u"\u51b2\u7a81\uff1a\u540c\u4e00\u5b57\u6bb5\u53cc\u65b9\u5728\u4e0a\u6b21\u4ea4\u6362\u540e\u90fd\u6539\u8fc7\u3002\u52fe\u9009\u7684\u91c7\u7528\u6570\u636e\u5305\u4e2d\u7684\u503c\uff0c\u5176\u4f59\u4fdd\u7559\u672c\u673a\u7684\u503c\u3002", None))
        self.importButton.setText(QCoreApplication.translate("PackageImportDialog", u"\u5bfc\u5165(&I)", None))
        self.closeButton.setText(QCoreApplication.translate("PackageImportDialog", u"\u5173\u95ed", None))
    # retranslateUi

