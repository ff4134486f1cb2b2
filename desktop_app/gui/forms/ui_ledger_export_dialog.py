# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'ledger_export_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QListWidget, QRadioButton, QVBoxLayout

class Ui_LedgerExportDialog(object):
    def setupUi(self, LedgerExportDialog):
        if not LedgerExportDialog.objectName():
            LedgerExportDialog.setObjectName(u"LedgerExportDialog")
        LedgerExportDialog.resize(460, 520)
        self.dialogLayout = QVBoxLayout(LedgerExportDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.choiceForm = QFormLayout()
        self.choiceForm.setObjectName(u"choiceForm")
        self.sessionLabel = QLabel(LedgerExportDialog)
        self.sessionLabel.setObjectName(u"sessionLabel")

        self.choiceForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.sessionLabel)

        self.sessionCombo = QComboBox(LedgerExportDialog)
        self.sessionCombo.setObjectName(u"sessionCombo")

        self.choiceForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.sessionCombo)

        self.unitLabel = QLabel(LedgerExportDialog)
        self.unitLabel.setObjectName(u"unitLabel")

        self.choiceForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.unitLabel)

        self.unitCombo = QComboBox(LedgerExportDialog)
        self.unitCombo.setObjectName(u"unitCombo")

        self.choiceForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.unitCombo)

        self.perLabel = QLabel(LedgerExportDialog)
        self.perLabel.setObjectName(u"perLabel")

        self.choiceForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.perLabel)

        self.perLayout = QHBoxLayout()
        self.perLayout.setObjectName(u"perLayout")
        self.perItemRadio = QRadioButton(LedgerExportDialog)
        self.perItemRadio.setObjectName(u"perItemRadio")
        self.perItemRadio.setChecked(True)

        self.perLayout.addWidget(self.perItemRadio)

        self.perAssignmentRadio = QRadioButton(LedgerExportDialog)
        self.perAssignmentRadio.setObjectName(u"perAssignmentRadio")

        self.perLayout.addWidget(self.perAssignmentRadio)


        self.choiceForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.perLayout)


        self.dialogLayout.addLayout(self.choiceForm)

        self.columnsLabel = QLabel(LedgerExportDialog)
        self.columnsLabel.setObjectName(u"columnsLabel")

        self.dialogLayout.addWidget(self.columnsLabel)

        self.columnsList = QListWidget(LedgerExportDialog)
        self.columnsList.setObjectName(u"columnsList")

        self.dialogLayout.addWidget(self.columnsList)

        self.noteLabel = QLabel(LedgerExportDialog)
        self.noteLabel.setObjectName(u"noteLabel")
        self.noteLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.noteLabel)

        self.buttonBox = QDialogButtonBox(LedgerExportDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)


        self.retranslateUi(LedgerExportDialog)

        QMetaObject.connectSlotsByName(LedgerExportDialog)
    # setupUi

    def retranslateUi(self, LedgerExportDialog):
        LedgerExportDialog.setWindowTitle(QCoreApplication.translate("LedgerExportDialog", u"\u5bfc\u51fa\u53f0\u8d26", None))
        self.sessionLabel.setText(QCoreApplication.translate("LedgerExportDialog", u"\u5c4a\u6b21\uff1a", None))
        self.unitLabel.setText(QCoreApplication.translate("LedgerExportDialog", u"\u5355\u4f4d\uff1a", None))
        self.perLabel.setText(QCoreApplication.translate("LedgerExportDialog", u"\u6bcf\u884c\uff1a", None))
        self.perItemRadio.setText(QCoreApplication.translate("LedgerExportDialog", u"\u6bcf\u4ef6\u4e00\u884c", None))
        self.perAssignmentRadio.setText(QCoreApplication.translate("LedgerExportDialog", u"\u6bcf\u4e2a\u529e\u7406\u5355\u4f4d\u4e00\u884c", None))
        self.columnsLabel.setText(QCoreApplication.translate("LedgerExportDialog", u"\u5bfc\u51fa\u7684\u5217\uff08\u52fe\u9009\uff09\uff1a", None))
        self.noteLabel.setText(QCoreApplication.translate("LedgerExportDialog", u"\u6d89\u5bc6\u4ef6\u4e0d\u4f1a\u5bfc\u51fa\u3002\u53f0\u8d26\u4e3a A4 \u6a2a\u5411\uff0c\u6bcf\u9875\u91cd\u590d\u8868\u5934\uff0c\u53ef\u76f4\u63a5\u6253\u5370\u548c\u7b5b\u9009\u3002", None))
    # retranslateUi

