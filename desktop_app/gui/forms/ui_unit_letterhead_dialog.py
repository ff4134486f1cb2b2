# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'unit_letterhead_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

class Ui_UnitLetterheadDialog(object):
    def setupUi(self, UnitLetterheadDialog):
        if not UnitLetterheadDialog.objectName():
            UnitLetterheadDialog.setObjectName(u"UnitLetterheadDialog")
        UnitLetterheadDialog.resize(520, 260)
        self.dialogLayout = QVBoxLayout(UnitLetterheadDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.introLabel = QLabel(UnitLetterheadDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.markLabel = QLabel(UnitLetterheadDialog)
        self.markLabel.setObjectName(u"markLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.markLabel)

        self.markEdit = QLineEdit(UnitLetterheadDialog)
        self.markEdit.setObjectName(u"markEdit")
        self.markEdit.setMaxLength(100)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.markEdit)

        self.patternLabel = QLabel(UnitLetterheadDialog)
        self.patternLabel.setObjectName(u"patternLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.patternLabel)

        self.patternEdit = QLineEdit(UnitLetterheadDialog)
        self.patternEdit.setObjectName(u"patternEdit")
        self.patternEdit.setMaxLength(100)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.patternEdit)

        self.signatureLabel = QLabel(UnitLetterheadDialog)
        self.signatureLabel.setObjectName(u"signatureLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.signatureLabel)

        self.signatureEdit = QLineEdit(UnitLetterheadDialog)
        self.signatureEdit.setObjectName(u"signatureEdit")
        self.signatureEdit.setMaxLength(100)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.signatureEdit)


        self.dialogLayout.addLayout(self.formLayout)

        self.buttonBox = QDialogButtonBox(UnitLetterheadDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.markLabel.setBuddy(self.markEdit)
        self.patternLabel.setBuddy(self.patternEdit)
        self.signatureLabel.setBuddy(self.signatureEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(UnitLetterheadDialog)

        QMetaObject.connectSlotsByName(UnitLetterheadDialog)
    # setupUi

    def retranslateUi(self, UnitLetterheadDialog):
        UnitLetterheadDialog.setWindowTitle(QCoreApplication.translate("UnitLetterheadDialog", u"\u516c\u6587\u62ac\u5934", None))
        self.introLabel.setText("")
        self.markLabel.setText(QCoreApplication.translate("UnitLetterheadDialog", u"\u53d1\u6587\u673a\u5173\u6807\u5fd7(&M)\uff1a", None))
        self.markEdit.setPlaceholderText(QCoreApplication.translate("UnitLetterheadDialog", u"\u4f8b\u5982\uff1a\u4e0a\u6d77\u5e02\u5d07\u660e\u533a\u6c34\u52a1\u5c40\uff08\u7559\u7a7a\u5219\u7528\u5355\u4f4d\u540d\u79f0\uff09", None))
        self.patternLabel.setText(QCoreApplication.translate("UnitLetterheadDialog", u"\u6587\u53f7\u683c\u5f0f(&P)\uff1a", None))
        self.patternEdit.setPlaceholderText(QCoreApplication.translate("UnitLetterheadDialog", u"\u4f8b\u5982\uff1a\u5d07\u6c34\u3014{\u5e74}\u3015{\u53f7}\u53f7\uff08\u7559\u7a7a\u5219\u6309\u7b80\u79f0\u751f\u6210\uff09", None))
        self.signatureLabel.setText(QCoreApplication.translate("UnitLetterheadDialog", u"\u7f72\u540d(&S)\uff1a", None))
        self.signatureEdit.setPlaceholderText(QCoreApplication.translate("UnitLetterheadDialog", u"\u4f8b\u5982\uff1a\u4e0a\u6d77\u5e02\u5d07\u660e\u533a\u6c34\u52a1\u5c40\uff08\u7559\u7a7a\u5219\u7528\u5355\u4f4d\u540d\u79f0\uff09", None))
    # retranslateUi

