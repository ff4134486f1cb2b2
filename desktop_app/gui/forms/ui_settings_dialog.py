# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QTableView, QVBoxLayout

class Ui_SettingsDialog(object):
    def setupUi(self, SettingsDialog):
        if not SettingsDialog.objectName():
            SettingsDialog.setObjectName(u"SettingsDialog")
        SettingsDialog.resize(620, 560)
        self.dialogLayout = QVBoxLayout(SettingsDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.personalGroup = QGroupBox(SettingsDialog)
        self.personalGroup.setObjectName(u"personalGroup")
        self.personalLayout = QFormLayout(self.personalGroup)
        self.personalLayout.setObjectName(u"personalLayout")
        self.ourUnitLabel = QLabel(self.personalGroup)
        self.ourUnitLabel.setObjectName(u"ourUnitLabel")

        self.personalLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.ourUnitLabel)

        self.ourUnitCombo = QComboBox(self.personalGroup)
        self.ourUnitCombo.setObjectName(u"ourUnitCombo")
        self.ourUnitCombo.setEditable(True)

        self.personalLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.ourUnitCombo)

        self.ourUnitHint = QLabel(self.personalGroup)
        self.ourUnitHint.setObjectName(u"ourUnitHint")
        self.ourUnitHint.setWordWrap(True)

        self.personalLayout.setWidget(1, QFormLayout.ItemRole.SpanningRole, self.ourUnitHint)

        self.userNameLabel = QLabel(self.personalGroup)
        self.userNameLabel.setObjectName(u"userNameLabel")

        self.personalLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.userNameLabel)

        self.userNameEdit = QLineEdit(self.personalGroup)
        self.userNameEdit.setObjectName(u"userNameEdit")

        self.personalLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.userNameEdit)

        self.userNameHint = QLabel(self.personalGroup)
        self.userNameHint.setObjectName(u"userNameHint")
        self.userNameHint.setWordWrap(True)

        self.personalLayout.setWidget(3, QFormLayout.ItemRole.SpanningRole, self.userNameHint)

        self.ratingRuleLabel = QLabel(self.personalGroup)
        self.ratingRuleLabel.setObjectName(u"ratingRuleLabel")

        self.personalLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.ratingRuleLabel)

        self.ratingRuleCombo = QComboBox(self.personalGroup)
        self.ratingRuleCombo.setObjectName(u"ratingRuleCombo")

        self.personalLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.ratingRuleCombo)


        self.dialogLayout.addWidget(self.personalGroup)

        self.unitsGroup = QGroupBox(SettingsDialog)
        self.unitsGroup.setObjectName(u"unitsGroup")
        self.unitsLayout = QVBoxLayout(self.unitsGroup)
        self.unitsLayout.setObjectName(u"unitsLayout")
        self.unitsTableLayout = QHBoxLayout()
        self.unitsTableLayout.setObjectName(u"unitsTableLayout")
        self.unitsView = QTableView(self.unitsGroup)
        self.unitsView.setObjectName(u"unitsView")

        self.unitsTableLayout.addWidget(self.unitsView)

        self.unitButtonsLayout = QVBoxLayout()
        self.unitButtonsLayout.setObjectName(u"unitButtonsLayout")
        self.addUnitButton = QPushButton(self.unitsGroup)
        self.addUnitButton.setObjectName(u"addUnitButton")

        self.unitButtonsLayout.addWidget(self.addUnitButton)

        self.renameUnitButton = QPushButton(self.unitsGroup)
        self.renameUnitButton.setObjectName(u"renameUnitButton")

        self.unitButtonsLayout.addWidget(self.renameUnitButton)

        self.letterheadButton = QPushButton(self.unitsGroup)
        self.letterheadButton.setObjectName(u"letterheadButton")

        self.unitButtonsLayout.addWidget(self.letterheadButton)

        self.toggleActiveButton = QPushButton(self.unitsGroup)
        self.toggleActiveButton.setObjectName(u"toggleActiveButton")

        self.unitButtonsLayout.addWidget(self.toggleActiveButton)

        self.deleteUnitButton = QPushButton(self.unitsGroup)
        self.deleteUnitButton.setObjectName(u"deleteUnitButton")

        self.unitButtonsLayout.addWidget(self.deleteUnitButton)

        self.unitButtonsSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.unitButtonsLayout.addItem(self.unitButtonsSpacer)


        self.unitsTableLayout.addLayout(self.unitButtonsLayout)


        self.unitsLayout.addLayout(self.unitsTableLayout)

        self.showInactiveCheck = QCheckBox(self.unitsGroup)
        self.showInactiveCheck.setObjectName(u"showInactiveCheck")

        self.unitsLayout.addWidget(self.showInactiveCheck)

        self.unitsHint = QLabel(self.unitsGroup)
        self.unitsHint.setObjectName(u"unitsHint")
        self.unitsHint.setWordWrap(True)

        self.unitsLayout.addWidget(self.unitsHint)


        self.dialogLayout.addWidget(self.unitsGroup)

        self.buttonsLayout = QHBoxLayout()
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.buttonsSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonsLayout.addItem(self.buttonsSpacer)

        self.okButton = QPushButton(SettingsDialog)
        self.okButton.setObjectName(u"okButton")

        self.buttonsLayout.addWidget(self.okButton)

        self.cancelButton = QPushButton(SettingsDialog)
        self.cancelButton.setObjectName(u"cancelButton")

        self.buttonsLayout.addWidget(self.cancelButton)


        self.dialogLayout.addLayout(self.buttonsLayout)

