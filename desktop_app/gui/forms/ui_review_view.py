# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'review_view.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QCheckBox, QComboBox, QDateEdit, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QProgressBar, QPushButton, QSizePolicy, QSpacerItem, QSplitter, QTableView, QVBoxLayout

class Ui_ReviewView(object):
    def setupUi(self, ReviewView):
        if not ReviewView.objectName():
            ReviewView.setObjectName(u"ReviewView")
        self.mainLayout = QVBoxLayout(ReviewView)
        self.mainLayout.setObjectName(u"mainLayout")
        self.campaignLayout = QHBoxLayout()
        self.campaignLayout.setObjectName(u"campaignLayout")
        self.campaignLabel = QLabel(ReviewView)
        self.campaignLabel.setObjectName(u"campaignLabel")

        self.campaignLayout.addWidget(self.campaignLabel)

        self.campaignCombo = QComboBox(ReviewView)
        self.campaignCombo.setObjectName(u"campaignCombo")

        self.campaignLayout.addWidget(self.campaignCombo)

        self.newCampaignButton = QPushButton(ReviewView)
        self.newCampaignButton.setObjectName(u"newCampaignButton")

        self.campaignLayout.addWidget(self.newCampaignButton)

        self.rebuildButton = QPushButton(ReviewView)
        self.rebuildButton.setObjectName(u"rebuildButton")

        self.campaignLayout.addWidget(self.rebuildButton)

        self.stateButton = QPushButton(ReviewView)
        self.stateButton.setObjectName(u"stateButton")

        self.campaignLayout.addWidget(self.stateButton)

        self.campaignSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.campaignLayout.addItem(self.campaignSpacer)

        self.printButton = QPushButton(ReviewView)
        self.printButton.setObjectName(u"printButton")

        self.campaignLayout.addWidget(self.printButton)

        self.exportButton = QPushButton(ReviewView)
        self.exportButton.setObjectName(u"exportButton")

        self.campaignLayout.addWidget(self.exportButton)

        self.recurringButton = QPushButton(ReviewView)
        self.recurringButton.setObjectName(u"recurringButton")

        self.campaignLayout.addWidget(self.recurringButton)


        self.mainLayout.addLayout(self.campaignLayout)

        self.progressLayout = QHBoxLayout()
        self.progressLayout.setObjectName(u"progressLayout")
        self.progressBar = QProgressBar(ReviewView)
        self.progressBar.setObjectName(u"progressBar")
        self.progressBar.setValue(0)

        self.progressLayout.addWidget(self.progressBar)

        self.progressLabel = QLabel(ReviewView)
        self.progressLabel.setObjectName(u"progressLabel")

        self.progressLayout.addWidget(self.progressLabel)

        self.progressLayout.setStretch(1, 1)

        self.mainLayout.addLayout(self.progressLayout)

        self.categoryProgressLabel = QLabel(ReviewView)
        self.categoryProgressLabel.setObjectName(u"categoryProgressLabel")
        self.categoryProgressLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.categoryProgressLabel)

        self.filterLayout = QHBoxLayout()
        self.filterLayout.setObjectName(u"filterLayout")
        self.categoryLabel = QLabel(ReviewView)
        self.categoryLabel.setObjectName(u"categoryLabel")

        self.filterLayout.addWidget(self.categoryLabel)

        self.categoryCombo = QComboBox(ReviewView)
        self.categoryCombo.setObjectName(u"categoryCombo")

        self.filterLayout.addWidget(self.categoryCombo)

        self.pendingCheck = QCheckBox(ReviewView)
        self.pendingCheck.setObjectName(u"pendingCheck")

        self.filterLayout.addWidget(self.pendingCheck)

        self.flaggedCheck = QCheckBox(ReviewView)
        self.flaggedCheck.setObjectName(u"flaggedCheck")

        self.filterLayout.addWidget(self.flaggedCheck)

        self.filterSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filterLayout.addItem(self.filterSpacer)

        self.shownLabel = QLabel(ReviewView)
        self.shownLabel.setObjectName(u"shownLabel")

        self.filterLayout.addWidget(self.shownLabel)


        self.mainLayout.addLayout(self.filterLayout)

        self.splitter = QSplitter(ReviewView)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.entryTable = QTableView(self.splitter)
        self.entryTable.setObjectName(u"entryTable")
        self.entryTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.entryTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.entryTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.entryTable.setSortingEnabled(True)
        self.splitter.addWidget(self.entryTable)
        self.reviewBox = QGroupBox(self.splitter)
        self.reviewBox.setObjectName(u"reviewBox")
        self.reviewForm = QFormLayout(self.reviewBox)
        self.reviewForm.setObjectName(u"reviewForm")
        self.itemCaption = QLabel(self.reviewBox)
        self.itemCaption.setObjectName(u"itemCaption")

        self.reviewForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.itemCaption)

        self.itemLabel = QLabel(self.reviewBox)
        self.itemLabel.setObjectName(u"itemLabel")
        self.itemLabel.setWordWrap(True)
        self.itemLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.reviewForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.itemLabel)

        self.reasonCaption = QLabel(self.reviewBox)
        self.reasonCaption.setObjectName(u"reasonCaption")

        self.reviewForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.reasonCaption)

        self.reasonLabel = QLabel(self.reviewBox)
        self.reasonLabel.setObjectName(u"reasonLabel")
        self.reasonLabel.setWordWrap(True)

        self.reviewForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.reasonLabel)

        self.outcomeLabel = QLabel(self.reviewBox)
        self.outcomeLabel.setObjectName(u"outcomeLabel")

        self.reviewForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.outcomeLabel)

        self.outcomeCombo = QComboBox(self.reviewBox)
        self.outcomeCombo.setObjectName(u"outcomeCombo")

        self.reviewForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.outcomeCombo)

        self.noteLabel = QLabel(self.reviewBox)
        self.noteLabel.setObjectName(u"noteLabel")

        self.reviewForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.noteLabel)

        self.noteEdit = QPlainTextEdit(self.reviewBox)
        self.noteEdit.setObjectName(u"noteEdit")
        self.noteEdit.setTabChangesFocus(True)

        self.reviewForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.noteEdit)

        self.reviewedDateLabel = QLabel(self.reviewBox)
        self.reviewedDateLabel.setObjectName(u"reviewedDateLabel")

        self.reviewForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.reviewedDateLabel)

        self.reviewedDateEdit = QDateEdit(self.reviewBox)
        self.reviewedDateEdit.setObjectName(u"reviewedDateEdit")
        self.reviewedDateEdit.setCalendarPopup(True)

        self.reviewForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.reviewedDateEdit)

        self.reviewerLabel = QLabel(self.reviewBox)
        self.reviewerLabel.setObjectName(u"reviewerLabel")

        self.reviewForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.reviewerLabel)

        self.reviewerEdit = QLineEdit(self.reviewBox)
        self.reviewerEdit.setObjectName(u"reviewerEdit")

        self.reviewForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.reviewerEdit)

        self.tellCheck = QCheckBox(self.reviewBox)
        self.tellCheck.setObjectName(u"tellCheck")

        self.reviewForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.tellCheck)

        self.toldLayout = QHBoxLayout()
        self.toldLayout.setObjectName(u"toldLayout")
        self.toldCheck = QCheckBox(self.reviewBox)
        self.toldCheck.setObjectName(u"toldCheck")

        self.toldLayout.addWidget(self.toldCheck)

        self.toldDateEdit = QDateEdit(self.reviewBox)
        self.toldDateEdit.setObjectName(u"toldDateEdit")
        self.toldDateEdit.setCalendarPopup(True)

        self.toldLayout.addWidget(self.toldDateEdit)

        self.toldSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.toldLayout.addItem(self.toldSpacer)


        self.reviewForm.setLayout(7, QFormLayout.ItemRole.FieldRole, self.toldLayout)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.saveButton = QPushButton(self.reviewBox)
        self.saveButton.setObjectName(u"saveButton")

        self.buttonLayout.addWidget(self.saveButton)

        self.openItemButton = QPushButton(self.reviewBox)
        self.openItemButton.setObjectName(u"openItemButton")

        self.buttonLayout.addWidget(self.openItemButton)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)


        self.reviewForm.setLayout(8, QFormLayout.ItemRole.SpanningRole, self.buttonLayout)

        self.splitter.addWidget(self.reviewBox)

        self.mainLayout.addWidget(self.splitter)

        self.mainLayout.setStretch(4, 1)
