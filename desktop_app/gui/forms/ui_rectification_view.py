# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'rectification_view.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QComboBox, QDateEdit, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListView, QPlainTextEdit, QPushButton, QScrollArea, QSizePolicy, QSpacerItem, QSplitter, QTabWidget, QTableView, QVBoxLayout, QWidget

class Ui_RectificationView(object):
    def setupUi(self, RectificationView):
        if not RectificationView.objectName():
            RectificationView.setObjectName(u"RectificationView")
        self.mainLayout = QVBoxLayout(RectificationView)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainSplitter = QSplitter(RectificationView)
        self.mainSplitter.setObjectName(u"mainSplitter")
        self.mainSplitter.setOrientation(Qt.Orientation.Horizontal)
        self.listPane = QWidget(self.mainSplitter)
        self.listPane.setObjectName(u"listPane")
        self.listLayout = QVBoxLayout(self.listPane)
        self.listLayout.setObjectName(u"listLayout")
        self.listLayout.setContentsMargins(0, 0, 0, 0)
        self.listsLabel = QLabel(self.listPane)
        self.listsLabel.setObjectName(u"listsLabel")

        self.listLayout.addWidget(self.listsLabel)

        self.listView = QListView(self.listPane)
        self.listView.setObjectName(u"listView")

        self.listLayout.addWidget(self.listView)

        self.listButtons = QHBoxLayout()
        self.listButtons.setObjectName(u"listButtons")
        self.newListButton = QPushButton(self.listPane)
        self.newListButton.setObjectName(u"newListButton")

        self.listButtons.addWidget(self.newListButton)

        self.deleteListButton = QPushButton(self.listPane)
        self.deleteListButton.setObjectName(u"deleteListButton")

        self.listButtons.addWidget(self.deleteListButton)


        self.listLayout.addLayout(self.listButtons)

        self.exchangeButtons = QHBoxLayout()
        self.exchangeButtons.setObjectName(u"exchangeButtons")
        self.importButton = QPushButton(self.listPane)
        self.importButton.setObjectName(u"importButton")

        self.exchangeButtons.addWidget(self.importButton)

        self.exportButton = QPushButton(self.listPane)
        self.exportButton.setObjectName(u"exportButton")

        self.exchangeButtons.addWidget(self.exportButton)


        self.listLayout.addLayout(self.exchangeButtons)

        self.printButtons = QHBoxLayout()
        self.printButtons.setObjectName(u"printButtons")
        self.printAppendixButton = QPushButton(self.listPane)
        self.printAppendixButton.setObjectName(u"printAppendixButton")

        self.printButtons.addWidget(self.printAppendixButton)

        self.printReportButton = QPushButton(self.listPane)
        self.printReportButton.setObjectName(u"printReportButton")

        self.printButtons.addWidget(self.printReportButton)


        self.listLayout.addLayout(self.printButtons)

        self.mainSplitter.addWidget(self.listPane)
        self.tabs = QTabWidget(self.mainSplitter)
        self.tabs.setObjectName(u"tabs")
        self.rowsTab = QWidget()
        self.rowsTab.setObjectName(u"rowsTab")
        self.rowsLayout = QVBoxLayout(self.rowsTab)
        self.rowsLayout.setObjectName(u"rowsLayout")
        self.rowButtons = QHBoxLayout()
        self.rowButtons.setObjectName(u"rowButtons")
        self.addRowButton = QPushButton(self.rowsTab)
        self.addRowButton.setObjectName(u"addRowButton")

        self.rowButtons.addWidget(self.addRowButton)

        self.deleteRowButton = QPushButton(self.rowsTab)
        self.deleteRowButton.setObjectName(u"deleteRowButton")

        self.rowButtons.addWidget(self.deleteRowButton)

        self.rowUpButton = QPushButton(self.rowsTab)
        self.rowUpButton.setObjectName(u"rowUpButton")

        self.rowButtons.addWidget(self.rowUpButton)

        self.rowDownButton = QPushButton(self.rowsTab)
        self.rowDownButton.setObjectName(u"rowDownButton")

        self.rowButtons.addWidget(self.rowDownButton)

        self.aspectUpButton = QPushButton(self.rowsTab)
        self.aspectUpButton.setObjectName(u"aspectUpButton")

        self.rowButtons.addWidget(self.aspectUpButton)

        self.aspectDownButton = QPushButton(self.rowsTab)
        self.aspectDownButton.setObjectName(u"aspectDownButton")

        self.rowButtons.addWidget(self.aspectDownButton)

        self.renameAspectButton = QPushButton(self.rowsTab)
        self.renameAspectButton.setObjectName(u"renameAspectButton")

        self.rowButtons.addWidget(self.renameAspectButton)

        self.deleteAspectButton = QPushButton(self.rowsTab)
        self.deleteAspectButton.setObjectName(u"deleteAspectButton")

        self.rowButtons.addWidget(self.deleteAspectButton)

        self.rowButtonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.rowButtons.addItem(self.rowButtonsSpacer)


        self.rowsLayout.addLayout(self.rowButtons)

        self.rowSplitter = QSplitter(self.rowsTab)
        self.rowSplitter.setObjectName(u"rowSplitter")
        self.rowSplitter.setOrientation(Qt.Orientation.Horizontal)
        self.rowTable = QTableView(self.rowSplitter)
        self.rowTable.setObjectName(u"rowTable")
        self.rowSplitter.addWidget(self.rowTable)
        self.detailScroll = QScrollArea(self.rowSplitter)
        self.detailScroll.setObjectName(u"detailScroll")
        self.detailScroll.setWidgetResizable(True)
        self.detailPane = QWidget()
        self.detailPane.setObjectName(u"detailPane")
        self.detailLayout = QVBoxLayout(self.detailPane)
        self.detailLayout.setObjectName(u"detailLayout")
        self.detailForm = QFormLayout()
        self.detailForm.setObjectName(u"detailForm")
        self.detailFormLabel0 = QLabel(self.detailPane)
        self.detailFormLabel0.setObjectName(u"detailFormLabel0")

        self.detailForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.detailFormLabel0)

        self.aspectEdit = QLineEdit(self.detailPane)
        self.aspectEdit.setObjectName(u"aspectEdit")

        self.detailForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.aspectEdit)

        self.detailFormLabel1 = QLabel(self.detailPane)
        self.detailFormLabel1.setObjectName(u"detailFormLabel1")

        self.detailForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.detailFormLabel1)

        self.problemEdit = QPlainTextEdit(self.detailPane)
        self.problemEdit.setObjectName(u"problemEdit")

        self.detailForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.problemEdit)

        self.detailFormLabel2 = QLabel(self.detailPane)
        self.detailFormLabel2.setObjectName(u"detailFormLabel2")

        self.detailForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.detailFormLabel2)

        self.suggestionEdit = QPlainTextEdit(self.detailPane)
        self.suggestionEdit.setObjectName(u"suggestionEdit")

        self.detailForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.suggestionEdit)

        self.detailFormLabel3 = QLabel(self.detailPane)
        self.detailFormLabel3.setObjectName(u"detailFormLabel3")

        self.detailForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.detailFormLabel3)

        self.measuresEdit = QPlainTextEdit(self.detailPane)
        self.measuresEdit.setObjectName(u"measuresEdit")

        self.detailForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.measuresEdit)

        self.detailFormLabel4 = QLabel(self.detailPane)
        self.detailFormLabel4.setObjectName(u"detailFormLabel4")

        self.detailForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.detailFormLabel4)

        self.unitsEdit = QLineEdit(self.detailPane)
        self.unitsEdit.setObjectName(u"unitsEdit")

        self.detailForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.unitsEdit)

        self.detailFormLabel5 = QLabel(self.detailPane)
        self.detailFormLabel5.setObjectName(u"detailFormLabel5")

        self.detailForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.detailFormLabel5)

        self.deadlineCombo = QComboBox(self.detailPane)
        self.deadlineCombo.setObjectName(u"deadlineCombo")
        self.deadlineCombo.setEditable(True)

        self.detailForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.deadlineCombo)

        self.detailFormLabel6 = QLabel(self.detailPane)
        self.detailFormLabel6.setObjectName(u"detailFormLabel6")

        self.detailForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.detailFormLabel6)

        self.statusCombo = QComboBox(self.detailPane)
        self.statusCombo.setObjectName(u"statusCombo")

        self.detailForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.statusCombo)

        self.detailFormLabel7 = QLabel(self.detailPane)
        self.detailFormLabel7.setObjectName(u"detailFormLabel7")

        self.detailForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.detailFormLabel7)

        self.itemsEdit = QLineEdit(self.detailPane)
        self.itemsEdit.setObjectName(u"itemsEdit")

        self.detailForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.itemsEdit)


        self.detailLayout.addLayout(self.detailForm)

        self.saveButtons = QHBoxLayout()
        self.saveButtons.setObjectName(u"saveButtons")
        self.saveRowButton = QPushButton(self.detailPane)
        self.saveRowButton.setObjectName(u"saveRowButton")

        self.saveButtons.addWidget(self.saveRowButton)

        self.revertRowButton = QPushButton(self.detailPane)
        self.revertRowButton.setObjectName(u"revertRowButton")

        self.saveButtons.addWidget(self.revertRowButton)

        self.saveButtonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.saveButtons.addItem(self.saveButtonsSpacer)


        self.detailLayout.addLayout(self.saveButtons)

        self.progressLabel = QLabel(self.detailPane)
        self.progressLabel.setObjectName(u"progressLabel")

        self.detailLayout.addWidget(self.progressLabel)

        self.progressView = QPlainTextEdit(self.detailPane)
        self.progressView.setObjectName(u"progressView")
        self.progressView.setReadOnly(True)

        self.detailLayout.addWidget(self.progressView)

        self.progressButtons = QHBoxLayout()
        self.progressButtons.setObjectName(u"progressButtons")
        self.progressDate = QDateEdit(self.detailPane)
        self.progressDate.setObjectName(u"progressDate")
        self.progressDate.setCalendarPopup(True)

        self.progressButtons.addWidget(self.progressDate)

        self.progressEdit = QLineEdit(self.detailPane)
        self.progressEdit.setObjectName(u"progressEdit")

        self.progressButtons.addWidget(self.progressEdit)

        self.addProgressButton = QPushButton(self.detailPane)
        self.addProgressButton.setObjectName(u"addProgressButton")

        self.progressButtons.addWidget(self.addProgressButton)

        self.evidenceButton = QPushButton(self.detailPane)
        self.evidenceButton.setObjectName(u"evidenceButton")

        self.progressButtons.addWidget(self.evidenceButton)


        self.detailLayout.addLayout(self.progressButtons)

        self.detailScroll.setWidget(self.detailPane)
        self.rowSplitter.addWidget(self.detailScroll)

        self.rowsLayout.addWidget(self.rowSplitter)

        self.tabs.addTab(self.rowsTab, "")
        self.infoTab = QWidget()
        self.infoTab.setObjectName(u"infoTab")
        self.infoLayout = QVBoxLayout(self.infoTab)
        self.infoLayout.setObjectName(u"infoLayout")
        self.infoForm = QFormLayout()
        self.infoForm.setObjectName(u"infoForm")
        self.infoFormLabel0 = QLabel(self.infoTab)
        self.infoFormLabel0.setObjectName(u"infoFormLabel0")

        self.infoForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.infoFormLabel0)

        self.titleEdit = QLineEdit(self.infoTab)
        self.titleEdit.setObjectName(u"titleEdit")

        self.infoForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.infoFormLabel1 = QLabel(self.infoTab)
        self.infoFormLabel1.setObjectName(u"infoFormLabel1")

        self.infoForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.infoFormLabel1)

        self.opinionTitleEdit = QLineEdit(self.infoTab)
        self.opinionTitleEdit.setObjectName(u"opinionTitleEdit")

        self.infoForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.opinionTitleEdit)

        self.infoFormLabel2 = QLabel(self.infoTab)
        self.infoFormLabel2.setObjectName(u"infoFormLabel2")

        self.infoForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.infoFormLabel2)

        self.opinionIssuerEdit = QLineEdit(self.infoTab)
        self.opinionIssuerEdit.setObjectName(u"opinionIssuerEdit")

        self.infoForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.opinionIssuerEdit)

        self.infoFormLabel3 = QLabel(self.infoTab)
        self.infoFormLabel3.setObjectName(u"infoFormLabel3")

        self.infoForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.infoFormLabel3)

        self.opinionDateEdit = QLineEdit(self.infoTab)
        self.opinionDateEdit.setObjectName(u"opinionDateEdit")

        self.infoForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.opinionDateEdit)

        self.infoFormLabel4 = QLabel(self.infoTab)
        self.infoFormLabel4.setObjectName(u"infoFormLabel4")

        self.infoForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.infoFormLabel4)

        self.docNumberEdit = QLineEdit(self.infoTab)
        self.docNumberEdit.setObjectName(u"docNumberEdit")

        self.infoForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.docNumberEdit)

        self.headLabel = QLabel(self.infoTab)
        self.headLabel.setObjectName(u"headLabel")

        self.infoForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.headLabel)

        self.headCombo = QComboBox(self.infoTab)
        self.headCombo.setObjectName(u"headCombo")

        self.infoForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.headCombo)

        self.markLabel = QLabel(self.infoTab)
        self.markLabel.setObjectName(u"markLabel")

        self.infoForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.markLabel)

        self.markEdit = QLineEdit(self.infoTab)
        self.markEdit.setObjectName(u"markEdit")

        self.infoForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.markEdit)

        self.infoFormLabel5 = QLabel(self.infoTab)
        self.infoFormLabel5.setObjectName(u"infoFormLabel5")

        self.infoForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.infoFormLabel5)

        self.reportTitleEdit = QLineEdit(self.infoTab)
        self.reportTitleEdit.setObjectName(u"reportTitleEdit")

        self.infoForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.reportTitleEdit)

        self.infoFormLabel6 = QLabel(self.infoTab)
        self.infoFormLabel6.setObjectName(u"infoFormLabel6")

        self.infoForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.infoFormLabel6)

        self.reportDateEdit = QLineEdit(self.infoTab)
        self.reportDateEdit.setObjectName(u"reportDateEdit")

        self.infoForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.reportDateEdit)

        self.infoFormLabel7 = QLabel(self.infoTab)
        self.infoFormLabel7.setObjectName(u"infoFormLabel7")

        self.infoForm.setWidget(9, QFormLayout.ItemRole.LabelRole, self.infoFormLabel7)

        self.reportBodyEdit = QPlainTextEdit(self.infoTab)
        self.reportBodyEdit.setObjectName(u"reportBodyEdit")

        self.infoForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.reportBodyEdit)

        self.ccLabel = QLabel(self.infoTab)
        self.ccLabel.setObjectName(u"ccLabel")

        self.infoForm.setWidget(10, QFormLayout.ItemRole.LabelRole, self.ccLabel)

        self.ccEdit = QLineEdit(self.infoTab)
        self.ccEdit.setObjectName(u"ccEdit")

        self.infoForm.setWidget(10, QFormLayout.ItemRole.FieldRole, self.ccEdit)

        self.printedByLabel = QLabel(self.infoTab)
        self.printedByLabel.setObjectName(u"printedByLabel")

        self.infoForm.setWidget(11, QFormLayout.ItemRole.LabelRole, self.printedByLabel)

        self.printedByEdit = QLineEdit(self.infoTab)
        self.printedByEdit.setObjectName(u"printedByEdit")

        self.infoForm.setWidget(11, QFormLayout.ItemRole.FieldRole, self.printedByEdit)

        self.printedOnLabel = QLabel(self.infoTab)
        self.printedOnLabel.setObjectName(u"printedOnLabel")

        self.infoForm.setWidget(12, QFormLayout.ItemRole.LabelRole, self.printedOnLabel)

        self.printedOnEdit = QLineEdit(self.infoTab)
        self.printedOnEdit.setObjectName(u"printedOnEdit")

        self.infoForm.setWidget(12, QFormLayout.ItemRole.FieldRole, self.printedOnEdit)


        self.infoLayout.addLayout(self.infoForm)

        self.infoButtons = QHBoxLayout()
        self.infoButtons.setObjectName(u"infoButtons")
        self.saveInfoButton = QPushButton(self.infoTab)
        self.saveInfoButton.setObjectName(u"saveInfoButton")

        self.infoButtons.addWidget(self.saveInfoButton)

        self.infoButtonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.infoButtons.addItem(self.infoButtonsSpacer)


        self.infoLayout.addLayout(self.infoButtons)

        self.tabs.addTab(self.infoTab, "")
        self.mainSplitter.addWidget(self.tabs)

        self.mainLayout.addWidget(self.mainSplitter)