#if QT_CONFIG(shortcut)
        self.ourUnitLabel.setBuddy(self.ourUnitCombo)
        self.userNameLabel.setBuddy(self.userNameEdit)
        self.ratingRuleLabel.setBuddy(self.ratingRuleCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SettingsDialog)

        self.okButton.setDefault(True)


        QMetaObject.connectSlotsByName(SettingsDialog)
    # setupUi

    def retranslateUi(self, SettingsDialog):
        SettingsDialog.setWindowTitle(QCoreApplication.translate("SettingsDialog", u"\u8bbe\u7f6e", None))
        self.personalGroup.setTitle(QCoreApplication.translate("SettingsDialog", u"\u6211\u7684\u5355\u4f4d\u548c\u59d3\u540d", None))
        self.ourUnitLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u6211\u7684\u5355\u4f4d(&U)", None))
        self.ourUnitHint.setText(QCoreApplication.translate("SettingsDialog", u"\u672c\u5355\u4f4d\u5728\u6bcf\u4ef6\u5efa\u8bae\u63d0\u6848\u4e2d\u7684\u89d2\u8272\uff08\u4e3b\u529e\u3001\u4f1a\u529e\uff09\u6309\u8fd9\u91cc\u7684\u5355\u4f4d\u8ba1\u7b97\uff0c\u4fdd\u5b58\u5728\u6570\u636e\u5e93\u4e2d\u3002", None))
        self.userNameLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u6211\u7684\u59d3\u540d(&N)", None))
        self.userNameEdit.setPlaceholderText(QCoreApplication.translate("SettingsDialog", u"\u5982 \u5f20\u4e09", None))
        self.userNameHint.setText(QCoreApplication.translate("SettingsDialog", u"\u8bb0\u5f55\u5728\u4fee\u6539\u5386\u53f2\u4e2d\uff0c\u8bf4\u660e\u662f\u8c01\u505a\u7684\u4fee\u6539\uff1b\u53ea\u4fdd\u5b58\u5728\u672c\u673a\u3002", None))
        self.ratingRuleLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u6ee1\u610f\u7387\u6309\u4ef6\u7edf\u8ba1\u65f6\u53d6(&S)", None))
#if QT_CONFIG(tooltip)
        self.ratingRuleCombo.setToolTip(QCoreApplication.translate("SettingsDialog", u"\u6bcf\u4ef6\u7684\u6700\u7ec8\u8bc4\u4ef7\u53d6\u6700\u540e\u4e00\u8f6e\u53cd\u9988\u4e2d\u7684\u54ea\u4e00\u4efd\uff1a\u9886\u8854\u4ee3\u8868\u7684\uff08\u9886\u8854\u4ee3\u8868\u672a\u53cd\u9988\u65f6\u53d6\u8be5\u8f6e\u6700\u5dee\u7684\uff09\uff0c\u6216\u8be5\u8f6e\u6700\u5dee\u7684\u4e00\u4efd\u3002\u4fdd\u5b58\u5728\u6570\u636e\u5e93\u4e2d\uff0c\u968f\u5907\u4efd\u548c\u4ea4\u6362\u5305\u4e00\u8d77\u3002", None))
#endif // QT_CONFIG(tooltip)
        self.unitsGroup.setTitle(QCoreApplication.translate("SettingsDialog", u"\u5355\u4f4d\u540d\u5f55", None))
        self.addUnitButton.setText(QCoreApplication.translate("SettingsDialog", u"\u6dfb\u52a0(&A)\u2026", None))
        self.renameUnitButton.setText(QCoreApplication.translate("SettingsDialog", u"\u91cd\u547d\u540d(&R)\u2026", None))
#if QT_CONFIG(tooltip)
        self.letterheadButton.setToolTip(QCoreApplication.translate("SettingsDialog", u"\u8be5\u5355\u4f4d\u51fa\u5177\u516c\u6587\u65f6\u7528\u7684\u53d1\u6587\u673a\u5173\u6807\u5fd7\u3001\u6587\u53f7\u683c\u5f0f\u548c\u7f72\u540d", None))
#endif // QT_CONFIG(tooltip)
        self.letterheadButton.setText(QCoreApplication.translate("SettingsDialog", u"\u516c\u6587\u62ac\u5934(&L)\u2026", None))
        self.toggleActiveButton.setText(QCoreApplication.translate("SettingsDialog", u"\u505c\u7528(&T)", None))
        self.deleteUnitButton.setText(QCoreApplication.translate("SettingsDialog", u"\u5220\u9664(&D)", None))
        self.showInactiveCheck.setText(QCoreApplication.translate("SettingsDialog", u"\u663e\u793a\u5df2\u505c\u7528\u7684\u5355\u4f4d(&I)", None))
        self.unitsHint.setText(QCoreApplication.translate("SettingsDialog", u"\u5355\u4f4d\u540d\u5f55\u7684\u4fee\u6539\u7acb\u5373\u4fdd\u5b58\u3002\u5df2\u7528\u4e8e\u5efa\u8bae\u63d0\u6848\u7684\u5355\u4f4d\u4e0d\u80fd\u5220\u9664\uff0c\u53ef\u4ee5\u505c\u7528\uff1b\u505c\u7528\u7684\u5355\u4f4d\u4e0d\u518d\u51fa\u73b0\u5728\u9009\u62e9\u5217\u8868\u4e2d\u3002", None))
        self.okButton.setText(QCoreApplication.translate("SettingsDialog", u"\u786e\u5b9a", None))
        self.cancelButton.setText(QCoreApplication.translate("SettingsDialog", u"\u53d6\u6d88", None))
    # retranslateUi

