# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'deadline_settings_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QCheckBox, QComboBox, QDateEdit, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox, QTabWidget, QTableView, QVBoxLayout, QWidget

class Ui_DeadlineSettingsDialog(object):
    def setupUi(self, DeadlineSettingsDialog):
        if not DeadlineSettingsDialog.objectName():
            DeadlineSettingsDialog.setObjectName(u"DeadlineSettingsDialog")
        DeadlineSettingsDialog.resize(760, 560)
        self.dialogLayout = QVBoxLayout(DeadlineSettingsDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.tabWidget = QTabWidget(DeadlineSettingsDialog)
        self.tabWidget.setObjectName(u"tabWidget")
        self.rulesTab = QWidget()
        self.rulesTab.setObjectName(u"rulesTab")
        self.rulesLayout = QVBoxLayout(self.rulesTab)
        self.rulesLayout.setObjectName(u"rulesLayout")
        self.rulesIntroLabel = QLabel(self.rulesTab)
        self.rulesIntroLabel.setObjectName(u"rulesIntroLabel")
        self.rulesIntroLabel.setWordWrap(True)

        self.rulesLayout.addWidget(self.rulesIntroLabel)

        self.rulesTable = QTableView(self.rulesTab)
        self.rulesTable.setObjectName(u"rulesTable")
        self.rulesTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rulesTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.rulesTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)

        self.rulesLayout.addWidget(self.rulesTable)

        self.ruleForm = QFormLayout()
        self.ruleForm.setObjectName(u"ruleForm")
        self.anchorLabel = QLabel(self.rulesTab)
        self.anchorLabel.setObjectName(u"anchorLabel")

        self.ruleForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.anchorLabel)

        self.anchorCombo = QComboBox(self.rulesTab)
        self.anchorCombo.setObjectName(u"anchorCombo")

        self.ruleForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.anchorCombo)

        self.lengthLabel = QLabel(self.rulesTab)
        self.lengthLabel.setObjectName(u"lengthLabel")

        self.ruleForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.lengthLabel)

        self.lengthLayout = QHBoxLayout()
        self.lengthLayout.setObjectName(u"lengthLayout")
        self.lengthSpin = QSpinBox(self.rulesTab)
        self.lengthSpin.setObjectName(u"lengthSpin")
        self.lengthSpin.setMaximum(366)

        self.lengthLayout.addWidget(self.lengthSpin)

        self.unitCombo = QComboBox(self.rulesTab)
        self.unitCombo.setObjectName(u"unitCombo")

        self.lengthLayout.addWidget(self.unitCombo)

        self.rollForwardCheck = QCheckBox(self.rulesTab)
        self.rollForwardCheck.setObjectName(u"rollForwardCheck")

        self.lengthLayout.addWidget(self.rollForwardCheck)


        self.ruleForm.setLayout(1, QFormLayout.ItemRole.FieldRole, self.lengthLayout)

        self.noteLabel = QLabel(self.rulesTab)
        self.noteLabel.setObjectName(u"noteLabel")

        self.ruleForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.noteLabel)

        self.noteEdit = QLineEdit(self.rulesTab)
        self.noteEdit.setObjectName(u"noteEdit")

        self.ruleForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.noteEdit)


        self.rulesLayout.addLayout(self.ruleForm)

        self.saveRuleButton = QPushButton(self.rulesTab)
        self.saveRuleButton.setObjectName(u"saveRuleButton")

        self.rulesLayout.addWidget(self.saveRuleButton)

        self.thresholdLayout = QHBoxLayout()
        self.thresholdLayout.setObjectName(u"thresholdLayout")
        self.thresholdLabel = QLabel(self.rulesTab)
        self.thresholdLabel.setObjectName(u"thresholdLabel")

        self.thresholdLayout.addWidget(self.thresholdLabel)

        self.soonSpin = QSpinBox(self.rulesTab)
        self.soonSpin.setObjectName(u"soonSpin")
        self.soonSpin.setMaximum(365)

        self.thresholdLayout.addWidget(self.soonSpin)

        self.weekSpin = QSpinBox(self.rulesTab)
        self.weekSpin.setObjectName(u"weekSpin")
        self.weekSpin.setMaximum(365)

        self.thresholdLayout.addWidget(self.weekSpin)

        self.fortnightSpin = QSpinBox(self.rulesTab)
        self.fortnightSpin.setObjectName(u"fortnightSpin")
        self.fortnightSpin.setMaximum(365)

        self.thresholdLayout.addWidget(self.fortnightSpin)

        self.saveThresholdsButton = QPushButton(self.rulesTab)
        self.saveThresholdsButton.setObjectName(u"saveThresholdsButton")

        self.thresholdLayout.addWidget(self.saveThresholdsButton)

        self.startupNoticeCheck = QCheckBox(self.rulesTab)
        self.startupNoticeCheck.setObjectName(u"startupNoticeCheck")

        self.thresholdLayout.addWidget(self.startupNoticeCheck)


        self.rulesLayout.addLayout(self.thresholdLayout)

        self.tabWidget.addTab(self.rulesTab, "")
        self.holidaysTab = QWidget()
        self.holidaysTab.setObjectName(u"holidaysTab")
        self.holidaysLayout = QVBoxLayout(self.holidaysTab)
        self.holidaysLayout.setObjectName(u"holidaysLayout")
        self.yearLayout = QHBoxLayout()
        self.yearLayout.setObjectName(u"yearLayout")
        self.yearLabel = QLabel(self.holidaysTab)
        self.yearLabel.setObjectName(u"yearLabel")

        self.yearLayout.addWidget(self.yearLabel)

        self.yearSpin = QSpinBox(self.holidaysTab)
        self.yearSpin.setObjectName(u"yearSpin")
        self.yearSpin.setMinimum(1990)
        self.yearSpin.setMaximum(2200)

        self.yearLayout.addWidget(self.yearSpin)

        self.yearCoveredCheck = QCheckBox(self.holidaysTab)
        self.yearCoveredCheck.setObjectName(u"yearCoveredCheck")

        self.yearLayout.addWidget(self.yearCoveredCheck)

        self.importButton = QPushButton(self.holidaysTab)
        self.importButton.setObjectName(u"importButton")

        self.yearLayout.addWidget(self.importButton)


        self.holidaysLayout.addLayout(self.yearLayout)

        self.coverageLabel = QLabel(self.holidaysTab)
        self.coverageLabel.setObjectName(u"coverageLabel")
        self.coverageLabel.setWordWrap(True)

        self.holidaysLayout.addWidget(self.coverageLabel)

        self.daysTable = QTableView(self.holidaysTab)
        self.daysTable.setObjectName(u"daysTable")
        self.daysTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.daysTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.daysTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

        self.holidaysLayout.addWidget(self.daysTable)

        self.dayLayout = QHBoxLayout()
        self.dayLayout.setObjectName(u"dayLayout")
        self.dayEdit = QDateEdit(self.holidaysTab)
        self.dayEdit.setObjectName(u"dayEdit")
        self.dayEdit.setCalendarPopup(True)

        self.dayLayout.addWidget(self.dayEdit)

        self.dayKindCombo = QComboBox(self.holidaysTab)
        self.dayKindCombo.setObjectName(u"dayKindCombo")

        self.dayLayout.addWidget(self.dayKindCombo)

        self.dayNameEdit = QLineEdit(self.holidaysTab)
        self.dayNameEdit.setObjectName(u"dayNameEdit")

        self.dayLayout.addWidget(self.dayNameEdit)

        self.addDayButton = QPushButton(self.holidaysTab)
        self.addDayButton.setObjectName(u"addDayButton")

        self.dayLayout.addWidget(self.addDayButton)

        self.deleteDayButton = QPushButton(self.holidaysTab)
        self.deleteDayButton.setObjectName(u"deleteDayButton")

        self.dayLayout.addWidget(self.deleteDayButton)


        self.holidaysLayout.addLayout(self.dayLayout)

        self.tabWidget.addTab(self.holidaysTab, "")

        self.dialogLayout.addWidget(self.tabWidget)

        self.buttonBox = QDialogButtonBox(DeadlineSettingsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.dialogLayout.addWidget(self.buttonBox)


        self.retranslateUi(DeadlineSettingsDialog)

        QMetaObject.connectSlotsByName(DeadlineSettingsDialog)
    # setupUi

    def retranslateUi(self, DeadlineSettingsDialog):
        DeadlineSettingsDialog.setWindowTitle(QCoreApplication.translate("DeadlineSettingsDialog", u"\u671f\u9650\u89c4\u5219\u548c\u8282\u5047\u65e5", None))
        self.rulesIntroLabel.setText(QCoreApplication.translate("DeadlineSettingsDialog", u"\u5230\u671f\u65e5\u7531\u89c4\u5219\u8ba1\u7b97\uff0c\u4e0d\u80fd\u624b\u586b\u3002\u4fee\u6539\u89c4\u5219\u540e\uff0c\u6240\u6709\u76f8\u5173\u5230\u671f\u65e5\u7acb\u5373\u6309\u65b0\u89c4\u5219\u91cd\u7b97\uff0c\u4fee\u6539\u8bb0\u5f55\u5728\u5386\u53f2\u4e2d\u3002", None))
        self.anchorLabel.setText(QCoreApplication.translate("DeadlineSettingsDialog", u"\u8d77\u7b97\u65e5\uff1a", None))
        self.lengthLabel.setText(QCoreApplication.translate("DeadlineSettingsDialog", u"\u671f\u9650\uff1a", None))
        self.rollForwardCheck.setText(QCoreApplication.translate("DeadlineSettingsDialog", u"\u5230\u671f\u65e5\u9047\u8282\u5047\u65e5\u987a\u5ef6\u5230\u4e0b\u4e00\u4e2a\u5de5\u4f5c\u65e5", None))
        self.noteLabel.setText(QCoreApplication.translate("DeadlineSettingsDialog", u"\u8bf4\u660e\uff1a", None))
        self.saveRuleButton.setText(QCoreApplication.translate("DeadlineSettingsDialog", u"\u4fdd\u5b58\u89c4\u5219", None))
        self.thresholdLabel.setText(QCoreApplication.translate("DeadlineSettingsDialog", u"\u63d0\u9192\u6863\u6b21\uff08\u5929\uff09\uff1a", None))
        self.saveThresholdsButton.setText(QCoreApplication.translate("DeadlineSettingsDialog", u"\u4fdd\u5b58\u63d0\u9192\u6863\u6b21", None))
        self.startupNoticeCheck.setText(QCoreApplication.translate("DeadlineSettingsDialog", u"\u542f\u52a8\u65f6\u63d0\u793a\u5df2\u8d85\u671f\u548c 3 \u5929\u5185\u5230\u671f\u7684\u4e8b\u9879", None))
        self.tabWidget.setTabText(self.tabWidget.indexOf(self.rulesTab), QCoreApplication.translate("DeadlineSettingsDialog", u"\u671f\u9650\u89c4\u5219", None))
        self.yearLabel.setText(QCoreApplication.translate("DeadlineSettingsDialog", u"\u5e74\u4efd\uff1a", None))
        self.yearCoveredCheck.setText(QCoreApplication.translate("DeadlineSettingsDialog", u"\u672c\u5e74\u8282\u5047\u65e5\u5df2\u6309\u56fd\u52a1\u9662\u901a\u77e5\u5f55\u5165\u5b8c\u6574", None))
        self.importButton.setText(QCoreApplication.translate("DeadlineSettingsDialog", u"\u4ece\u5185\u7f6e\u65e5\u5386\u5bfc\u5165", None))
        self.dayEdit.setDisplayFormat(QCoreApplication.translate("DeadlineSettingsDialog", u"yyyy-MM-dd", None))
        self.dayNameEdit.setPlaceholderText(QCoreApplication.translate("DeadlineSettingsDialog", u"\u540d\u79f0\uff0c\u5982 \u6625\u8282\u3001\u9632\u6c5b\u505c\u5de5", None))
        self.addDayButton.setText(QCoreApplication.translate("DeadlineSettingsDialog", u"\u6dfb\u52a0/\u4fee\u6539", None))
        self.deleteDayButton.setText(QCoreApplication.translate("DeadlineSettingsDialog", u"\u5220\u9664\u6240\u9009", None))
        self.tabWidget.setTabText(self.tabWidget.indexOf(self.holidaysTab), QCoreApplication.translate("DeadlineSettingsDialog", u"\u8282\u5047\u65e5", None))
    # retranslateUi

