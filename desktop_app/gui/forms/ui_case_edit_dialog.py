# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'case_edit_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QFrame, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QScrollArea, QSizePolicy, QSpacerItem, QSpinBox, QSplitter, QTabWidget, QTableView, QVBoxLayout, QWidget

from desktop_app.gui.widgets.case_date_edit import DateLineEdit

class Ui_CaseEditDialog(object):
    def setupUi(self, CaseEditDialog):
        if not CaseEditDialog.objectName():
            CaseEditDialog.setObjectName(u"CaseEditDialog")
        CaseEditDialog.resize(920, 680)
        self.dialogLayout = QVBoxLayout(CaseEditDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.readOnlyLabel = QLabel(CaseEditDialog)
        self.readOnlyLabel.setObjectName(u"readOnlyLabel")
        self.readOnlyLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.readOnlyLabel)

        self.sectionTabs = QTabWidget(CaseEditDialog)
        self.sectionTabs.setObjectName(u"sectionTabs")
        self.basicTab = QWidget()
        self.basicTab.setObjectName(u"basicTab")
        self.basicLayout = QGridLayout(self.basicTab)
        self.basicLayout.setObjectName(u"basicLayout")
        self.kindLabel = QLabel(self.basicTab)
        self.kindLabel.setObjectName(u"kindLabel")

        self.basicLayout.addWidget(self.kindLabel, 0, 0, 1, 1)

        self.kindCombo = QComboBox(self.basicTab)
        self.kindCombo.setObjectName(u"kindCombo")

        self.basicLayout.addWidget(self.kindCombo, 0, 1, 1, 1)

        self.sessionLabel = QLabel(self.basicTab)
        self.sessionLabel.setObjectName(u"sessionLabel")

        self.basicLayout.addWidget(self.sessionLabel, 0, 2, 1, 1)

        self.sessionCombo = QComboBox(self.basicTab)
        self.sessionCombo.setObjectName(u"sessionCombo")
        self.sessionCombo.setEditable(True)

        self.basicLayout.addWidget(self.sessionCombo, 0, 3, 1, 1)

        self.numberLabel = QLabel(self.basicTab)
        self.numberLabel.setObjectName(u"numberLabel")

        self.basicLayout.addWidget(self.numberLabel, 1, 0, 1, 1)

        self.numberEdit = QLineEdit(self.basicTab)
        self.numberEdit.setObjectName(u"numberEdit")

        self.basicLayout.addWidget(self.numberEdit, 1, 1, 1, 1)

        self.assignedOnLabel = QLabel(self.basicTab)
        self.assignedOnLabel.setObjectName(u"assignedOnLabel")

        self.basicLayout.addWidget(self.assignedOnLabel, 1, 2, 1, 1)

        self.assignedOnEdit = DateLineEdit(self.basicTab)
        self.assignedOnEdit.setObjectName(u"assignedOnEdit")

        self.basicLayout.addWidget(self.assignedOnEdit, 1, 3, 1, 1)

        self.titleLabel = QLabel(self.basicTab)
        self.titleLabel.setObjectName(u"titleLabel")

        self.basicLayout.addWidget(self.titleLabel, 2, 0, 1, 1)

        self.titleEdit = QLineEdit(self.basicTab)
        self.titleEdit.setObjectName(u"titleEdit")

        self.basicLayout.addWidget(self.titleEdit, 2, 1, 1, 3)

        self.categoryLabel = QLabel(self.basicTab)
        self.categoryLabel.setObjectName(u"categoryLabel")

        self.basicLayout.addWidget(self.categoryLabel, 3, 0, 1, 1)

        self.categoryEdit = QLineEdit(self.basicTab)
        self.categoryEdit.setObjectName(u"categoryEdit")

        self.basicLayout.addWidget(self.categoryEdit, 3, 1, 1, 1)

        self.raisedAtLabel = QLabel(self.basicTab)
        self.raisedAtLabel.setObjectName(u"raisedAtLabel")

        self.basicLayout.addWidget(self.raisedAtLabel, 3, 2, 1, 1)

        self.raisedAtCombo = QComboBox(self.basicTab)
        self.raisedAtCombo.setObjectName(u"raisedAtCombo")

        self.basicLayout.addWidget(self.raisedAtCombo, 3, 3, 1, 1)

        self.statusLabel = QLabel(self.basicTab)
        self.statusLabel.setObjectName(u"statusLabel")

        self.basicLayout.addWidget(self.statusLabel, 4, 0, 1, 1)

        self.statusCombo = QComboBox(self.basicTab)
        self.statusCombo.setObjectName(u"statusCombo")

        self.basicLayout.addWidget(self.statusCombo, 4, 1, 1, 1)

        self.feedbackWaitLabel = QLabel(self.basicTab)
        self.feedbackWaitLabel.setObjectName(u"feedbackWaitLabel")

        self.basicLayout.addWidget(self.feedbackWaitLabel, 4, 2, 1, 1)

        self.feedbackWaitEdit = QLineEdit(self.basicTab)
        self.feedbackWaitEdit.setObjectName(u"feedbackWaitEdit")

        self.basicLayout.addWidget(self.feedbackWaitEdit, 4, 3, 1, 1)

        self.flagsWidget = QWidget(self.basicTab)
        self.flagsWidget.setObjectName(u"flagsWidget")
        self.flagsLayout = QHBoxLayout(self.flagsWidget)
        self.flagsLayout.setObjectName(u"flagsLayout")
        self.flagsLayout.setContentsMargins(0, 0, 0, 0)
        self.keyCheck = QCheckBox(self.flagsWidget)
        self.keyCheck.setObjectName(u"keyCheck")

        self.flagsLayout.addWidget(self.keyCheck)

        self.supervisorLabel = QLabel(self.flagsWidget)
        self.supervisorLabel.setObjectName(u"supervisorLabel")

        self.flagsLayout.addWidget(self.supervisorLabel)

        self.supervisorEdit = QLineEdit(self.flagsWidget)
        self.supervisorEdit.setObjectName(u"supervisorEdit")

        self.flagsLayout.addWidget(self.supervisorEdit)

        self.leaderHandledCheck = QCheckBox(self.flagsWidget)
        self.leaderHandledCheck.setObjectName(u"leaderHandledCheck")

        self.flagsLayout.addWidget(self.leaderHandledCheck)

        self.leaderNameLabel = QLabel(self.flagsWidget)
        self.leaderNameLabel.setObjectName(u"leaderNameLabel")

        self.flagsLayout.addWidget(self.leaderNameLabel)

        self.leaderNameEdit = QLineEdit(self.flagsWidget)
        self.leaderNameEdit.setObjectName(u"leaderNameEdit")

        self.flagsLayout.addWidget(self.leaderNameEdit)

        self.secretCheck = QCheckBox(self.flagsWidget)
        self.secretCheck.setObjectName(u"secretCheck")

        self.flagsLayout.addWidget(self.secretCheck)

        self.flagsSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.flagsLayout.addItem(self.flagsSpacer)


        self.basicLayout.addWidget(self.flagsWidget, 5, 0, 1, 4)

        self.proposalGroup = QGroupBox(self.basicTab)
        self.proposalGroup.setObjectName(u"proposalGroup")
        self.proposalLayout = QHBoxLayout(self.proposalGroup)
        self.proposalLayout.setObjectName(u"proposalLayout")
        self.filingLabel = QLabel(self.proposalGroup)
        self.filingLabel.setObjectName(u"filingLabel")

        self.proposalLayout.addWidget(self.filingLabel)

        self.filingCombo = QComboBox(self.proposalGroup)
        self.filingCombo.setObjectName(u"filingCombo")

        self.proposalLayout.addWidget(self.filingCombo)

        self.filedOnLabel = QLabel(self.proposalGroup)
        self.filedOnLabel.setObjectName(u"filedOnLabel")

        self.proposalLayout.addWidget(self.filedOnLabel)

        self.filedOnEdit = DateLineEdit(self.proposalGroup)
        self.filedOnEdit.setObjectName(u"filedOnEdit")

        self.proposalLayout.addWidget(self.filedOnEdit)

        self.referenceDueLabel = QLabel(self.proposalGroup)
        self.referenceDueLabel.setObjectName(u"referenceDueLabel")

        self.proposalLayout.addWidget(self.referenceDueLabel)

        self.referenceDueEdit = DateLineEdit(self.proposalGroup)
        self.referenceDueEdit.setObjectName(u"referenceDueEdit")

        self.proposalLayout.addWidget(self.referenceDueEdit)

        self.mergedIntoLabel = QLabel(self.proposalGroup)
        self.mergedIntoLabel.setObjectName(u"mergedIntoLabel")

        self.proposalLayout.addWidget(self.mergedIntoLabel)

        self.mergedIntoEdit = QLineEdit(self.proposalGroup)
        self.mergedIntoEdit.setObjectName(u"mergedIntoEdit")

        self.proposalLayout.addWidget(self.mergedIntoEdit)

        self.mergedNumbersLabel = QLabel(self.proposalGroup)
        self.mergedNumbersLabel.setObjectName(u"mergedNumbersLabel")

        self.proposalLayout.addWidget(self.mergedNumbersLabel)

        self.proposalSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.proposalLayout.addItem(self.proposalSpacer)


        self.basicLayout.addWidget(self.proposalGroup, 6, 0, 1, 4)

        self.contentLabel = QLabel(self.basicTab)
        self.contentLabel.setObjectName(u"contentLabel")

        self.basicLayout.addWidget(self.contentLabel, 7, 0, 1, 1, Qt.AlignLeft|Qt.AlignTop)

        self.contentEdit = QPlainTextEdit(self.basicTab)
        self.contentEdit.setObjectName(u"contentEdit")
        self.contentEdit.setTabChangesFocus(True)

        self.basicLayout.addWidget(self.contentEdit, 7, 1, 1, 3)

        self.basicLayout.setColumnStretch(1, 1)
        self.basicLayout.setColumnStretch(3, 1)
        self.sectionTabs.addTab(self.basicTab, "")
        self.proposersTab = QWidget()
        self.proposersTab.setObjectName(u"proposersTab")
        self.proposersLayout = QVBoxLayout(self.proposersTab)
        self.proposersLayout.setObjectName(u"proposersLayout")
        self.proposerTableLayout = QHBoxLayout()
        self.proposerTableLayout.setObjectName(u"proposerTableLayout")
        self.proposersView = QTableView(self.proposersTab)
        self.proposersView.setObjectName(u"proposersView")

        self.proposerTableLayout.addWidget(self.proposersView)

        self.proposerButtonsLayout = QVBoxLayout()
        self.proposerButtonsLayout.setObjectName(u"proposerButtonsLayout")
        self.addProposerButton = QPushButton(self.proposersTab)
        self.addProposerButton.setObjectName(u"addProposerButton")

        self.proposerButtonsLayout.addWidget(self.addProposerButton)

        self.removeProposerButton = QPushButton(self.proposersTab)
        self.removeProposerButton.setObjectName(u"removeProposerButton")

        self.proposerButtonsLayout.addWidget(self.removeProposerButton)

        self.moveProposerUpButton = QPushButton(self.proposersTab)
        self.moveProposerUpButton.setObjectName(u"moveProposerUpButton")

        self.proposerButtonsLayout.addWidget(self.moveProposerUpButton)

        self.moveProposerDownButton = QPushButton(self.proposersTab)
        self.moveProposerDownButton.setObjectName(u"moveProposerDownButton")

        self.proposerButtonsLayout.addWidget(self.moveProposerDownButton)

        self.proposerButtonsSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.proposerButtonsLayout.addItem(self.proposerButtonsSpacer)


        self.proposerTableLayout.addLayout(self.proposerButtonsLayout)


        self.proposersLayout.addLayout(self.proposerTableLayout)

        self.proposerDetailGroup = QGroupBox(self.proposersTab)
        self.proposerDetailGroup.setObjectName(u"proposerDetailGroup")
        self.proposerDetailLayout = QGridLayout(self.proposerDetailGroup)
        self.proposerDetailLayout.setObjectName(u"proposerDetailLayout")
        self.proposerNameLabel = QLabel(self.proposerDetailGroup)
        self.proposerNameLabel.setObjectName(u"proposerNameLabel")

        self.proposerDetailLayout.addWidget(self.proposerNameLabel, 0, 0, 1, 1)

        self.proposerNameEdit = QLineEdit(self.proposerDetailGroup)
        self.proposerNameEdit.setObjectName(u"proposerNameEdit")

        self.proposerDetailLayout.addWidget(self.proposerNameEdit, 0, 1, 1, 1)

        self.proposerRoleLabel = QLabel(self.proposerDetailGroup)
        self.proposerRoleLabel.setObjectName(u"proposerRoleLabel")

        self.proposerDetailLayout.addWidget(self.proposerRoleLabel, 0, 2, 1, 1)

        self.proposerRoleCombo = QComboBox(self.proposerDetailGroup)
        self.proposerRoleCombo.setObjectName(u"proposerRoleCombo")

        self.proposerDetailLayout.addWidget(self.proposerRoleCombo, 0, 3, 1, 1)

        self.proposerTypeLabel = QLabel(self.proposerDetailGroup)
        self.proposerTypeLabel.setObjectName(u"proposerTypeLabel")

        self.proposerDetailLayout.addWidget(self.proposerTypeLabel, 1, 0, 1, 1)

        self.proposerTypeCombo = QComboBox(self.proposerDetailGroup)
        self.proposerTypeCombo.setObjectName(u"proposerTypeCombo")

        self.proposerDetailLayout.addWidget(self.proposerTypeCombo, 1, 1, 1, 1)

        self.delegationLabel = QLabel(self.proposerDetailGroup)
        self.delegationLabel.setObjectName(u"delegationLabel")

        self.proposerDetailLayout.addWidget(self.delegationLabel, 1, 2, 1, 1)

        self.delegationEdit = QLineEdit(self.proposerDetailGroup)
        self.delegationEdit.setObjectName(u"delegationEdit")

        self.proposerDetailLayout.addWidget(self.delegationEdit, 1, 3, 1, 1)

        self.proposerPhoneLabel = QLabel(self.proposerDetailGroup)
        self.proposerPhoneLabel.setObjectName(u"proposerPhoneLabel")

        self.proposerDetailLayout.addWidget(self.proposerPhoneLabel, 2, 0, 1, 1)

        self.proposerPhoneEdit = QLineEdit(self.proposerDetailGroup)
        self.proposerPhoneEdit.setObjectName(u"proposerPhoneEdit")

        self.proposerDetailLayout.addWidget(self.proposerPhoneEdit, 2, 1, 1, 1)

        self.proposerAddressLabel = QLabel(self.proposerDetailGroup)
        self.proposerAddressLabel.setObjectName(u"proposerAddressLabel")

        self.proposerDetailLayout.addWidget(self.proposerAddressLabel, 2, 2, 1, 1)

        self.proposerAddressEdit = QLineEdit(self.proposerDetailGroup)
        self.proposerAddressEdit.setObjectName(u"proposerAddressEdit")

        self.proposerDetailLayout.addWidget(self.proposerAddressEdit, 2, 3, 1, 1)

        self.proposerContactLabel = QLabel(self.proposerDetailGroup)
        self.proposerContactLabel.setObjectName(u"proposerContactLabel")

        self.proposerDetailLayout.addWidget(self.proposerContactLabel, 3, 0, 1, 1)

        self.proposerContactEdit = QLineEdit(self.proposerDetailGroup)
        self.proposerContactEdit.setObjectName(u"proposerContactEdit")

        self.proposerDetailLayout.addWidget(self.proposerContactEdit, 3, 1, 1, 1)

        self.privacyLabel = QLabel(self.proposerDetailGroup)
        self.privacyLabel.setObjectName(u"privacyLabel")

        self.proposerDetailLayout.addWidget(self.privacyLabel, 4, 0, 1, 4)

        self.proposerDetailLayout.setColumnStretch(1, 1)
        self.proposerDetailLayout.setColumnStretch(3, 1)

        self.proposersLayout.addWidget(self.proposerDetailGroup)

        self.proposersLayout.setStretch(0, 1)
        self.sectionTabs.addTab(self.proposersTab, "")
        self.unitsTab = QWidget()
        self.unitsTab.setObjectName(u"unitsTab")
        self.unitsLayout = QVBoxLayout(self.unitsTab)
        self.unitsLayout.setObjectName(u"unitsLayout")
        self.unitsSplitter = QSplitter(self.unitsTab)
        self.unitsSplitter.setObjectName(u"unitsSplitter")
        self.unitsSplitter.setOrientation(Qt.Vertical)
        self.unitsSplitter.setChildrenCollapsible(False)
        self.unitsTableWidget = QWidget(self.unitsSplitter)
        self.unitsTableWidget.setObjectName(u"unitsTableWidget")
        self.unitsTableOuter = QVBoxLayout(self.unitsTableWidget)
        self.unitsTableOuter.setObjectName(u"unitsTableOuter")
        self.unitsTableOuter.setContentsMargins(0, 0, 0, 0)
        self.unitTableLayout = QHBoxLayout()
        self.unitTableLayout.setObjectName(u"unitTableLayout")
        self.unitsView = QTableView(self.unitsTableWidget)
        self.unitsView.setObjectName(u"unitsView")

        self.unitTableLayout.addWidget(self.unitsView)

        self.unitButtonsLayout = QVBoxLayout()
        self.unitButtonsLayout.setObjectName(u"unitButtonsLayout")
        self.addUnitButton = QPushButton(self.unitsTableWidget)
        self.addUnitButton.setObjectName(u"addUnitButton")

        self.unitButtonsLayout.addWidget(self.addUnitButton)

        self.removeUnitButton = QPushButton(self.unitsTableWidget)
        self.removeUnitButton.setObjectName(u"removeUnitButton")

        self.unitButtonsLayout.addWidget(self.removeUnitButton)

        self.moveUnitUpButton = QPushButton(self.unitsTableWidget)
        self.moveUnitUpButton.setObjectName(u"moveUnitUpButton")

        self.unitButtonsLayout.addWidget(self.moveUnitUpButton)

        self.moveUnitDownButton = QPushButton(self.unitsTableWidget)
        self.moveUnitDownButton.setObjectName(u"moveUnitDownButton")

        self.unitButtonsLayout.addWidget(self.moveUnitDownButton)

        self.unitButtonsSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.unitButtonsLayout.addItem(self.unitButtonsSpacer)


        self.unitTableLayout.addLayout(self.unitButtonsLayout)


        self.unitsTableOuter.addLayout(self.unitTableLayout)

        self.unitsSplitter.addWidget(self.unitsTableWidget)
        self.unitDetailScroll = QScrollArea(self.unitsSplitter)
        self.unitDetailScroll.setObjectName(u"unitDetailScroll")
        self.unitDetailScroll.setWidgetResizable(True)
        self.unitDetailScroll.setFrameShape(QFrame.NoFrame)
        self.unitDetailWidget = QWidget()
        self.unitDetailWidget.setObjectName(u"unitDetailWidget")
        self.unitDetailLayout = QVBoxLayout(self.unitDetailWidget)
        self.unitDetailLayout.setObjectName(u"unitDetailLayout")
        self.unitMainLayout = QGridLayout()
        self.unitMainLayout.setObjectName(u"unitMainLayout")
        self.unitLabel = QLabel(self.unitDetailWidget)
        self.unitLabel.setObjectName(u"unitLabel")

        self.unitMainLayout.addWidget(self.unitLabel, 0, 0, 1, 1)

        self.unitCombo = QComboBox(self.unitDetailWidget)
        self.unitCombo.setObjectName(u"unitCombo")
        self.unitCombo.setEditable(True)

        self.unitMainLayout.addWidget(self.unitCombo, 0, 1, 1, 1)

        self.unitRoleLabel = QLabel(self.unitDetailWidget)
        self.unitRoleLabel.setObjectName(u"unitRoleLabel")

        self.unitMainLayout.addWidget(self.unitRoleLabel, 0, 2, 1, 1)

        self.unitRoleCombo = QComboBox(self.unitDetailWidget)
        self.unitRoleCombo.setObjectName(u"unitRoleCombo")

        self.unitMainLayout.addWidget(self.unitRoleCombo, 0, 3, 1, 1)

        self.signedOnLabel = QLabel(self.unitDetailWidget)
        self.signedOnLabel.setObjectName(u"signedOnLabel")

        self.unitMainLayout.addWidget(self.signedOnLabel, 1, 0, 1, 1)

        self.signedOnEdit = DateLineEdit(self.unitDetailWidget)
        self.signedOnEdit.setObjectName(u"signedOnEdit")

        self.unitMainLayout.addWidget(self.signedOnEdit, 1, 1, 1, 1)

        self.leaderLabel = QLabel(self.unitDetailWidget)
        self.leaderLabel.setObjectName(u"leaderLabel")

        self.unitMainLayout.addWidget(self.leaderLabel, 1, 2, 1, 1)

        self.leaderEdit = QLineEdit(self.unitDetailWidget)
        self.leaderEdit.setObjectName(u"leaderEdit")

        self.unitMainLayout.addWidget(self.leaderEdit, 1, 3, 1, 1)

        self.sectionLabel = QLabel(self.unitDetailWidget)
        self.sectionLabel.setObjectName(u"sectionLabel")

        self.unitMainLayout.addWidget(self.sectionLabel, 2, 0, 1, 1)

        self.sectionEdit = QLineEdit(self.unitDetailWidget)
        self.sectionEdit.setObjectName(u"sectionEdit")

        self.unitMainLayout.addWidget(self.sectionEdit, 2, 1, 1, 1)

        self.handlerLabel = QLabel(self.unitDetailWidget)
        self.handlerLabel.setObjectName(u"handlerLabel")

        self.unitMainLayout.addWidget(self.handlerLabel, 2, 2, 1, 1)

        self.handlerEdit = QLineEdit(self.unitDetailWidget)
        self.handlerEdit.setObjectName(u"handlerEdit")

        self.unitMainLayout.addWidget(self.handlerEdit, 2, 3, 1, 1)

        self.handlerPhoneLabel = QLabel(self.unitDetailWidget)
        self.handlerPhoneLabel.setObjectName(u"handlerPhoneLabel")

        self.unitMainLayout.addWidget(self.handlerPhoneLabel, 3, 0, 1, 1)

        self.handlerPhoneEdit = QLineEdit(self.unitDetailWidget)
        self.handlerPhoneEdit.setObjectName(u"handlerPhoneEdit")

        self.unitMainLayout.addWidget(self.handlerPhoneEdit, 3, 1, 1, 1)

        self.unitAssignedOnLabel = QLabel(self.unitDetailWidget)
        self.unitAssignedOnLabel.setObjectName(u"unitAssignedOnLabel")

        self.unitMainLayout.addWidget(self.unitAssignedOnLabel, 3, 2, 1, 1)

        self.unitAssignedOnEdit = DateLineEdit(self.unitDetailWidget)
        self.unitAssignedOnEdit.setObjectName(u"unitAssignedOnEdit")

        self.unitMainLayout.addWidget(self.unitAssignedOnEdit, 3, 3, 1, 1)

        self.designatedCheck = QCheckBox(self.unitDetailWidget)
        self.designatedCheck.setObjectName(u"designatedCheck")

        self.unitMainLayout.addWidget(self.designatedCheck, 4, 1, 1, 1)

        self.unitMainLayout.setColumnStretch(1, 1)
        self.unitMainLayout.setColumnStretch(3, 1)

        self.unitDetailLayout.addLayout(self.unitMainLayout)

        self.unitGroupsLayout = QHBoxLayout()
        self.unitGroupsLayout.setObjectName(u"unitGroupsLayout")
        self.opinionGroup = QGroupBox(self.unitDetailWidget)
        self.opinionGroup.setObjectName(u"opinionGroup")
        self.opinionLayout = QFormLayout(self.opinionGroup)
        self.opinionLayout.setObjectName(u"opinionLayout")
        self.opinionSentLabel = QLabel(self.opinionGroup)
        self.opinionSentLabel.setObjectName(u"opinionSentLabel")

        self.opinionLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.opinionSentLabel)

        self.opinionSentEdit = DateLineEdit(self.opinionGroup)
        self.opinionSentEdit.setObjectName(u"opinionSentEdit")

        self.opinionLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.opinionSentEdit)

        self.opinionReceivedLabel = QLabel(self.opinionGroup)
        self.opinionReceivedLabel.setObjectName(u"opinionReceivedLabel")

        self.opinionLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.opinionReceivedLabel)

        self.opinionReceivedEdit = DateLineEdit(self.opinionGroup)
        self.opinionReceivedEdit.setObjectName(u"opinionReceivedEdit")

        self.opinionLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.opinionReceivedEdit)

        self.opinionTextLabel = QLabel(self.opinionGroup)
        self.opinionTextLabel.setObjectName(u"opinionTextLabel")

        self.opinionLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.opinionTextLabel)

        self.opinionTextEdit = QPlainTextEdit(self.opinionGroup)
        self.opinionTextEdit.setObjectName(u"opinionTextEdit")
        self.opinionTextEdit.setMaximumSize(QSize(16777215, 16777215))
        self.opinionTextEdit.setTabChangesFocus(True)

        self.opinionLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.opinionTextEdit)


        self.unitGroupsLayout.addWidget(self.opinionGroup)

        self.returnGroup = QGroupBox(self.unitDetailWidget)
        self.returnGroup.setObjectName(u"returnGroup")
        self.returnLayout = QFormLayout(self.returnGroup)
        self.returnLayout.setObjectName(u"returnLayout")
        self.returnRequestedLabel = QLabel(self.returnGroup)
        self.returnRequestedLabel.setObjectName(u"returnRequestedLabel")

        self.returnLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.returnRequestedLabel)

        self.returnRequestedEdit = DateLineEdit(self.returnGroup)
        self.returnRequestedEdit.setObjectName(u"returnRequestedEdit")

        self.returnLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.returnRequestedEdit)

        self.returnOutcomeLabel = QLabel(self.returnGroup)
        self.returnOutcomeLabel.setObjectName(u"returnOutcomeLabel")

        self.returnLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.returnOutcomeLabel)

        self.returnOutcomeCombo = QComboBox(self.returnGroup)
        self.returnOutcomeCombo.setObjectName(u"returnOutcomeCombo")

        self.returnLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.returnOutcomeCombo)

        self.returnDecidedLabel = QLabel(self.returnGroup)
        self.returnDecidedLabel.setObjectName(u"returnDecidedLabel")

        self.returnLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.returnDecidedLabel)

        self.returnDecidedEdit = DateLineEdit(self.returnGroup)
        self.returnDecidedEdit.setObjectName(u"returnDecidedEdit")

        self.returnLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.returnDecidedEdit)

        self.returnLateReasonLabel = QLabel(self.returnGroup)
        self.returnLateReasonLabel.setObjectName(u"returnLateReasonLabel")

        self.returnLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.returnLateReasonLabel)

        self.returnLateReasonEdit = QLineEdit(self.returnGroup)
        self.returnLateReasonEdit.setObjectName(u"returnLateReasonEdit")

        self.returnLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.returnLateReasonEdit)

        self.returnReasonLabel = QLabel(self.returnGroup)
        self.returnReasonLabel.setObjectName(u"returnReasonLabel")

        self.returnLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.returnReasonLabel)

        self.returnReasonEdit = QPlainTextEdit(self.returnGroup)
        self.returnReasonEdit.setObjectName(u"returnReasonEdit")
        self.returnReasonEdit.setMaximumSize(QSize(16777215, 16777215))
        self.returnReasonEdit.setTabChangesFocus(True)

        self.returnLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.returnReasonEdit)


        self.unitGroupsLayout.addWidget(self.returnGroup)

        self.extensionGroup = QGroupBox(self.unitDetailWidget)
        self.extensionGroup.setObjectName(u"extensionGroup")
        self.extensionLayout = QFormLayout(self.extensionGroup)
        self.extensionLayout.setObjectName(u"extensionLayout")
        self.extensionRequestedLabel = QLabel(self.extensionGroup)
        self.extensionRequestedLabel.setObjectName(u"extensionRequestedLabel")

        self.extensionLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.extensionRequestedLabel)

        self.extensionRequestedEdit = DateLineEdit(self.extensionGroup)
        self.extensionRequestedEdit.setObjectName(u"extensionRequestedEdit")

        self.extensionLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.extensionRequestedEdit)

        self.extensionMonthsLabel = QLabel(self.extensionGroup)
        self.extensionMonthsLabel.setObjectName(u"extensionMonthsLabel")

        self.extensionLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.extensionMonthsLabel)

        self.extensionMonthsSpin = QSpinBox(self.extensionGroup)
        self.extensionMonthsSpin.setObjectName(u"extensionMonthsSpin")
        self.extensionMonthsSpin.setMaximum(3)

        self.extensionLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.extensionMonthsSpin)

        self.extensionApprovedLabel = QLabel(self.extensionGroup)
        self.extensionApprovedLabel.setObjectName(u"extensionApprovedLabel")

        self.extensionLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.extensionApprovedLabel)

        self.extensionApprovedEdit = DateLineEdit(self.extensionGroup)
        self.extensionApprovedEdit.setObjectName(u"extensionApprovedEdit")

        self.extensionLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.extensionApprovedEdit)

        self.extensionApproverLabel = QLabel(self.extensionGroup)
        self.extensionApproverLabel.setObjectName(u"extensionApproverLabel")

        self.extensionLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.extensionApproverLabel)

        self.extensionApproverEdit = QLineEdit(self.extensionGroup)
        self.extensionApproverEdit.setObjectName(u"extensionApproverEdit")

        self.extensionLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.extensionApproverEdit)

        self.extensionToldLabel = QLabel(self.extensionGroup)
        self.extensionToldLabel.setObjectName(u"extensionToldLabel")

        self.extensionLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.extensionToldLabel)

        self.extensionToldEdit = DateLineEdit(self.extensionGroup)
        self.extensionToldEdit.setObjectName(u"extensionToldEdit")

        self.extensionLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.extensionToldEdit)

        self.extensionReasonLabel = QLabel(self.extensionGroup)
        self.extensionReasonLabel.setObjectName(u"extensionReasonLabel")

        self.extensionLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.extensionReasonLabel)

        self.extensionReasonEdit = QPlainTextEdit(self.extensionGroup)
        self.extensionReasonEdit.setObjectName(u"extensionReasonEdit")
        self.extensionReasonEdit.setMaximumSize(QSize(16777215, 16777215))
        self.extensionReasonEdit.setTabChangesFocus(True)

        self.extensionLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.extensionReasonEdit)


        self.unitGroupsLayout.addWidget(self.extensionGroup)


        self.unitDetailLayout.addLayout(self.unitGroupsLayout)

        self.unitDetailScroll.setWidget(self.unitDetailWidget)
        self.unitsSplitter.addWidget(self.unitDetailScroll)

        self.unitsLayout.addWidget(self.unitsSplitter)

        self.sectionTabs.addTab(self.unitsTab, "")
        self.contactsTab = QWidget()
        self.contactsTab.setObjectName(u"contactsTab")
        self.contactsLayout = QVBoxLayout(self.contactsTab)
        self.contactsLayout.setObjectName(u"contactsLayout")
        self.contactTableLayout = QHBoxLayout()
        self.contactTableLayout.setObjectName(u"contactTableLayout")
        self.contactsView = QTableView(self.contactsTab)
        self.contactsView.setObjectName(u"contactsView")

        self.contactTableLayout.addWidget(self.contactsView)

        self.contactButtonsLayout = QVBoxLayout()
        self.contactButtonsLayout.setObjectName(u"contactButtonsLayout")
        self.addContactButton = QPushButton(self.contactsTab)
        self.addContactButton.setObjectName(u"addContactButton")

        self.contactButtonsLayout.addWidget(self.addContactButton)

        self.removeContactButton = QPushButton(self.contactsTab)
        self.removeContactButton.setObjectName(u"removeContactButton")

        self.contactButtonsLayout.addWidget(self.removeContactButton)

        self.moveContactUpButton = QPushButton(self.contactsTab)
        self.moveContactUpButton.setObjectName(u"moveContactUpButton")

        self.contactButtonsLayout.addWidget(self.moveContactUpButton)

        self.moveContactDownButton = QPushButton(self.contactsTab)
        self.moveContactDownButton.setObjectName(u"moveContactDownButton")

        self.contactButtonsLayout.addWidget(self.moveContactDownButton)

        self.contactButtonsSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.contactButtonsLayout.addItem(self.contactButtonsSpacer)


        self.contactTableLayout.addLayout(self.contactButtonsLayout)


        self.contactsLayout.addLayout(self.contactTableLayout)

        self.contactDetailGroup = QGroupBox(self.contactsTab)
        self.contactDetailGroup.setObjectName(u"contactDetailGroup")
        self.contactDetailLayout = QGridLayout(self.contactDetailGroup)
        self.contactDetailLayout.setObjectName(u"contactDetailLayout")
        self.contactDateLabel = QLabel(self.contactDetailGroup)
        self.contactDateLabel.setObjectName(u"contactDateLabel")

        self.contactDetailLayout.addWidget(self.contactDateLabel, 0, 0, 1, 1)

        self.contactDateEdit = DateLineEdit(self.contactDetailGroup)
        self.contactDateEdit.setObjectName(u"contactDateEdit")

        self.contactDetailLayout.addWidget(self.contactDateEdit, 0, 1, 1, 1)

        self.contactWayLabel = QLabel(self.contactDetailGroup)
        self.contactWayLabel.setObjectName(u"contactWayLabel")

        self.contactDetailLayout.addWidget(self.contactWayLabel, 0, 2, 1, 1)

        self.contactWayCombo = QComboBox(self.contactDetailGroup)
        self.contactWayCombo.setObjectName(u"contactWayCombo")

        self.contactDetailLayout.addWidget(self.contactWayCombo, 0, 3, 1, 1)

        self.participantsLabel = QLabel(self.contactDetailGroup)
        self.participantsLabel.setObjectName(u"participantsLabel")

        self.contactDetailLayout.addWidget(self.participantsLabel, 1, 0, 1, 1)

        self.participantsEdit = QLineEdit(self.contactDetailGroup)
        self.participantsEdit.setObjectName(u"participantsEdit")

        self.contactDetailLayout.addWidget(self.participantsEdit, 1, 1, 1, 2)

        self.deputyPresentCheck = QCheckBox(self.contactDetailGroup)
        self.deputyPresentCheck.setObjectName(u"deputyPresentCheck")

        self.contactDetailLayout.addWidget(self.deputyPresentCheck, 1, 3, 1, 1)

        self.summaryLabel = QLabel(self.contactDetailGroup)
        self.summaryLabel.setObjectName(u"summaryLabel")

        self.contactDetailLayout.addWidget(self.summaryLabel, 2, 0, 1, 1, Qt.AlignLeft|Qt.AlignTop)

        self.summaryEdit = QPlainTextEdit(self.contactDetailGroup)
        self.summaryEdit.setObjectName(u"summaryEdit")
        self.summaryEdit.setMaximumSize(QSize(16777215, 90))
        self.summaryEdit.setTabChangesFocus(True)

        self.contactDetailLayout.addWidget(self.summaryEdit, 2, 1, 1, 3)

        self.contactDetailLayout.setColumnStretch(1, 1)
        self.contactDetailLayout.setColumnStretch(3, 1)

        self.contactsLayout.addWidget(self.contactDetailGroup)

        self.contactsLayout.setStretch(0, 1)
        self.sectionTabs.addTab(self.contactsTab, "")
        self.replyTab = QWidget()
        self.replyTab.setObjectName(u"replyTab")
        self.replyLayout = QGridLayout(self.replyTab)
        self.replyLayout.setObjectName(u"replyLayout")
        self.docNumberLabel = QLabel(self.replyTab)
        self.docNumberLabel.setObjectName(u"docNumberLabel")

        self.replyLayout.addWidget(self.docNumberLabel, 0, 0, 1, 1)

        self.docNumberEdit = QLineEdit(self.replyTab)
        self.docNumberEdit.setObjectName(u"docNumberEdit")

        self.replyLayout.addWidget(self.docNumberEdit, 0, 1, 1, 1)

        self.signerLabel = QLabel(self.replyTab)
        self.signerLabel.setObjectName(u"signerLabel")

        self.replyLayout.addWidget(self.signerLabel, 0, 2, 1, 1)

        self.signerEdit = QLineEdit(self.replyTab)
        self.signerEdit.setObjectName(u"signerEdit")

        self.replyLayout.addWidget(self.signerEdit, 0, 3, 1, 1)

        self.repliedOnLabel = QLabel(self.replyTab)
        self.repliedOnLabel.setObjectName(u"repliedOnLabel")

        self.replyLayout.addWidget(self.repliedOnLabel, 1, 0, 1, 1)

        self.repliedOnEdit = DateLineEdit(self.replyTab)
        self.repliedOnEdit.setObjectName(u"repliedOnEdit")

        self.replyLayout.addWidget(self.repliedOnEdit, 1, 1, 1, 1)

        self.resultLabel = QLabel(self.replyTab)
        self.resultLabel.setObjectName(u"resultLabel")

        self.replyLayout.addWidget(self.resultLabel, 1, 2, 1, 1)

        self.resultCombo = QComboBox(self.replyTab)
        self.resultCombo.setObjectName(u"resultCombo")

        self.replyLayout.addWidget(self.resultCombo, 1, 3, 1, 1)

        self.disclosureLabel = QLabel(self.replyTab)
        self.disclosureLabel.setObjectName(u"disclosureLabel")

        self.replyLayout.addWidget(self.disclosureLabel, 2, 0, 1, 1)

        self.disclosureCombo = QComboBox(self.replyTab)
        self.disclosureCombo.setObjectName(u"disclosureCombo")

        self.replyLayout.addWidget(self.disclosureCombo, 2, 1, 1, 1)

        self.disclosureReasonLabel = QLabel(self.replyTab)
        self.disclosureReasonLabel.setObjectName(u"disclosureReasonLabel")

        self.replyLayout.addWidget(self.disclosureReasonLabel, 2, 2, 1, 1)

        self.disclosureReasonEdit = QLineEdit(self.replyTab)
        self.disclosureReasonEdit.setObjectName(u"disclosureReasonEdit")

        self.replyLayout.addWidget(self.disclosureReasonEdit, 2, 3, 1, 1)

        self.contactPersonLabel = QLabel(self.replyTab)
        self.contactPersonLabel.setObjectName(u"contactPersonLabel")

        self.replyLayout.addWidget(self.contactPersonLabel, 3, 0, 1, 1)

        self.contactPersonEdit = QLineEdit(self.replyTab)
        self.contactPersonEdit.setObjectName(u"contactPersonEdit")

        self.replyLayout.addWidget(self.contactPersonEdit, 3, 1, 1, 1)

        self.contactPhoneLabel = QLabel(self.replyTab)
        self.contactPhoneLabel.setObjectName(u"contactPhoneLabel")

        self.replyLayout.addWidget(self.contactPhoneLabel, 3, 2, 1, 1)

        self.contactPhoneEdit = QLineEdit(self.replyTab)
        self.contactPhoneEdit.setObjectName(u"contactPhoneEdit")

        self.replyLayout.addWidget(self.contactPhoneEdit, 3, 3, 1, 1)

        self.ccLabel = QLabel(self.replyTab)
        self.ccLabel.setObjectName(u"ccLabel")

        self.replyLayout.addWidget(self.ccLabel, 4, 0, 1, 1)

        self.ccEdit = QLineEdit(self.replyTab)
        self.ccEdit.setObjectName(u"ccEdit")

        self.replyLayout.addWidget(self.ccEdit, 4, 1, 1, 3)

        self.publishedOnLabel = QLabel(self.replyTab)
        self.publishedOnLabel.setObjectName(u"publishedOnLabel")

        self.replyLayout.addWidget(self.publishedOnLabel, 5, 0, 1, 1)

        self.publishedOnEdit = DateLineEdit(self.replyTab)
        self.publishedOnEdit.setObjectName(u"publishedOnEdit")

        self.replyLayout.addWidget(self.publishedOnEdit, 5, 1, 1, 1)

        self.publicationChannelLabel = QLabel(self.replyTab)
        self.publicationChannelLabel.setObjectName(u"publicationChannelLabel")

        self.replyLayout.addWidget(self.publicationChannelLabel, 5, 2, 1, 1)

        self.publicationChannelCombo = QComboBox(self.replyTab)
        self.publicationChannelCombo.setObjectName(u"publicationChannelCombo")
        self.publicationChannelCombo.setEditable(True)

        self.replyLayout.addWidget(self.publicationChannelCombo, 5, 3, 1, 1)

        self.publicationAddressLabel = QLabel(self.replyTab)
        self.publicationAddressLabel.setObjectName(u"publicationAddressLabel")

        self.replyLayout.addWidget(self.publicationAddressLabel, 6, 0, 1, 1)

        self.publicationAddressEdit = QLineEdit(self.replyTab)
        self.publicationAddressEdit.setObjectName(u"publicationAddressEdit")

        self.replyLayout.addWidget(self.publicationAddressEdit, 6, 1, 1, 3)

        self.replyBodyLabel = QLabel(self.replyTab)
        self.replyBodyLabel.setObjectName(u"replyBodyLabel")

        self.replyLayout.addWidget(self.replyBodyLabel, 7, 0, 1, 1, Qt.AlignLeft|Qt.AlignTop)

        self.replyBodyEdit = QPlainTextEdit(self.replyTab)
        self.replyBodyEdit.setObjectName(u"replyBodyEdit")
        self.replyBodyEdit.setTabChangesFocus(True)

        self.replyLayout.addWidget(self.replyBodyEdit, 7, 1, 1, 3)

        self.otherRepliesLabel = QLabel(self.replyTab)
        self.otherRepliesLabel.setObjectName(u"otherRepliesLabel")

        self.replyLayout.addWidget(self.otherRepliesLabel, 8, 0, 1, 4)

        self.finaliseLayout = QHBoxLayout()
        self.finaliseLayout.setObjectName(u"finaliseLayout")
        self.finaliseStateLabel = QLabel(self.replyTab)
        self.finaliseStateLabel.setObjectName(u"finaliseStateLabel")
        self.finaliseStateLabel.setWordWrap(True)

        self.finaliseLayout.addWidget(self.finaliseStateLabel)

        self.finaliseButton = QPushButton(self.replyTab)
        self.finaliseButton.setObjectName(u"finaliseButton")

        self.finaliseLayout.addWidget(self.finaliseButton)

        self.unfinaliseButton = QPushButton(self.replyTab)
        self.unfinaliseButton.setObjectName(u"unfinaliseButton")

        self.finaliseLayout.addWidget(self.unfinaliseButton)

        self.finaliseLayout.setStretch(0, 1)

        self.replyLayout.addLayout(self.finaliseLayout, 9, 0, 1, 4)

        self.replyLayout.setColumnStretch(1, 1)
        self.replyLayout.setColumnStretch(3, 1)
        self.sectionTabs.addTab(self.replyTab, "")
        self.attachmentsTab = QWidget()
        self.attachmentsTab.setObjectName(u"attachmentsTab")
        self.attachmentsLayout = QHBoxLayout(self.attachmentsTab)
        self.attachmentsLayout.setObjectName(u"attachmentsLayout")
        self.attachmentsView = QTableView(self.attachmentsTab)
        self.attachmentsView.setObjectName(u"attachmentsView")

        self.attachmentsLayout.addWidget(self.attachmentsView)

        self.attachmentButtonsLayout = QVBoxLayout()
        self.attachmentButtonsLayout.setObjectName(u"attachmentButtonsLayout")
        self.addAttachmentButton = QPushButton(self.attachmentsTab)
        self.addAttachmentButton.setObjectName(u"addAttachmentButton")

        self.attachmentButtonsLayout.addWidget(self.addAttachmentButton)

        self.openAttachmentButton = QPushButton(self.attachmentsTab)
        self.openAttachmentButton.setObjectName(u"openAttachmentButton")

        self.attachmentButtonsLayout.addWidget(self.openAttachmentButton)

        self.saveAttachmentAsButton = QPushButton(self.attachmentsTab)
        self.saveAttachmentAsButton.setObjectName(u"saveAttachmentAsButton")

        self.attachmentButtonsLayout.addWidget(self.saveAttachmentAsButton)

        self.removeAttachmentButton = QPushButton(self.attachmentsTab)
        self.removeAttachmentButton.setObjectName(u"removeAttachmentButton")

        self.attachmentButtonsLayout.addWidget(self.removeAttachmentButton)

        self.attachmentButtonsSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.attachmentButtonsLayout.addItem(self.attachmentButtonsSpacer)


        self.attachmentsLayout.addLayout(self.attachmentButtonsLayout)

        self.sectionTabs.addTab(self.attachmentsTab, "")
        self.historyTab = QWidget()
        self.historyTab.setObjectName(u"historyTab")
        self.historyLayout = QVBoxLayout(self.historyTab)
        self.historyLayout.setObjectName(u"historyLayout")
        self.historyView = QTableView(self.historyTab)
        self.historyView.setObjectName(u"historyView")

        self.historyLayout.addWidget(self.historyView)

        self.sectionTabs.addTab(self.historyTab, "")

        self.dialogLayout.addWidget(self.sectionTabs)

        self.buttonsLayout = QHBoxLayout()
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.deleteButton = QPushButton(CaseEditDialog)
        self.deleteButton.setObjectName(u"deleteButton")

        self.buttonsLayout.addWidget(self.deleteButton)

        self.printButton = QPushButton(CaseEditDialog)
        self.printButton.setObjectName(u"printButton")

        self.buttonsLayout.addWidget(self.printButton)

        self.buttonsSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonsLayout.addItem(self.buttonsSpacer)

        self.saveButton = QPushButton(CaseEditDialog)
        self.saveButton.setObjectName(u"saveButton")

        self.buttonsLayout.addWidget(self.saveButton)

        self.closeButton = QPushButton(CaseEditDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonsLayout.addWidget(self.closeButton)


        self.dialogLayout.addLayout(self.buttonsLayout)

#if QT_CONFIG(shortcut)
        self.kindLabel.setBuddy(self.kindCombo)
        self.sessionLabel.setBuddy(self.sessionCombo)
        self.numberLabel.setBuddy(self.numberEdit)
        self.assignedOnLabel.setBuddy(self.assignedOnEdit)
        self.titleLabel.setBuddy(self.titleEdit)
        self.categoryLabel.setBuddy(self.categoryEdit)
        self.raisedAtLabel.setBuddy(self.raisedAtCombo)
        self.statusLabel.setBuddy(self.statusCombo)
        self.feedbackWaitLabel.setBuddy(self.feedbackWaitEdit)
        self.supervisorLabel.setBuddy(self.supervisorEdit)
        self.leaderNameLabel.setBuddy(self.leaderNameEdit)
        self.filingLabel.setBuddy(self.filingCombo)
        self.filedOnLabel.setBuddy(self.filedOnEdit)
        self.referenceDueLabel.setBuddy(self.referenceDueEdit)
        self.mergedIntoLabel.setBuddy(self.mergedIntoEdit)
        self.contentLabel.setBuddy(self.contentEdit)
        self.proposerNameLabel.setBuddy(self.proposerNameEdit)
        self.proposerRoleLabel.setBuddy(self.proposerRoleCombo)
        self.proposerTypeLabel.setBuddy(self.proposerTypeCombo)
        self.delegationLabel.setBuddy(self.delegationEdit)
        self.proposerPhoneLabel.setBuddy(self.proposerPhoneEdit)
        self.proposerAddressLabel.setBuddy(self.proposerAddressEdit)
        self.proposerContactLabel.setBuddy(self.proposerContactEdit)
        self.unitLabel.setBuddy(self.unitCombo)
        self.unitRoleLabel.setBuddy(self.unitRoleCombo)
        self.signedOnLabel.setBuddy(self.signedOnEdit)
        self.leaderLabel.setBuddy(self.leaderEdit)
        self.sectionLabel.setBuddy(self.sectionEdit)
        self.handlerLabel.setBuddy(self.handlerEdit)
        self.handlerPhoneLabel.setBuddy(self.handlerPhoneEdit)
        self.unitAssignedOnLabel.setBuddy(self.unitAssignedOnEdit)
        self.opinionSentLabel.setBuddy(self.opinionSentEdit)
        self.opinionReceivedLabel.setBuddy(self.opinionReceivedEdit)
        self.opinionTextLabel.setBuddy(self.opinionTextEdit)
        self.returnRequestedLabel.setBuddy(self.returnRequestedEdit)
        self.returnOutcomeLabel.setBuddy(self.returnOutcomeCombo)
        self.returnDecidedLabel.setBuddy(self.returnDecidedEdit)
        self.returnLateReasonLabel.setBuddy(self.returnLateReasonEdit)
        self.returnReasonLabel.setBuddy(self.returnReasonEdit)
        self.extensionRequestedLabel.setBuddy(self.extensionRequestedEdit)
        self.extensionMonthsLabel.setBuddy(self.extensionMonthsSpin)
        self.extensionApprovedLabel.setBuddy(self.extensionApprovedEdit)
        self.extensionApproverLabel.setBuddy(self.extensionApproverEdit)
        self.extensionToldLabel.setBuddy(self.extensionToldEdit)
        self.extensionReasonLabel.setBuddy(self.extensionReasonEdit)
        self.contactDateLabel.setBuddy(self.contactDateEdit)
        self.contactWayLabel.setBuddy(self.contactWayCombo)
        self.participantsLabel.setBuddy(self.participantsEdit)
        self.summaryLabel.setBuddy(self.summaryEdit)
        self.docNumberLabel.setBuddy(self.docNumberEdit)
        self.signerLabel.setBuddy(self.signerEdit)
        self.repliedOnLabel.setBuddy(self.repliedOnEdit)
        self.resultLabel.setBuddy(self.resultCombo)
        self.disclosureLabel.setBuddy(self.disclosureCombo)
        self.disclosureReasonLabel.setBuddy(self.disclosureReasonEdit)
        self.contactPersonLabel.setBuddy(self.contactPersonEdit)
        self.contactPhoneLabel.setBuddy(self.contactPhoneEdit)
        self.ccLabel.setBuddy(self.ccEdit)
        self.publishedOnLabel.setBuddy(self.publishedOnEdit)
        self.publicationChannelLabel.setBuddy(self.publicationChannelCombo)
        self.publicationAddressLabel.setBuddy(self.publicationAddressEdit)
        self.replyBodyLabel.setBuddy(self.replyBodyEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(CaseEditDialog)

        self.sectionTabs.setCurrentIndex(0)
        self.saveButton.setDefault(True)


        QMetaObject.connectSlotsByName(CaseEditDialog)
    # setupUi

    def retranslateUi(self, CaseEditDialog):
        CaseEditDialog.setWindowTitle(QCoreApplication.translate("CaseEditDialog", u"\u7f16\u8f91", None))
        self.readOnlyLabel.setText("")
        self.kindLabel.setText(QCoreApplication.translate("CaseEditDialog", u"\u7c7b\u578b(&K)", None))
        self.sessionLabel.setText(QCoreApplication.translate("CaseEditDialog", u"\u5c4a\u6b21(&E)", None))
        self.numberLabel.setText(QCoreApplication.translate("CaseEditDialog", u"\u7f16\u53f7(&N)", None))
        self.numberEdit.setPlaceholderText(QCoreApplication.translate("CaseEditDialog", u"\u5982 0035", None))
        self.assignedOnLabel.setText(QCoreApplication.translate("CaseEditDialog", u"\u4ea4\u529e\u65e5\u671f(&A)", None))
        self.titleLabel.setText(QCoreApplication.translate("CaseEditDialog", u"\u6807\u9898(&T)", None))
        self.categoryLabel.setText(QCoreApplication.translate("CaseEditDialog", u"\u5206\u7c7b(&G)", None))
        self.categoryEdit.setPlaceholderText(QCoreApplication.translate("CaseEditDialog", u"\u5982 \u57ce\u5efa\u3001\u6559\u80b2", None))
        self.raisedAtLabel.setText(QCoreApplication.translate("CaseEditDialog", u"\u5927\u4f1a/\u95ed\u4f1a(&M)", None))
        self.statusLabel.setText(QCoreApplication.translate("CaseEditDialog", u"\u72b6\u6001(&Z)", None))
        self.feedbackWaitLabel.setText(QCoreApplication.translate("CaseEditDialog", u"\u672a\u53cd\u9988\u8bf4\u660e(&B)", None))
        self.feedbackWaitEdit.setPlaceholderText(QCoreApplication.translate("CaseEditDialog", u"\u4ee3\u8868\u786e\u672a\u53cd\u9988\u65f6\u5199\u660e\u60c5\u51b5\uff0c\u65b9\u53ef\u529e\u7ed3", None))
        self.keyCheck.setText(QCoreApplication.translate("CaseEditDialog", u"\u91cd\u70b9\u7763\u529e(&Y)", None))
        self.supervisorLabel.setText(QCoreApplication.translate("CaseEditDialog", u"\u7763\u529e\u9886\u5bfc(&O)", None))
        self.supervisorEdit.setPlaceholderText(QCoreApplication.translate("CaseEditDialog", u"\u7763\u529e\u7684\u9886\u5bfc", None))
        self.leaderHandledCheck.setText(QCoreApplication.translate("CaseEditDialog", u"\u533a\u9886\u5bfc\u4eb2\u81ea\u529e\u7406(&L)", None))
        self.leaderNameLabel.setText(QCoreApplication.translate("CaseEditDialog", u"\u9886\u5bfc\u59d3\u540d(&X)", None))
        self.leaderNameEdit.setPlaceholderText(QCoreApplication.translate("CaseEditDialog", u"\u533a\u9886\u5bfc\u59d3\u540d", None))
        self.secretCheck.setText(QCoreApplication.translate("CaseEditDialog", u"\u6d89\u5bc6(&J)", None))
        self.proposalGroup.setTitle(QCoreApplication.translate("CaseEditDialog", u"\u653f\u534f\u63d0\u6848", None))
        self.filingLabel.setText(QCoreApplication.translate("CaseEditDialog", u"\u7acb\u6848\u60c5\u51b5(&F)", None))
#if QT_CONFIG(tooltip)
        self.filingCombo.setToolTip(QCoreApplication.translate("CaseEditDialog", u"\u63d0\u6848\u59d4\u5458\u4f1a\u7684\u5ba1\u67e5\u51b3\u5b9a\uff1a\u7acb\u6848\uff0c\u6216\u4e0d\u7acb\u6848\uff08\u4f5c\u4e3a\u610f\u89c1\u8f6c\u6709\u5173\u90e8\u95e8\u53c2\u8003\uff0c\u4e0d\u8ba1\u5165\u7acb\u6848\u63d0\u6848\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.filedOnLabel.setText(QCoreApplication.translate("CaseEditDialog", u"\u51b3\u5b9a\u65e5\u671f(&I)", None))
        self.referenceDueLabel.setText(QCoreApplication.translate("CaseEditDialog", u"\u53c2\u8003\u4ef6\u7b54\u590d\u65e5\u671f(&U)", None))
#if QT_CONFIG(tooltip)
        self.referenceDueEdit.setToolTip(QCoreApplication.translate("CaseEditDialog", u"\u4e0d\u7acb\u6848\u7684\u610f\u89c1\u9ed8\u8ba4\u6ca1\u6709\u7b54\u590d\u671f\u9650\uff1b\u63d0\u6848\u59d4\u5458\u4f1a\u6216\u533a\u653f\u5e9c\u529e\u516c\u5ba4\u8981\u6c42\u7b54\u590d\u65f6\uff0c\u586b\u5199\u8981\u6c42\u7684\u65e5\u671f", None))
#endif // QT_CONFIG(tooltip)
        self.mergedIntoLabel.setText(QCoreApplication.translate("CaseEditDialog", u"\u5e76\u5165\u63d0\u6848(&V)", None))
        self.mergedIntoEdit.setPlaceholderText(QCoreApplication.translate("CaseEditDialog", u"\u4e3b\u63d0\u6848\u7f16\u53f7", None))
#if QT_CONFIG(tooltip)
        self.mergedIntoEdit.setToolTip(QCoreApplication.translate("CaseEditDialog", u"\u5e76\u6848\uff1a\u51e0\u4ef6\u63d0\u6848\u5408\u5e76\u529e\u7406\u65f6\uff0c\u586b\u5199\u4e3b\u63d0\u6848\u7684\u7f16\u53f7\uff1b\u7b54\u590d\u4ee5\u4e3b\u63d0\u6848\u529e\u7406\uff0c\u6bcf\u4ef6\u63d0\u6848\u4fdd\u7559\u81ea\u5df1\u7684\u7f16\u53f7\uff0c\u7b54\u590d\u51fd\u53d1\u7ed9\u6bcf\u4ef6\u63d0\u6848\u7684\u6bcf\u4f4d\u63d0\u6848\u4eba", None))
#endif // QT_CONFIG(tooltip)
        self.mergedNumbersLabel.setText("")
        self.contentLabel.setText(QCoreApplication.translate("CaseEditDialog", u"\u5185\u5bb9(&C)", None))
        self.sectionTabs.setTabText(self.sectionTabs.indexOf(self.basicTab), QCoreApplication.translate("CaseEditDialog", u"&1 \u57fa\u672c\u4fe1\u606f", None))
        self.addProposerButton.setText(QCoreApplication.translate("CaseEditDialog", u"\u65b0\u589e(&N)", None))
        self.removeProposerButton.setText(QCoreApplication.translate("CaseEditDialog", u"\u79fb\u9664(&R)", None))
        self.moveProposerUpButton.setText(QCoreApplication.translate("CaseEditDialog", u"\u4e0a\u79fb(&U)", None))
        self.moveProposerDownButton.setText(QCoreApplication.translate("CaseEditDialog", u"\u4e0b\u79fb(&O)", None))
        self.proposerDetailGroup.setTitle(QCoreApplication.translate("CaseEditDialog", u"\u6240\u9009\u4ee3\u8868", None))
        self.proposerNameLabel.setText(QCoreApplication.translate("CaseEditDialog", u"\u59d3\u540d(&M)", None))
        self.proposerNameEdit.setPlaceholderText(QCoreApplication.translate("CaseEditDialog", u"\u8f93\u5165\u59d3\u540d\uff0c\u53ef\u4ece\u540d\u5f55\u4e2d\u9009\u62e9", None))
        self.proposerRoleLabel.setText(QCoreApplication.translate("CaseEditDialog", u"\u9886\u8854/\u8054\u540d(&L)", None))
        self.proposerTypeLabel.setText(QCoreApplication.translate("CaseEditDialog", u"\u7c7b\u578b(&T)", None))
        self.delegationLabel.setText(QCoreApplication.translate("CaseEditDialog", u"\u4ee3\u8868\u56e2/\u754c\u522b(&G)", None))
        self.proposerPhoneLabel.setText(QCoreApplication.translate("CaseEditDialog", u"\u8054\u7cfb\u7535\u8bdd(&H)", None))
        self.proposerAddressLabel.setText(QCoreApplication.translate("CaseEditDialog", u"\u5730\u5740(&E)", None))
        self.proposerContactLabel.setText(QCoreApplication.translate("CaseEditDialog", u"\u8054\u7cfb\u4eba(&K)", None))
        self.proposerContactEdit.setPlaceholderText(QCoreApplication.translate("CaseEditDialog", u"\u96c6\u4f53\u63d0\u6848\uff08\u515a\u6d3e\u3001\u56e2\u4f53\u3001\u4e13\u59d4\u4f1a\uff09\u7684\u8054\u7cfb\u4eba", None))
        self.privacyLabel.setText(QCoreApplication.translate("CaseEditDialog", u"\u8054\u7cfb\u65b9\u5f0f\u4ec5\u672c\u673a\u4fdd\u5b58\uff0c\u4e0d\u5bf9\u5916\u516c\u5f00", None))
        self.sectionTabs.setTabText(self.sectionTabs.indexOf(self.proposersTab), QCoreApplication.translate("CaseEditDialog", u"&2 \u4ee3\u8868", None))
        self.addUnitButton.setText(QCoreApplication.translate("CaseEditDialog", u"\u65b0\u589e", None))
        self.removeUnitButton.setText(QCoreApplication.translate("CaseEditDialog", u"\u79fb\u9664", None))
        self.moveUnitUpButton.setText(QCoreApplication.translate("CaseEditDialog", u"\u4e0a\u79fb", None))
        self.moveUnitDownButton.setText(QCoreApplication.translate("CaseEditDialog", u"\u4e0b\u79fb", None))
        self.unitLabel.setText(QCoreApplication.translate("CaseEditDialog", u"\u5355\u4f4d(&W)", None))
        self.unitRoleLabel.setText(QCoreApplication.translate("CaseEditDialog", u"\u89d2\u8272(&J)", None))
        self.signedOnLabel.setText(QCoreApplication.translate("CaseEditDialog", u"\u7b7e\u6536\u65e5\u671f(&Q)", None))
        self.leaderLabel.setText(QCoreApplication.translate("CaseEditDialog", u"\u8d23\u4efb\u9886\u5bfc(&L)", None))
        self.sectionLabel.setText(QCoreApplication.translate("CaseEditDialog", u"\u627f\u529e\u79d1\u5ba4(&K)", None))
        self.handlerLabel.setText(QCoreApplication.translate("CaseEditDialog", u"\u627f\u529e\u4eba(&P)", None))
        self.handlerPhoneLabel.setText(QCoreApplication.translate("CaseEditDialog", u"\u7535\u8bdd(&H)", None))
        self.unitAssignedOnLabel.setText(QCoreApplication.translate("CaseEditDialog", u"\u672c\u5355\u4f4d\u4ea4\u529e\u65e5\u671f(&C)", None))
#if QT_CONFIG(tooltip)
        self.unitAssignedOnEdit.setToolTip(QCoreApplication.translate("CaseEditDialog", u"\u8c03\u6574\u5206\u529e\u6216\u6307\u5b9a\u529e\u7406\u65f6\uff0c\u6b64\u5355\u4f4d\u6536\u5230\u4ea4\u529e\u7684\u65e5\u671f\uff1b\u7559\u7a7a\u5373\u540c\u672c\u4ef6\u4ea4\u529e\u65e5\u671f\u3002\u6b64\u5355\u4f4d\u7684\u671f\u9650\u4ece\u8fd9\u4e00\u5929\u7b97\u8d77\u3002", None))
#endif // QT_CONFIG(tooltip)
        self.designatedCheck.setText(QCoreApplication.translate("CaseEditDialog", u"\u6307\u5b9a\u529e\u7406(&N)", None))
        self.opinionGroup.setTitle(QCoreApplication.translate("CaseEditDialog", u"\u4f1a\u529e\u610f\u89c1", None))
        self.opinionSentLabel.setText(QCoreApplication.translate("CaseEditDialog", u"\u53d1\u51fa\u65e5\u671f(&F)", None))
        self.opinionReceivedLabel.setText(QCoreApplication.translate("CaseEditDialog", u"\u6536\u5230\u65e5\u671f(&V)", None))
        self.opinionTextLabel.setText(QCoreApplication.translate("CaseEditDialog", u"\u610f\u89c1\u5185\u5bb9(&Y)", None))
        self.returnGroup.setTitle(QCoreApplication.translate("CaseEditDialog", u"\u9000\u56de", None))
        self.returnRequestedLabel.setText(QCoreApplication.translate("CaseEditDialog", u"\u7533\u8bf7\u65e5\u671f(&B)", None))
        self.returnOutcomeLabel.setText(QCoreApplication.translate("CaseEditDialog", u"\u7ed3\u679c(&G)", None))
        self.returnDecidedLabel.setText(QCoreApplication.translate("CaseEditDialog", u"\u51b3\u5b9a\u65e5\u671f(&X)", None))
        self.returnLateReasonLabel.setText(QCoreApplication.translate("CaseEditDialog", u"\u903e\u671f\u7406\u7531(&R)", None))
        self.returnLateReasonEdit.setPlaceholderText(QCoreApplication.translate("CaseEditDialog", u"\u7b7e\u6536 7 \u4e2a\u5de5\u4f5c\u65e5\u540e\u7533\u8bf7\u9000\u56de\u65f6\u5fc5\u586b", None))
        self.returnReasonLabel.setText(QCoreApplication.translate("CaseEditDialog", u"\u9000\u56de\u7406\u7531(&Z)", None))
        self.extensionGroup.setTitle(QCoreApplication.translate("CaseEditDialog", u"\u5ef6\u671f", None))
        self.extensionRequestedLabel.setText(QCoreApplication.translate("CaseEditDialog", u"\u7533\u8bf7\u65e5\u671f(&E)", None))
        self.extensionMonthsLabel.setText(QCoreApplication.translate("CaseEditDialog", u"\u5ef6\u671f\u6708\u6570(&M)", None))
        self.extensionMonthsSpin.setSpecialValueText(QCoreApplication.translate("CaseEditDialog", u"\u672a\u586b", None))
        self.extensionMonthsSpin.setSuffix(QCoreApplication.translate("CaseEditDialog", u" \u4e2a\u6708", None))
        self.extensionApprovedLabel.setText(QCoreApplication.translate("CaseEditDialog", u"\u6279\u51c6\u65e5\u671f(&T)", None))
        self.extensionApproverLabel.setText(QCoreApplication.translate("CaseEditDialog", u"\u6279\u51c6\u4eba(&A)", None))
        self.extensionToldLabel.setText(QCoreApplication.translate("CaseEditDialog", u"\u544a\u77e5\u4ee3\u8868\u65e5\u671f(&O)", None))
        self.extensionReasonLabel.setText(QCoreApplication.translate("CaseEditDialog", u"\u5ef6\u671f\u7406\u7531(&I)", None))
        self.sectionTabs.setTabText(self.sectionTabs.indexOf(self.unitsTab), QCoreApplication.translate("CaseEditDialog", u"&3 \u529e\u7406\u5355\u4f4d", None))
        self.addContactButton.setText(QCoreApplication.translate("CaseEditDialog", u"\u65b0\u589e(&N)", None))
        self.removeContactButton.setText(QCoreApplication.translate("CaseEditDialog", u"\u79fb\u9664(&R)", None))
        self.moveContactUpButton.setText(QCoreApplication.translate("CaseEditDialog", u"\u4e0a\u79fb(&U)", None))
        self.moveContactDownButton.setText(QCoreApplication.translate("CaseEditDialog", u"\u4e0b\u79fb(&O)", None))
        self.contactDetailGroup.setTitle(QCoreApplication.translate("CaseEditDialog", u"\u6240\u9009\u6c9f\u901a\u8bb0\u5f55", None))
        self.contactDateLabel.setText(QCoreApplication.translate("CaseEditDialog", u"\u65e5\u671f(&T)", None))
        self.contactWayLabel.setText(QCoreApplication.translate("CaseEditDialog", u"\u65b9\u5f0f(&W)", None))
        self.participantsLabel.setText(QCoreApplication.translate("CaseEditDialog", u"\u53c2\u52a0\u4eba\u5458(&P)", None))
#if QT_CONFIG(tooltip)
        self.deputyPresentCheck.setToolTip(QCoreApplication.translate("CaseEditDialog", u"\u4ee3\u8868\uff08\u6216\u8054\u540d\u4ee3\u8868\uff09\u672c\u4eba\u53c2\u52a0\u4e86\u8fd9\u6b21\u6c9f\u901a\u3002\u89c1\u9762\u7387\u53ea\u8ba1\u4ea4\u529e\u4e4b\u540e\u3001\u7b54\u590d\u4e4b\u524d\uff0c\u4ee3\u8868\u672c\u4eba\u53c2\u52a0\u7684\u89c1\u9762\u3001\u5ea7\u8c08\u3001\u5b9e\u5730\u8c03\u7814\u3001\u73b0\u573a\u529e\u516c\u6216\u89c6\u5bdf\u3002", None))
#endif // QT_CONFIG(tooltip)
        self.deputyPresentCheck.setText(QCoreApplication.translate("CaseEditDialog", u"\u4ee3\u8868\u672c\u4eba\u53c2\u52a0(&E)", None))
        self.summaryLabel.setText(QCoreApplication.translate("CaseEditDialog", u"\u5185\u5bb9\u6458\u8981(&Y)", None))
        self.sectionTabs.setTabText(self.sectionTabs.indexOf(self.contactsTab), QCoreApplication.translate("CaseEditDialog", u"&4 \u6c9f\u901a\u8bb0\u5f55", None))
        self.docNumberLabel.setText(QCoreApplication.translate("CaseEditDialog", u"\u6587\u53f7(&W)", None))
        self.docNumberEdit.setPlaceholderText(QCoreApplication.translate("CaseEditDialog", u"\u5982 \u5d07\u4ea4\u30142024\u301512\u53f7", None))
        self.signerLabel.setText(QCoreApplication.translate("CaseEditDialog", u"\u7b7e\u53d1\u4eba(&Q)", None))
        self.repliedOnLabel.setText(QCoreApplication.translate("CaseEditDialog", u"\u7b54\u590d\u65e5\u671f(&T)", None))
        self.resultLabel.setText(QCoreApplication.translate("CaseEditDialog", u"\u529e\u7406\u7ed3\u679c(&J)", None))
        self.disclosureLabel.setText(QCoreApplication.translate("CaseEditDialog", u"\u516c\u5f00\u5c5e\u6027(&G)", None))
        self.disclosureReasonLabel.setText(QCoreApplication.translate("CaseEditDialog", u"\u4e0d\u516c\u5f00\u7406\u7531(&L)", None))
        self.contactPersonLabel.setText(QCoreApplication.translate("CaseEditDialog", u"\u8054\u7cfb\u4eba(&P)", None))
        self.contactPhoneLabel.setText(QCoreApplication.translate("CaseEditDialog", u"\u8054\u7cfb\u7535\u8bdd(&H)", None))
        self.ccLabel.setText(QCoreApplication.translate("CaseEditDialog", u"\u6284\u9001(&C)", None))
        self.publishedOnLabel.setText(QCoreApplication.translate("CaseEditDialog", u"\u516c\u5f00\u53d1\u5e03\u65e5\u671f(&B)", None))
#if QT_CONFIG(tooltip)
        self.publishedOnEdit.setToolTip(QCoreApplication.translate("CaseEditDialog", u"\u5b9a\u7a3f\u7684\u201c\u6b64\u4ef6\u516c\u5f00\u53d1\u5e03\u201d\u7b54\u590d\u5b9e\u9645\u516c\u5f00\u53d1\u5e03\u7684\u65e5\u671f\uff1b\u7b54\u590d\u540e 20 \u4e2a\u5de5\u4f5c\u65e5\u4ecd\u672a\u53d1\u5e03\u7684\uff0c\u671f\u9650\u770b\u677f\u5217\u4e3a\u8d85\u671f\u3002\u516c\u5f00\u7387\u53ea\u8ba1\u6709\u53d1\u5e03\u8bb0\u5f55\u7684\u4ef6\u3002", None))
#endif // QT_CONFIG(tooltip)
        self.publicationChannelLabel.setText(QCoreApplication.translate("CaseEditDialog", u"\u53d1\u5e03\u6e20\u9053(&N)", None))
        self.publicationAddressLabel.setText(QCoreApplication.translate("CaseEditDialog", u"\u53d1\u5e03\u7f51\u5740(&K)", None))
        self.publicationAddressEdit.setPlaceholderText(QCoreApplication.translate("CaseEditDialog", u"\u53ef\u4e0d\u586b\uff0c\u5982 https://www.cmx.gov.cn/...", None))
        self.replyBodyLabel.setText(QCoreApplication.translate("CaseEditDialog", u"\u6b63\u6587(&Z)", None))
        self.otherRepliesLabel.setText("")
        self.finaliseStateLabel.setText("")
#if QT_CONFIG(tooltip)
        self.finaliseButton.setToolTip(QCoreApplication.translate("CaseEditDialog", u"\u4fdd\u5b58\u5e76\u628a\u672c\u7b54\u590d\u6807\u4e3a\u5b9a\u7a3f\uff1a\u68c0\u67e5\u7b54\u590d\u65e5\u671f\u3001\u529e\u7406\u7ed3\u679c\u3001\u627f\u8bfa\u4e8b\u9879\u3001\u4f1a\u529e\u610f\u89c1\u3001\u8054\u5408\u529e\u7406\u548c\u529e\u7406\u6e05\u5355\u5173\u5361\uff1b\u5b9a\u7a3f\u540e\u72b6\u6001\u6539\u4e3a\u201c\u5df2\u7b54\u590d\u201d\u3002", None))
#endif // QT_CONFIG(tooltip)
        self.finaliseButton.setText(QCoreApplication.translate("CaseEditDialog", u"\u5b9a\u7a3f(&F)\u2026", None))
#if QT_CONFIG(tooltip)
        self.unfinaliseButton.setToolTip(QCoreApplication.translate("CaseEditDialog", u"\u628a\u5df2\u5b9a\u7a3f\u7684\u7b54\u590d\u6539\u56de\u8349\u7a3f\uff1b\u987b\u5199\u660e\u7406\u7531\uff0c\u7406\u7531\u8bb0\u5165\u4fee\u6539\u8bb0\u5f55\u3002", None))
#endif // QT_CONFIG(tooltip)
        self.unfinaliseButton.setText(QCoreApplication.translate("CaseEditDialog", u"\u53d6\u6d88\u5b9a\u7a3f(&U)\u2026", None))
        self.sectionTabs.setTabText(self.sectionTabs.indexOf(self.replyTab), QCoreApplication.translate("CaseEditDialog", u"&5 \u7b54\u590d", None))
        self.addAttachmentButton.setText(QCoreApplication.translate("CaseEditDialog", u"\u6dfb\u52a0(&A)\u2026", None))
#if QT_CONFIG(tooltip)
        self.openAttachmentButton.setToolTip(QCoreApplication.translate("CaseEditDialog", u"\u7528\u672c\u673a\u5173\u8054\u7684\u7a0b\u5e8f\u6253\u5f00\u6240\u9009\u9644\u4ef6\uff08\u53cc\u51fb\u4e5f\u53ef\u6253\u5f00\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.openAttachmentButton.setText(QCoreApplication.translate("CaseEditDialog", u"\u6253\u5f00(&O)", None))
        self.saveAttachmentAsButton.setText(QCoreApplication.translate("CaseEditDialog", u"\u53e6\u5b58\u4e3a(&V)\u2026", None))
        self.removeAttachmentButton.setText(QCoreApplication.translate("CaseEditDialog", u"\u5220\u9664\u9644\u4ef6(&R)", None))
        self.sectionTabs.setTabText(self.sectionTabs.indexOf(self.attachmentsTab), QCoreApplication.translate("CaseEditDialog", u"&7 \u9644\u4ef6", None))
        self.sectionTabs.setTabText(self.sectionTabs.indexOf(self.historyTab), QCoreApplication.translate("CaseEditDialog", u"&8 \u5386\u53f2", None))
        self.deleteButton.setText(QCoreApplication.translate("CaseEditDialog", u"\u5220\u9664(&D)\u2026", None))
#if QT_CONFIG(tooltip)
        self.printButton.setToolTip(QCoreApplication.translate("CaseEditDialog", u"\u9884\u89c8\u5e76\u6253\u5370\u672c\u4ef6\u7684\u516c\u6587\uff08Ctrl+P\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.printButton.setText(QCoreApplication.translate("CaseEditDialog", u"\u6253\u5370\u2026", None))
        self.saveButton.setText(QCoreApplication.translate("CaseEditDialog", u"\u4fdd\u5b58(&S)", None))
        self.closeButton.setText(QCoreApplication.translate("CaseEditDialog", u"\u5173\u95ed", None))
    # retranslateUi