#if QT_CONFIG(shortcut)
        self.campaignLabel.setBuddy(self.campaignCombo)
        self.categoryLabel.setBuddy(self.categoryCombo)
        self.outcomeLabel.setBuddy(self.outcomeCombo)
        self.noteLabel.setBuddy(self.noteEdit)
        self.reviewedDateLabel.setBuddy(self.reviewedDateEdit)
        self.reviewerLabel.setBuddy(self.reviewerEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ReviewView)

        QMetaObject.connectSlotsByName(ReviewView)
    # setupUi

    def retranslateUi(self, ReviewView):
        ReviewView.setWindowTitle(QCoreApplication.translate("ReviewView", u"\u56de\u5934\u770b", None))
        self.campaignLabel.setText(QCoreApplication.translate("ReviewView", u"\u56de\u5934\u770b(&Y)\uff1a", None))
        self.newCampaignButton.setText(QCoreApplication.translate("ReviewView", u"\u65b0\u5efa\u56de\u5934\u770b(&N)\u2026", None))
        self.rebuildButton.setText(QCoreApplication.translate("ReviewView", u"\u66f4\u65b0\u6e05\u5355(&U)", None))
#if QT_CONFIG(tooltip)
        self.rebuildButton.setToolTip(QCoreApplication.translate("ReviewView", u"\u628a\u65b0\u7b26\u5408\u6761\u4ef6\u7684\u4ef6\u548c\u627f\u8bfa\u4e8b\u9879\u52a0\u5165\u6e05\u5355\uff1b\u5df2\u5199\u7684\u56de\u5934\u770b\u4e0d\u4f1a\u4e22\u5931", None))