#if QT_CONFIG(shortcut)
        self.ccLabel.setBuddy(self.ccEdit)
        self.printedByLabel.setBuddy(self.printedByEdit)
        self.printedOnLabel.setBuddy(self.printedOnEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(RectificationView)

        QMetaObject.connectSlotsByName(RectificationView)
    # setupUi

    def retranslateUi(self, RectificationView):
        RectificationView.setWindowTitle(QCoreApplication.translate("RectificationView", u"\u6574\u6539\u6e05\u5355", None))
        self.listsLabel.setText(QCoreApplication.translate("RectificationView", u"\u6574\u6539\u6e05\u5355", None))
        self.newListButton.setText(QCoreApplication.translate("RectificationView", u"\u65b0\u5efa\u6e05\u5355", None))
        self.deleteListButton.setText(QCoreApplication.translate("RectificationView", u"\u5220\u9664\u6e05\u5355", None))
        self.importButton.setText(QCoreApplication.translate("RectificationView", u"\u5bfc\u5165 Excel\u2026", None))
        self.exportButton.setText(QCoreApplication.translate("RectificationView", u"\u5bfc\u51fa Excel\u2026", None))
        self.printAppendixButton.setText(QCoreApplication.translate("RectificationView", u"\u6253\u5370\u9644\u4ef6\u2026", None))
        self.printReportButton.setText(QCoreApplication.translate("RectificationView", u"\u6253\u5370\u62a5\u544a\u2026", None))
        self.addRowButton.setText(QCoreApplication.translate("RectificationView", u"\u65b0\u589e\u4e8b\u9879", None))
        self.deleteRowButton.setText(QCoreApplication.translate("RectificationView", u"\u5220\u9664\u4e8b\u9879", None))
        self.rowUpButton.setText(QCoreApplication.translate("RectificationView", u"\u4e0a\u79fb", None))
        self.rowDownButton.setText(QCoreApplication.translate("RectificationView", u"\u4e0b\u79fb", None))
        self.aspectUpButton.setText(QCoreApplication.translate("RectificationView", u"\u65b9\u9762\u4e0a\u79fb", None))
        self.aspectDownButton.setText(QCoreApplication.translate("RectificationView", u"\u65b9\u9762\u4e0b\u79fb", None))
        self.renameAspectButton.setText(QCoreApplication.translate("RectificationView", u"\u91cd\u547d\u540d\u65b9\u9762\u2026", None))
        self.deleteAspectButton.setText(QCoreApplication.translate("RectificationView", u"\u5220\u9664\u65b9\u9762", None))
        self.detailFormLabel0.setText(QCoreApplication.translate("RectificationView", u"\u4e3b\u8981\u65b9\u9762", None))
        self.detailFormLabel1.setText(QCoreApplication.translate("RectificationView", u"\u91cd\u70b9\u95ee\u9898", None))
        self.detailFormLabel2.setText(QCoreApplication.translate("RectificationView", u"\u610f\u89c1\u5efa\u8bae", None))
        self.detailFormLabel3.setText(QCoreApplication.translate("RectificationView", u"\u6574\u6539\u63aa\u65bd", None))
        self.detailFormLabel4.setText(QCoreApplication.translate("RectificationView", u"\u8d23\u4efb\u5355\u4f4d", None))
        self.unitsEdit.setPlaceholderText(QCoreApplication.translate("RectificationView", u"\u4ece\u5355\u4f4d\u5217\u8868\u9009\u53d6\uff0c\u6216\u5199 \u5404\u627f\u529e\u5355\u4f4d\uff1b\u591a\u4e2a\u5355\u4f4d\u7528\u7a7a\u683c\u5206\u5f00", None))
        self.detailFormLabel5.setText(QCoreApplication.translate("RectificationView", u"\u6574\u6539\u671f\u9650", None))
        self.detailFormLabel6.setText(QCoreApplication.translate("RectificationView", u"\u6574\u6539\u72b6\u6001", None))
        self.detailFormLabel7.setText(QCoreApplication.translate("RectificationView", u"\u5173\u8054\u5efa\u8bae\u63d0\u6848", None))
        self.itemsEdit.setPlaceholderText(QCoreApplication.translate("RectificationView", u"\u4f1a\u6b21 \u7f16\u53f7\uff0c\u591a\u4ef6\u7528\uff1b\u5206\u5f00\uff0c\u4f8b\u5982 \u533a\u4e8c\u5c4a\u4eba\u5927\u4e94\u6b21\u4f1a\u8bae 0035", None))
        self.saveRowButton.setText(QCoreApplication.translate("RectificationView", u"\u4fdd\u5b58\u4e8b\u9879", None))
        self.revertRowButton.setText(QCoreApplication.translate("RectificationView", u"\u653e\u5f03\u4fee\u6539", None))
        self.progressLabel.setText(QCoreApplication.translate("RectificationView", u"\u8fdb\u5c55\u60c5\u51b5", None))
        self.progressDate.setDisplayFormat(QCoreApplication.translate("RectificationView", u"yyyy-MM-dd", None))
        self.progressEdit.setPlaceholderText(QCoreApplication.translate("RectificationView", u"\u672c\u6b21\u8fdb\u5c55", None))
        self.addProgressButton.setText(QCoreApplication.translate("RectificationView", u"\u8bb0\u5f55\u8fdb\u5c55", None))
        self.evidenceButton.setText(QCoreApplication.translate("RectificationView", u"\u9644\u4f50\u8bc1\u6750\u6599\u2026", None))
        self.tabs.setTabText(self.tabs.indexOf(self.rowsTab), QCoreApplication.translate("RectificationView", u"\u6574\u6539\u4e8b\u9879", None))
        self.infoFormLabel0.setText(QCoreApplication.translate("RectificationView", u"\u6e05\u5355\u6807\u9898", None))
        self.infoFormLabel1.setText(QCoreApplication.translate("RectificationView", u"\u5ba1\u8bae\u610f\u89c1", None))
        self.infoFormLabel2.setText(QCoreApplication.translate("RectificationView", u"\u63d0\u51fa\u673a\u5173\uff08\u4e3b\u9001\uff09", None))
        self.opinionIssuerEdit.setPlaceholderText(QCoreApplication.translate("RectificationView", u"\u533a\u4eba\u5927\u5e38\u59d4\u4f1a", None))
        self.infoFormLabel3.setText(QCoreApplication.translate("RectificationView", u"\u5ba1\u8bae\u610f\u89c1\u65e5\u671f", None))
        self.opinionDateEdit.setPlaceholderText(QCoreApplication.translate("RectificationView", u"YYYY-MM-DD", None))
        self.infoFormLabel4.setText(QCoreApplication.translate("RectificationView", u"\u62a5\u544a\u6587\u53f7", None))
        self.docNumberEdit.setPlaceholderText(QCoreApplication.translate("RectificationView", u"\u6caa\u5d07\u5e9c\u53d1\u30142024\u301545\u53f7", None))
        self.headLabel.setText(QCoreApplication.translate("RectificationView", u"\u62a5\u544a\u7248\u5934", None))
#if QT_CONFIG(tooltip)
        self.headCombo.setToolTip(QCoreApplication.translate("RectificationView", u"\u6253\u5370\u62a5\u544a\u65f6\u7684\u7248\u5934\uff08\u4e0d\u968f\u6e05\u5355\u4fdd\u5b58\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.markLabel.setText(QCoreApplication.translate("RectificationView", u"\u53d1\u6587\u673a\u5173\u6807\u5fd7", None))
        self.markEdit.setPlaceholderText(QCoreApplication.translate("RectificationView", u"\u9ed8\u8ba4\uff1a\u7f72\u540d\u5355\u4f4d\u52a0\u201c\u6587\u4ef6\u201d\uff0c\u5982 \u4e0a\u6d77\u5e02\u5d07\u660e\u533a\u4eba\u6c11\u653f\u5e9c\u6587\u4ef6", None))
        self.infoFormLabel5.setText(QCoreApplication.translate("RectificationView", u"\u62a5\u544a\u6807\u9898", None))
        self.infoFormLabel6.setText(QCoreApplication.translate("RectificationView", u"\u62a5\u544a\u65e5\u671f", None))
        self.reportDateEdit.setPlaceholderText(QCoreApplication.translate("RectificationView", u"YYYY-MM-DD", None))
        self.infoFormLabel7.setText(QCoreApplication.translate("RectificationView", u"\u62a5\u544a\u6b63\u6587", None))
        self.reportBodyEdit.setPlaceholderText(QCoreApplication.translate("RectificationView", u"\u4e00\u6bb5\u4e00\u884c\uff1b\u4e00\u3001\u4e8c\u3001\u4e3a\u6807\u9898\uff1b**\u4e00\u662f\u2026\u2026\u3002** \u5370\u4e3a\u52a0\u7c97", None))
        self.ccLabel.setText(QCoreApplication.translate("RectificationView", u"\u7248\u8bb0\u00b7\u6284\u9001", None))
        self.ccEdit.setPlaceholderText(QCoreApplication.translate("RectificationView", u"\u533a\u4eba\u5927\u5e38\u59d4\u4f1a\u4ee3\u8868\u5de5\u4f5c\u5ba4\uff0c\u533a\u653f\u534f\u63d0\u6848\u59d4\u5458\u4f1a\uff08\u4e0d\u586b\u5219\u4e0d\u5370\uff09", None))
#if QT_CONFIG(tooltip)
        self.ccEdit.setToolTip(QCoreApplication.translate("RectificationView", u"\u5370\u5728\u62a5\u544a\u672b\u9875\u7248\u8bb0\u4e2d\uff1b\u591a\u4e2a\u673a\u5173\u7528\u987f\u53f7\u6216\u9017\u53f7\u5206\u9694", None))
#endif // QT_CONFIG(tooltip)
        self.printedByLabel.setText(QCoreApplication.translate("RectificationView", u"\u7248\u8bb0\u00b7\u5370\u53d1\u673a\u5173", None))
        self.printedByEdit.setPlaceholderText(QCoreApplication.translate("RectificationView", u"\u4e0a\u6d77\u5e02\u5d07\u660e\u533a\u4eba\u6c11\u653f\u5e9c\u529e\u516c\u5ba4\uff08\u4e0d\u586b\u5219\u4e0d\u5370\u7248\u8bb0\uff09", None))
#if QT_CONFIG(tooltip)
        self.printedByEdit.setToolTip(QCoreApplication.translate("RectificationView", u"\u586b\u5199\u5370\u53d1\u673a\u5173\u65f6\uff0c\u62a5\u544a\u672b\u9875\u5370\u7248\u8bb0\uff08\u5370\u53d1\u673a\u5173\u548c\u5370\u53d1\u65e5\u671f\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.printedOnLabel.setText(QCoreApplication.translate("RectificationView", u"\u7248\u8bb0\u00b7\u5370\u53d1\u65e5\u671f", None))
        self.printedOnEdit.setPlaceholderText(QCoreApplication.translate("RectificationView", u"YYYY-MM-DD\uff08\u4e0d\u586b\u5219\u7528\u62a5\u544a\u65e5\u671f\uff09", None))
#if QT_CONFIG(tooltip)
        self.printedOnEdit.setToolTip(QCoreApplication.translate("RectificationView", u"\u5370\u53d1\u65e5\u671f\uff0c\u683c\u5f0f YYYY-MM-DD\uff1b\u4e0d\u586b\u5219\u7528\u62a5\u544a\u65e5\u671f", None))
#endif // QT_CONFIG(tooltip)
        self.saveInfoButton.setText(QCoreApplication.translate("RectificationView", u"\u4fdd\u5b58\u6e05\u5355\u4fe1\u606f", None))
        self.tabs.setTabText(self.tabs.indexOf(self.infoTab), QCoreApplication.translate("RectificationView", u"\u6e05\u5355\u4e0e\u62a5\u544a", None))
    # retranslateUi

