# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'self_report_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QComboBox, QDateEdit, QFormLayout, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout

class Ui_SelfReportDialog(object):
    def setupUi(self, SelfReportDialog):
        if not SelfReportDialog.objectName():
            SelfReportDialog.setObjectName(u"SelfReportDialog")
        SelfReportDialog.resize(640, 520)
        self.dialogLayout = QVBoxLayout(SelfReportDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.introLabel = QLabel(SelfReportDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.unitLabel = QLabel(SelfReportDialog)
        self.unitLabel.setObjectName(u"unitLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.unitLabel)

        self.unitCombo = QComboBox(SelfReportDialog)
        self.unitCombo.setObjectName(u"unitCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.unitCombo)

        self.periodLabel = QLabel(SelfReportDialog)
        self.periodLabel.setObjectName(u"periodLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.periodLabel)

        self.periodLayout = QHBoxLayout()
        self.periodLayout.setObjectName(u"periodLayout")
        self.periodCombo = QComboBox(SelfReportDialog)
        self.periodCombo.setObjectName(u"periodCombo")

        self.periodLayout.addWidget(self.periodCombo)

        self.fromEdit = QDateEdit(SelfReportDialog)
        self.fromEdit.setObjectName(u"fromEdit")
        self.fromEdit.setCalendarPopup(True)

        self.periodLayout.addWidget(self.fromEdit)

        self.toLabel = QLabel(SelfReportDialog)
        self.toLabel.setObjectName(u"toLabel")

        self.periodLayout.addWidget(self.toLabel)

        self.toEdit = QDateEdit(SelfReportDialog)
        self.toEdit.setObjectName(u"toEdit")
        self.toEdit.setCalendarPopup(True)

        self.periodLayout.addWidget(self.toEdit)

        self.periodSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.periodLayout.addItem(self.periodSpacer)


        self.formLayout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.periodLayout)


        self.dialogLayout.addLayout(self.formLayout)

        self.textLabel = QLabel(SelfReportDialog)
        self.textLabel.setObjectName(u"textLabel")

        self.dialogLayout.addWidget(self.textLabel)

        self.ownTextEdit = QPlainTextEdit(SelfReportDialog)
        self.ownTextEdit.setObjectName(u"ownTextEdit")
        self.ownTextEdit.setTabChangesFocus(True)

        self.dialogLayout.addWidget(self.ownTextEdit)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.previewButton = QPushButton(SelfReportDialog)
        self.previewButton.setObjectName(u"previewButton")

        self.buttonLayout.addWidget(self.previewButton)

        self.closeButton = QPushButton(SelfReportDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonLayout.addWidget(self.closeButton)


        self.dialogLayout.addLayout(self.buttonLayout)

#if QT_CONFIG(shortcut)
        self.unitLabel.setBuddy(self.unitCombo)
        self.periodLabel.setBuddy(self.periodCombo)
        self.toLabel.setBuddy(self.toEdit)
        self.textLabel.setBuddy(self.ownTextEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SelfReportDialog)

        self.previewButton.setDefault(True)


        QMetaObject.connectSlotsByName(SelfReportDialog)
    # setupUi

    def retranslateUi(self, SelfReportDialog):
        SelfReportDialog.setWindowTitle(QCoreApplication.translate("SelfReportDialog", u"\u81ea\u67e5\u62a5\u544a", None))
        self.introLabel.setText(QCoreApplication.translate("SelfReportDialog", u"\u627f\u529e\u5355\u4f4d\u5411\u533a\u653f\u5e9c\u529e\u516c\u5ba4\u62a5\u9001\u7684\u534a\u5e74\u6216\u5e74\u5ea6\u81ea\u67e5\u62a5\u544a\uff1a\u8be5\u5355\u4f4d\u5728\u8fd9\u4e00\u671f\u95f4\u4ea4\u529e\u7684\u4ef6\u7684\u529e\u7406\u6570\u636e\uff08\u53e3\u5f84\u540c\u201c\u529e\u7406\u7edf\u8ba1\u201d\uff09\u3001\u5404\u4ef6\u7684\u529e\u7406\u7ed3\u679c\u3001\u627f\u8bfa\u4e8b\u9879\u843d\u5b9e\u60c5\u51b5\uff0c\u4ee5\u53ca\u4e0b\u9762\u7531\u60a8\u64b0\u5199\u7684\u4e00\u8282\u6587\u5b57\u3002\u6d89\u5bc6\u4ef6\u53ea\u8ba1\u6570\uff0c\u4e0d\u5217\u51fa\u3002", None))
        self.unitLabel.setText(QCoreApplication.translate("SelfReportDialog", u"\u627f\u529e\u5355\u4f4d(&U)\uff1a", None))
        self.periodLabel.setText(QCoreApplication.translate("SelfReportDialog", u"\u671f\u95f4(&P)\uff1a", None))
        self.fromEdit.setDisplayFormat(QCoreApplication.translate("SelfReportDialog", u"yyyy-MM-dd", None))
        self.toLabel.setText(QCoreApplication.translate("SelfReportDialog", u"\u81f3(&T)", None))
        self.toEdit.setDisplayFormat(QCoreApplication.translate("SelfReportDialog", u"yyyy-MM-dd", None))
        self.textLabel.setText(QCoreApplication.translate("SelfReportDialog", u"\u81ea\u67e5\u53d1\u73b0\u7684\u95ee\u9898\u548c\u4e0b\u4e00\u6b65\u5de5\u4f5c(&W)\uff08\u6bcf\u6bb5\u4e00\u884c\uff0c\u53ef\u7528\u201c\u4e00\u3001\u201d\u201c\uff08\u4e00\uff09\u201d\u5206\u5c42\uff09\uff1a", None))
        self.previewButton.setText(QCoreApplication.translate("SelfReportDialog", u"\u9884\u89c8(&V)\u2026", None))
        self.closeButton.setText(QCoreApplication.translate("SelfReportDialog", u"\u5173\u95ed(&C)", None))
    # retranslateUi