#endif // QT_CONFIG(tooltip)
        self.stateButton.setText(QCoreApplication.translate("ReviewView", u"\u6807\u4e3a\u5b8c\u6210", None))
        self.printButton.setText(QCoreApplication.translate("ReviewView", u"\u6253\u5370\u62a5\u544a(&P)\u2026", None))
        self.exportButton.setText(QCoreApplication.translate("ReviewView", u"\u5bfc\u51fa Excel(&E)\u2026", None))
#if QT_CONFIG(tooltip)
        self.recurringButton.setToolTip(QCoreApplication.translate("ReviewView", u"\u8de8\u5e74\u5ea6\u53cd\u590d\u63d0\u51fa\u7684\u540c\u4e00\u95ee\u9898\uff08\u5e74\u5e74\u63d0\uff09\uff1a\u5404\u5e74\u7684\u529e\u7406\u7ed3\u679c\u548c\u627f\u8bfa", None))
#endif // QT_CONFIG(tooltip)
        self.recurringButton.setText(QCoreApplication.translate("ReviewView", u"\u5e74\u5e74\u63d0(&K)\u2026", None))
        self.categoryLabel.setText(QCoreApplication.translate("ReviewView", u"\u7c7b\u522b(&C)\uff1a", None))
        self.pendingCheck.setText(QCoreApplication.translate("ReviewView", u"\u53ea\u770b\u672a\u56de\u5934\u770b(&W)", None))
        self.flaggedCheck.setText(QCoreApplication.translate("ReviewView", u"\u53ea\u770b\u9700\u544a\u77e5\u4ee3\u8868(&F)", None))
        self.reviewBox.setTitle(QCoreApplication.translate("ReviewView", u"\u56de\u5934\u770b\u60c5\u51b5", None))
        self.itemCaption.setText(QCoreApplication.translate("ReviewView", u"\u5efa\u8bae\u63d0\u6848\uff1a", None))
        self.reasonCaption.setText(QCoreApplication.translate("ReviewView", u"\u5217\u5165\u539f\u56e0\uff1a", None))
        self.outcomeLabel.setText(QCoreApplication.translate("ReviewView", u"\u7ed3\u679c(&R)\uff1a", None))
        self.noteLabel.setText(QCoreApplication.translate("ReviewView", u"\u60c5\u51b5(&I)\uff1a", None))
        self.noteEdit.setPlaceholderText(QCoreApplication.translate("ReviewView", u"\u6838\u5b9e\u4e86\u4ec0\u4e48\u3001\u73b0\u72b6\u5982\u4f55\uff08\u5982\uff1a\u73b0\u573a\u67e5\u770b\uff0c\u9053\u8def\u5df2\u4fee\u590d\uff0c\u7fa4\u4f17\u53cd\u6620\u826f\u597d\uff09", None))
        self.reviewedDateLabel.setText(QCoreApplication.translate("ReviewView", u"\u65e5\u671f(&D)\uff1a", None))
        self.reviewedDateEdit.setDisplayFormat(QCoreApplication.translate("ReviewView", u"yyyy-MM-dd", None))
        self.reviewerLabel.setText(QCoreApplication.translate("ReviewView", u"\u56de\u5934\u770b\u4eba(&M)\uff1a", None))
        self.reviewerEdit.setPlaceholderText(QCoreApplication.translate("ReviewView", u"\u7559\u7a7a\u4e3a\u5f53\u524d\u7528\u6237", None))
        self.tellCheck.setText(QCoreApplication.translate("ReviewView", u"\u60c5\u51b5\u6709\u53d8\u5316\uff0c\u9700\u544a\u77e5\u4ee3\u8868(&T)", None))
        self.toldCheck.setText(QCoreApplication.translate("ReviewView", u"\u5df2\u544a\u77e5\u4ee3\u8868\uff0c\u65e5\u671f", None))
        self.toldDateEdit.setDisplayFormat(QCoreApplication.translate("ReviewView", u"yyyy-MM-dd", None))
        self.saveButton.setText(QCoreApplication.translate("ReviewView", u"\u4fdd\u5b58\u56de\u5934\u770b(&S)", None))
#if QT_CONFIG(tooltip)
        self.saveButton.setToolTip(QCoreApplication.translate("ReviewView", u"Ctrl+S", None))
#endif // QT_CONFIG(tooltip)
        self.openItemButton.setText(QCoreApplication.translate("ReviewView", u"\u6253\u5f00\u6b64\u4ef6(&O)", None))
#if QT_CONFIG(tooltip)
        self.openItemButton.setToolTip(QCoreApplication.translate("ReviewView", u"\u4e5f\u53ef\u53cc\u51fb\u6e05\u5355\u4e2d\u7684\u4e00\u884c\uff0c\u6216\u6309\u56de\u8f66", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi

