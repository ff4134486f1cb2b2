# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'letter_settings_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialogButtonBox, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

class Ui_LetterSettingsDialog(object):
    def setupUi(self, LetterSettingsDialog):
        if not LetterSettingsDialog.objectName():
            LetterSettingsDialog.setObjectName(u"LetterSettingsDialog")
        LetterSettingsDialog.resize(720, 560)
        self.dialogLayout = QVBoxLayout(LetterSettingsDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.formLayout = QGridLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.unitNameLabel = QLabel(LetterSettingsDialog)
        self.unitNameLabel.setObjectName(u"unitNameLabel")

        self.formLayout.addWidget(self.unitNameLabel, 0, 0, 1, 1)

        self.unitNameEdit = QLineEdit(LetterSettingsDialog)
        self.unitNameEdit.setObjectName(u"unitNameEdit")

        self.formLayout.addWidget(self.unitNameEdit, 0, 1, 1, 1)

        self.letterheadLabel = QLabel(LetterSettingsDialog)
        self.letterheadLabel.setObjectName(u"letterheadLabel")

        self.formLayout.addWidget(self.letterheadLabel, 1, 0, 1, 1)

        self.letterheadCombo = QComboBox(LetterSettingsDialog)
        self.letterheadCombo.setObjectName(u"letterheadCombo")

        self.formLayout.addWidget(self.letterheadCombo, 1, 1, 1, 1)

        self.categoryLabel = QLabel(LetterSettingsDialog)
        self.categoryLabel.setObjectName(u"categoryLabel")

        self.formLayout.addWidget(self.categoryLabel, 2, 0, 1, 1)

        self.categoryLayout = QHBoxLayout()
        self.categoryLayout.setObjectName(u"categoryLayout")
        self.solvedLabel = QLabel(LetterSettingsDialog)
        self.solvedLabel.setObjectName(u"solvedLabel")

        self.categoryLayout.addWidget(self.solvedLabel)

        self.solvedEdit = QLineEdit(LetterSettingsDialog)
        self.solvedEdit.setObjectName(u"solvedEdit")
        self.solvedEdit.setMaxLength(2)

        self.categoryLayout.addWidget(self.solvedEdit)

        self.solvingLabel = QLabel(LetterSettingsDialog)
        self.solvingLabel.setObjectName(u"solvingLabel")

        self.categoryLayout.addWidget(self.solvingLabel)

        self.solvingEdit = QLineEdit(LetterSettingsDialog)
        self.solvingEdit.setObjectName(u"solvingEdit")
        self.solvingEdit.setMaxLength(2)

        self.categoryLayout.addWidget(self.solvingEdit)

        self.plannedLabel = QLabel(LetterSettingsDialog)
        self.plannedLabel.setObjectName(u"plannedLabel")

        self.categoryLayout.addWidget(self.plannedLabel)

        self.plannedEdit = QLineEdit(LetterSettingsDialog)
        self.plannedEdit.setObjectName(u"plannedEdit")
        self.plannedEdit.setMaxLength(2)

        self.categoryLayout.addWidget(self.plannedEdit)

        self.referenceLabel = QLabel(LetterSettingsDialog)
        self.referenceLabel.setObjectName(u"referenceLabel")

        self.categoryLayout.addWidget(self.referenceLabel)

        self.referenceEdit = QLineEdit(LetterSettingsDialog)
        self.referenceEdit.setObjectName(u"referenceEdit")
        self.referenceEdit.setMaxLength(2)

        self.categoryLayout.addWidget(self.referenceEdit)


        self.formLayout.addLayout(self.categoryLayout, 2, 1, 1, 1)

        self.suggestionTitleLabel = QLabel(LetterSettingsDialog)
        self.suggestionTitleLabel.setObjectName(u"suggestionTitleLabel")

        self.formLayout.addWidget(self.suggestionTitleLabel, 3, 0, 1, 1)

        self.suggestionTitleEdit = QLineEdit(LetterSettingsDialog)
        self.suggestionTitleEdit.setObjectName(u"suggestionTitleEdit")

        self.formLayout.addWidget(self.suggestionTitleEdit, 3, 1, 1, 1)

        self.proposalTitleLabel = QLabel(LetterSettingsDialog)
        self.proposalTitleLabel.setObjectName(u"proposalTitleLabel")

        self.formLayout.addWidget(self.proposalTitleLabel, 4, 0, 1, 1)

        self.proposalTitleEdit = QLineEdit(LetterSettingsDialog)
        self.proposalTitleEdit.setObjectName(u"proposalTitleEdit")

        self.formLayout.addWidget(self.proposalTitleEdit, 4, 1, 1, 1)

        self.patternHintLabel = QLabel(LetterSettingsDialog)
        self.patternHintLabel.setObjectName(u"patternHintLabel")

        self.formLayout.addWidget(self.patternHintLabel, 5, 1, 1, 1)

        self.closingLabel = QLabel(LetterSettingsDialog)
        self.closingLabel.setObjectName(u"closingLabel")

        self.formLayout.addWidget(self.closingLabel, 6, 0, 1, 1)

        self.closingEdit = QLineEdit(LetterSettingsDialog)
        self.closingEdit.setObjectName(u"closingEdit")

        self.formLayout.addWidget(self.closingEdit, 6, 1, 1, 1)

        self.perProposerCheck = QCheckBox(LetterSettingsDialog)
        self.perProposerCheck.setObjectName(u"perProposerCheck")

        self.formLayout.addWidget(self.perProposerCheck, 7, 1, 1, 1)

        self.coOpinionsCheck = QCheckBox(LetterSettingsDialog)
        self.coOpinionsCheck.setObjectName(u"coOpinionsCheck")

        self.formLayout.addWidget(self.coOpinionsCheck, 8, 1, 1, 1)

        self.titleFontLabel = QLabel(LetterSettingsDialog)
        self.titleFontLabel.setObjectName(u"titleFontLabel")

        self.formLayout.addWidget(self.titleFontLabel, 9, 0, 1, 1)

        self.titleFontLayout = QHBoxLayout()
        self.titleFontLayout.setObjectName(u"titleFontLayout")
        self.titleFontEdit = QLineEdit(LetterSettingsDialog)
        self.titleFontEdit.setObjectName(u"titleFontEdit")

        self.titleFontLayout.addWidget(self.titleFontEdit)

        self.titleFontButton = QPushButton(LetterSettingsDialog)
        self.titleFontButton.setObjectName(u"titleFontButton")

        self.titleFontLayout.addWidget(self.titleFontButton)

        self.titleFontClearButton = QPushButton(LetterSettingsDialog)
        self.titleFontClearButton.setObjectName(u"titleFontClearButton")

        self.titleFontLayout.addWidget(self.titleFontClearButton)


        self.formLayout.addLayout(self.titleFontLayout, 9, 1, 1, 1)

        self.bodyFontLabel = QLabel(LetterSettingsDialog)
        self.bodyFontLabel.setObjectName(u"bodyFontLabel")

        self.formLayout.addWidget(self.bodyFontLabel, 10, 0, 1, 1)

        self.bodyFontLayout = QHBoxLayout()
        self.bodyFontLayout.setObjectName(u"bodyFontLayout")
        self.bodyFontEdit = QLineEdit(LetterSettingsDialog)
        self.bodyFontEdit.setObjectName(u"bodyFontEdit")

        self.bodyFontLayout.addWidget(self.bodyFontEdit)

        self.bodyFontButton = QPushButton(LetterSettingsDialog)
        self.bodyFontButton.setObjectName(u"bodyFontButton")

        self.bodyFontLayout.addWidget(self.bodyFontButton)

        self.bodyFontClearButton = QPushButton(LetterSettingsDialog)
        self.bodyFontClearButton.setObjectName(u"bodyFontClearButton")

        self.bodyFontLayout.addWidget(self.bodyFontClearButton)


        self.formLayout.addLayout(self.bodyFontLayout, 10, 1, 1, 1)

        self.heiFontLabel = QLabel(LetterSettingsDialog)
        self.heiFontLabel.setObjectName(u"heiFontLabel")

        self.formLayout.addWidget(self.heiFontLabel, 11, 0, 1, 1)

        self.heiFontLayout = QHBoxLayout()
        self.heiFontLayout.setObjectName(u"heiFontLayout")
        self.heiFontEdit = QLineEdit(LetterSettingsDialog)
        self.heiFontEdit.setObjectName(u"heiFontEdit")

        self.heiFontLayout.addWidget(self.heiFontEdit)

        self.heiFontButton = QPushButton(LetterSettingsDialog)
        self.heiFontButton.setObjectName(u"heiFontButton")

        self.heiFontLayout.addWidget(self.heiFontButton)

        self.heiFontClearButton = QPushButton(LetterSettingsDialog)
        self.heiFontClearButton.setObjectName(u"heiFontClearButton")

        self.heiFontLayout.addWidget(self.heiFontClearButton)


        self.formLayout.addLayout(self.heiFontLayout, 11, 1, 1, 1)

        self.kaiFontLabel = QLabel(LetterSettingsDialog)
        self.kaiFontLabel.setObjectName(u"kaiFontLabel")

        self.formLayout.addWidget(self.kaiFontLabel, 12, 0, 1, 1)

        self.kaiFontLayout = QHBoxLayout()
        self.kaiFontLayout.setObjectName(u"kaiFontLayout")
        self.kaiFontEdit = QLineEdit(LetterSettingsDialog)
        self.kaiFontEdit.setObjectName(u"kaiFontEdit")

        self.kaiFontLayout.addWidget(self.kaiFontEdit)

        self.kaiFontButton = QPushButton(LetterSettingsDialog)
        self.kaiFontButton.setObjectName(u"kaiFontButton")

        self.kaiFontLayout.addWidget(self.kaiFontButton)

        self.kaiFontClearButton = QPushButton(LetterSettingsDialog)
        self.kaiFontClearButton.setObjectName(u"kaiFontClearButton")

        self.kaiFontLayout.addWidget(self.kaiFontClearButton)


        self.formLayout.addLayout(self.kaiFontLayout, 12, 1, 1, 1)

        self.songFontLabel = QLabel(LetterSettingsDialog)
        self.songFontLabel.setObjectName(u"songFontLabel")

        self.formLayout.addWidget(self.songFontLabel, 13, 0, 1, 1)

        self.songFontLayout = QHBoxLayout()
        self.songFontLayout.setObjectName(u"songFontLayout")
        self.songFontEdit = QLineEdit(LetterSettingsDialog)
        self.songFontEdit.setObjectName(u"songFontEdit")

        self.songFontLayout.addWidget(self.songFontEdit)

        self.songFontButton = QPushButton(LetterSettingsDialog)
        self.songFontButton.setObjectName(u"songFontButton")

        self.songFontLayout.addWidget(self.songFontButton)

        self.songFontClearButton = QPushButton(LetterSettingsDialog)
        self.songFontClearButton.setObjectName(u"songFontClearButton")

        self.songFontLayout.addWidget(self.songFontClearButton)


        self.formLayout.addLayout(self.songFontLayout, 13, 1, 1, 1)


        self.dialogLayout.addLayout(self.formLayout)

        self.fontsInfoLabel = QLabel(LetterSettingsDialog)
        self.fontsInfoLabel.setObjectName(u"fontsInfoLabel")
        self.fontsInfoLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.fontsInfoLabel)

        self.buttonBox = QDialogButtonBox(LetterSettingsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialogLayout.addWidget(self.buttonBox)


        self.retranslateUi(LetterSettingsDialog)

        QMetaObject.connectSlotsByName(LetterSettingsDialog)
    # setupUi

    def retranslateUi(self, LetterSettingsDialog):
        LetterSettingsDialog.setWindowTitle(QCoreApplication.translate("LetterSettingsDialog", u"\u516c\u6587\u4e0e\u5b57\u4f53", None))
        self.unitNameLabel.setText(QCoreApplication.translate("LetterSettingsDialog", u"\u53d1\u6587\u5355\u4f4d\uff1a", None))
        self.unitNameEdit.setPlaceholderText(QCoreApplication.translate("LetterSettingsDialog", u"\u9ed8\u8ba4\uff1a\u8bbe\u7f6e\u4e2d\u7684\u672c\u5355\u4f4d\u540d\u79f0", None))
        self.letterheadLabel.setText(QCoreApplication.translate("LetterSettingsDialog", u"\u7ea2\u5934\uff1a", None))
        self.categoryLabel.setText(QCoreApplication.translate("LetterSettingsDialog", u"\u5206\u7c7b\u6807\u6ce8\uff1a", None))
        self.solvedLabel.setText(QCoreApplication.translate("LetterSettingsDialog", u"\u5df2\u7ecf\u89e3\u51b3", None))
        self.solvingLabel.setText(QCoreApplication.translate("LetterSettingsDialog", u"\u6b63\u5728\u89e3\u51b3", None))
        self.plannedLabel.setText(QCoreApplication.translate("LetterSettingsDialog", u"\u8ba1\u5212\u89e3\u51b3", None))
        self.referenceLabel.setText(QCoreApplication.translate("LetterSettingsDialog", u"\u7559\u4f5c\u53c2\u8003", None))
        self.suggestionTitleLabel.setText(QCoreApplication.translate("LetterSettingsDialog", u"\u4ee3\u8868\u5efa\u8bae\u6807\u9898\uff1a", None))
        self.proposalTitleLabel.setText(QCoreApplication.translate("LetterSettingsDialog", u"\u653f\u534f\u63d0\u6848\u6807\u9898\uff1a", None))
        self.patternHintLabel.setText(QCoreApplication.translate("LetterSettingsDialog", u"\u6807\u9898\u4e2d\u53ef\u7528 {\u4f1a\u6b21}\u3001{\u7f16\u53f7}\u3001{\u6807\u9898}\uff0c\u4f8b\u5982 \u5173\u4e8e\u5bf9{\u4f1a\u6b21}\u7b2c{\u7f16\u53f7}\u53f7\u4ee3\u8868\u5efa\u8bae\u7684\u7b54\u590d", None))
        self.closingLabel.setText(QCoreApplication.translate("LetterSettingsDialog", u"\u7ed3\u675f\u8bed\uff1a", None))
        self.perProposerCheck.setText(QCoreApplication.translate("LetterSettingsDialog", u"\u6bcf\u4f4d\u8054\u540d\u4ee3\u8868\u5404\u51fa\u4e00\u5c01\u7b54\u590d\u51fd\uff08\u4e0d\u9009\uff1a\u4e00\u5c01\u81f4\u201c\u5f20\u4e09\u7b49\u4ee3\u8868\u201d\uff09", None))
        self.coOpinionsCheck.setText(QCoreApplication.translate("LetterSettingsDialog", u"\u5728\u6b63\u6587\u540e\u5199\u660e\u4f1a\u529e\u5355\u4f4d\u7684\u4f1a\u529e\u610f\u89c1", None))
        self.titleFontLabel.setText(QCoreApplication.translate("LetterSettingsDialog", u"\u6807\u9898\u5b57\u4f53\uff08\u5c0f\u6807\u5b8b\uff09\uff1a", None))
        self.titleFontEdit.setPlaceholderText(QCoreApplication.translate("LetterSettingsDialog", u"\u81ea\u52a8\u67e5\u627e", None))
        self.titleFontButton.setText(QCoreApplication.translate("LetterSettingsDialog", u"\u9009\u62e9\u2026", None))
        self.titleFontClearButton.setText(QCoreApplication.translate("LetterSettingsDialog", u"\u81ea\u52a8", None))
        self.bodyFontLabel.setText(QCoreApplication.translate("LetterSettingsDialog", u"\u6b63\u6587\u5b57\u4f53\uff08\u4eff\u5b8b\uff09\uff1a", None))
        self.bodyFontEdit.setPlaceholderText(QCoreApplication.translate("LetterSettingsDialog", u"\u81ea\u52a8\u67e5\u627e", None))
        self.bodyFontButton.setText(QCoreApplication.translate("LetterSettingsDialog", u"\u9009\u62e9\u2026", None))
        self.bodyFontClearButton.setText(QCoreApplication.translate("LetterSettingsDialog", u"\u81ea\u52a8", None))
        self.heiFontLabel.setText(QCoreApplication.translate("LetterSettingsDialog", u"\u4e00\u7ea7\u6807\u9898\uff08\u9ed1\u4f53\uff09\uff1a", None))
        self.heiFontEdit.setPlaceholderText(QCoreApplication.translate("LetterSettingsDialog", u"\u81ea\u52a8\u67e5\u627e", None))
        self.heiFontButton.setText(QCoreApplication.translate("LetterSettingsDialog", u"\u9009\u62e9\u2026", None))
        self.heiFontClearButton.setText(QCoreApplication.translate("LetterSettingsDialog", u"\u81ea\u52a8", None))
        self.kaiFontLabel.setText(QCoreApplication.translate("LetterSettingsDialog", u"\u4e8c\u7ea7\u6807\u9898\uff08\u6977\u4f53\uff09\uff1a", None))
        self.kaiFontEdit.setPlaceholderText(QCoreApplication.translate("LetterSettingsDialog", u"\u81ea\u52a8\u67e5\u627e", None))
        self.kaiFontButton.setText(QCoreApplication.translate("LetterSettingsDialog", u"\u9009\u62e9\u2026", None))
        self.kaiFontClearButton.setText(QCoreApplication.translate("LetterSettingsDialog", u"\u81ea\u52a8", None))
        self.songFontLabel.setText(QCoreApplication.translate("LetterSettingsDialog", u"\u9875\u7801\uff08\u5b8b\u4f53\uff09\uff1a", None))
        self.songFontEdit.setPlaceholderText(QCoreApplication.translate("LetterSettingsDialog", u"\u81ea\u52a8\u67e5\u627e", None))
        self.songFontButton.setText(QCoreApplication.translate("LetterSettingsDialog", u"\u9009\u62e9\u2026", None))
        self.songFontClearButton.setText(QCoreApplication.translate("LetterSettingsDialog", u"\u81ea\u52a8", None))
        self.fontsInfoLabel.setText("")
    # retranslateUi

