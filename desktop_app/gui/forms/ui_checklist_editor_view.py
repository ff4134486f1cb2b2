# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'checklist_editor_view.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QCheckBox, QComboBox, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem, QSpinBox, QSplitter, QToolButton, QTreeWidget, QVBoxLayout, QWidget

class Ui_ChecklistEditorView(object):
    def setupUi(self, ChecklistEditorView):
        if not ChecklistEditorView.objectName():
            ChecklistEditorView.setObjectName(u"ChecklistEditorView")
        ChecklistEditorView.resize(980, 640)
        self.mainLayout = QVBoxLayout(ChecklistEditorView)
        self.mainLayout.setObjectName(u"mainLayout")
        self.templateLayout = QHBoxLayout()
        self.templateLayout.setObjectName(u"templateLayout")
        self.templateLabel = QLabel(ChecklistEditorView)
        self.templateLabel.setObjectName(u"templateLabel")

        self.templateLayout.addWidget(self.templateLabel)

        self.templateCombo = QComboBox(ChecklistEditorView)
        self.templateCombo.setObjectName(u"templateCombo")
        self.templateCombo.setMinimumContentsLength(16)

        self.templateLayout.addWidget(self.templateCombo)

        self.versionLabel = QLabel(ChecklistEditorView)
        self.versionLabel.setObjectName(u"versionLabel")

        self.templateLayout.addWidget(self.versionLabel)

        self.templateSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.templateLayout.addItem(self.templateSpacer)

        self.importButton = QPushButton(ChecklistEditorView)
        self.importButton.setObjectName(u"importButton")

        self.templateLayout.addWidget(self.importButton)

        self.exportButton = QPushButton(ChecklistEditorView)
        self.exportButton.setObjectName(u"exportButton")

        self.templateLayout.addWidget(self.exportButton)


        self.mainLayout.addLayout(self.templateLayout)

        self.splitter = QSplitter(ChecklistEditorView)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.treePane = QWidget(self.splitter)
        self.treePane.setObjectName(u"treePane")
        self.treeLayout = QVBoxLayout(self.treePane)
        self.treeLayout.setObjectName(u"treeLayout")
        self.treeLayout.setContentsMargins(0, 0, 0, 0)
        self.treeButtons = QHBoxLayout()
        self.treeButtons.setObjectName(u"treeButtons")
        self.addButton = QToolButton(self.treePane)
        self.addButton.setObjectName(u"addButton")

        self.treeButtons.addWidget(self.addButton)

        self.addChildButton = QToolButton(self.treePane)
        self.addChildButton.setObjectName(u"addChildButton")

        self.treeButtons.addWidget(self.addChildButton)

        self.deleteButton = QToolButton(self.treePane)
        self.deleteButton.setObjectName(u"deleteButton")

        self.treeButtons.addWidget(self.deleteButton)

        self.upButton = QToolButton(self.treePane)
        self.upButton.setObjectName(u"upButton")

        self.treeButtons.addWidget(self.upButton)

        self.downButton = QToolButton(self.treePane)
        self.downButton.setObjectName(u"downButton")

        self.treeButtons.addWidget(self.downButton)

        self.outdentButton = QToolButton(self.treePane)
        self.outdentButton.setObjectName(u"outdentButton")

        self.treeButtons.addWidget(self.outdentButton)

        self.indentButton = QToolButton(self.treePane)
        self.indentButton.setObjectName(u"indentButton")

        self.treeButtons.addWidget(self.indentButton)

        self.undoButton = QToolButton(self.treePane)
        self.undoButton.setObjectName(u"undoButton")

        self.treeButtons.addWidget(self.undoButton)

        self.redoButton = QToolButton(self.treePane)
        self.redoButton.setObjectName(u"redoButton")

        self.treeButtons.addWidget(self.redoButton)

        self.treeButtonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.treeButtons.addItem(self.treeButtonSpacer)


        self.treeLayout.addLayout(self.treeButtons)

        self.entryTree = QTreeWidget(self.treePane)
        self.entryTree.setObjectName(u"entryTree")
        self.entryTree.setDragEnabled(True)
        self.entryTree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.entryTree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.entryTree.setAlternatingRowColors(True)

        self.treeLayout.addWidget(self.entryTree)

        self.shortcutLabel = QLabel(self.treePane)
        self.shortcutLabel.setObjectName(u"shortcutLabel")
        self.shortcutLabel.setWordWrap(True)

        self.treeLayout.addWidget(self.shortcutLabel)

        self.splitter.addWidget(self.treePane)
        self.detailPane = QWidget(self.splitter)
        self.detailPane.setObjectName(u"detailPane")
        self.detailPaneLayout = QVBoxLayout(self.detailPane)
        self.detailPaneLayout.setObjectName(u"detailPaneLayout")
        self.detailPaneLayout.setContentsMargins(0, 0, 0, 0)
        self.detailLayout = QFormLayout()
        self.detailLayout.setObjectName(u"detailLayout")
        self.nameLabel = QLabel(self.detailPane)
        self.nameLabel.setObjectName(u"nameLabel")

        self.detailLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(self.detailPane)
        self.nameEdit.setObjectName(u"nameEdit")

        self.detailLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.levelCaptionLabel = QLabel(self.detailPane)
        self.levelCaptionLabel.setObjectName(u"levelCaptionLabel")

        self.detailLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.levelCaptionLabel)

        self.levelLabel = QLabel(self.detailPane)
        self.levelLabel.setObjectName(u"levelLabel")

        self.detailLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.levelLabel)

        self.descriptionLabel = QLabel(self.detailPane)
        self.descriptionLabel.setObjectName(u"descriptionLabel")

        self.detailLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.descriptionLabel)

        self.descriptionEdit = QPlainTextEdit(self.detailPane)
        self.descriptionEdit.setObjectName(u"descriptionEdit")
        self.descriptionEdit.setMaximumHeight(90)

        self.detailLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.descriptionEdit)

        self.conditionLabel = QLabel(self.detailPane)
        self.conditionLabel.setObjectName(u"conditionLabel")

        self.detailLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.conditionLabel)

        self.conditionGroup = QGroupBox(self.detailPane)
        self.conditionGroup.setObjectName(u"conditionGroup")
        self.conditionLayout = QGridLayout(self.conditionGroup)
        self.conditionLayout.setObjectName(u"conditionLayout")
        self.suggestionCheck = QCheckBox(self.conditionGroup)
        self.suggestionCheck.setObjectName(u"suggestionCheck")

        self.conditionLayout.addWidget(self.suggestionCheck, 0, 0, 1, 1)

        self.proposalCheck = QCheckBox(self.conditionGroup)
        self.proposalCheck.setObjectName(u"proposalCheck")

        self.conditionLayout.addWidget(self.proposalCheck, 0, 1, 1, 1)

        self.leadRoleCheck = QCheckBox(self.conditionGroup)
        self.leadRoleCheck.setObjectName(u"leadRoleCheck")

        self.conditionLayout.addWidget(self.leadRoleCheck, 1, 0, 1, 1)

        self.coRoleCheck = QCheckBox(self.conditionGroup)
        self.coRoleCheck.setObjectName(u"coRoleCheck")

        self.conditionLayout.addWidget(self.coRoleCheck, 1, 1, 1, 1)

        self.leaderHandledCheck = QCheckBox(self.conditionGroup)
        self.leaderHandledCheck.setObjectName(u"leaderHandledCheck")

        self.conditionLayout.addWidget(self.leaderHandledCheck, 2, 0, 1, 1)

        self.keyItemCheck = QCheckBox(self.conditionGroup)
        self.keyItemCheck.setObjectName(u"keyItemCheck")

        self.conditionLayout.addWidget(self.keyItemCheck, 2, 1, 1, 1)

        self.coUnitsCheck = QCheckBox(self.conditionGroup)
        self.coUnitsCheck.setObjectName(u"coUnitsCheck")

        self.conditionLayout.addWidget(self.coUnitsCheck, 3, 0, 1, 1)

        self.coUnitsSpin = QSpinBox(self.conditionGroup)
        self.coUnitsSpin.setObjectName(u"coUnitsSpin")
        self.coUnitsSpin.setMaximum(50)
        self.coUnitsSpin.setValue(4)

        self.conditionLayout.addWidget(self.coUnitsSpin, 3, 1, 1, 1)


        self.detailLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.conditionGroup)

        self.dueCheck = QCheckBox(self.detailPane)
        self.dueCheck.setObjectName(u"dueCheck")

        self.detailLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.dueCheck)

        self.dueLayout = QHBoxLayout()
        self.dueLayout.setObjectName(u"dueLayout")
        self.dueAnchorCombo = QComboBox(self.detailPane)
        self.dueAnchorCombo.setObjectName(u"dueAnchorCombo")

        self.dueLayout.addWidget(self.dueAnchorCombo)

        self.dueFromLabel = QLabel(self.detailPane)
        self.dueFromLabel.setObjectName(u"dueFromLabel")

        self.dueLayout.addWidget(self.dueFromLabel)

        self.dueLengthSpin = QSpinBox(self.detailPane)
        self.dueLengthSpin.setObjectName(u"dueLengthSpin")
        self.dueLengthSpin.setMaximum(366)
        self.dueLengthSpin.setValue(14)

        self.dueLayout.addWidget(self.dueLengthSpin)

        self.dueUnitCombo = QComboBox(self.detailPane)
        self.dueUnitCombo.setObjectName(u"dueUnitCombo")

        self.dueLayout.addWidget(self.dueUnitCombo)

        self.dueWithinLabel = QLabel(self.detailPane)
        self.dueWithinLabel.setObjectName(u"dueWithinLabel")

        self.dueLayout.addWidget(self.dueWithinLabel)


        self.detailLayout.setLayout(4, QFormLayout.ItemRole.FieldRole, self.dueLayout)

        self.gateLabel = QLabel(self.detailPane)
        self.gateLabel.setObjectName(u"gateLabel")

        self.detailLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.gateLabel)

        self.gateCombo = QComboBox(self.detailPane)
        self.gateCombo.setObjectName(u"gateCombo")

        self.detailLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.gateCombo)


        self.detailPaneLayout.addLayout(self.detailLayout)

        self.detailSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.detailPaneLayout.addItem(self.detailSpacer)

        self.splitter.addWidget(self.detailPane)

        self.mainLayout.addWidget(self.splitter)

        self.bottomLayout = QHBoxLayout()
        self.bottomLayout.setObjectName(u"bottomLayout")
        self.noteLabel = QLabel(ChecklistEditorView)
        self.noteLabel.setObjectName(u"noteLabel")

        self.bottomLayout.addWidget(self.noteLabel)

        self.noteEdit = QLineEdit(ChecklistEditorView)
        self.noteEdit.setObjectName(u"noteEdit")

        self.bottomLayout.addWidget(self.noteEdit)

        self.applyButton = QPushButton(ChecklistEditorView)
        self.applyButton.setObjectName(u"applyButton")

        self.bottomLayout.addWidget(self.applyButton)

        self.saveButton = QPushButton(ChecklistEditorView)
        self.saveButton.setObjectName(u"saveButton")

        self.bottomLayout.addWidget(self.saveButton)

        self.closeButton = QPushButton(ChecklistEditorView)
        self.closeButton.setObjectName(u"closeButton")

        self.bottomLayout.addWidget(self.closeButton)


        self.mainLayout.addLayout(self.bottomLayout)

#if QT_CONFIG(shortcut)
        self.templateLabel.setBuddy(self.templateCombo)
        self.nameLabel.setBuddy(self.nameEdit)
        self.descriptionLabel.setBuddy(self.descriptionEdit)
        self.gateLabel.setBuddy(self.gateCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ChecklistEditorView)

        QMetaObject.connectSlotsByName(ChecklistEditorView)
    # setupUi

    def retranslateUi(self, ChecklistEditorView):
        ChecklistEditorView.setWindowTitle(QCoreApplication.translate("ChecklistEditorView", u"\u6e05\u5355\u6a21\u677f", None))
        self.templateLabel.setText(QCoreApplication.translate("ChecklistEditorView", u"\u6a21\u677f(&T)\uff1a", None))
        self.versionLabel.setText("")
        self.importButton.setText(QCoreApplication.translate("ChecklistEditorView", u"\u5bfc\u5165(&I)\u2026", None))
        self.exportButton.setText(QCoreApplication.translate("ChecklistEditorView", u"\u5bfc\u51fa(&E)\u2026", None))
        self.addButton.setText(QCoreApplication.translate("ChecklistEditorView", u"\u6dfb\u52a0\u540c\u7ea7", None))
        self.addChildButton.setText(QCoreApplication.translate("ChecklistEditorView", u"\u6dfb\u52a0\u4e0b\u7ea7", None))
        self.deleteButton.setText(QCoreApplication.translate("ChecklistEditorView", u"\u5220\u9664", None))
        self.upButton.setText(QCoreApplication.translate("ChecklistEditorView", u"\u4e0a\u79fb", None))
        self.downButton.setText(QCoreApplication.translate("ChecklistEditorView", u"\u4e0b\u79fb", None))
        self.outdentButton.setText(QCoreApplication.translate("ChecklistEditorView", u"\u5347\u7ea7", None))
        self.indentButton.setText(QCoreApplication.translate("ChecklistEditorView", u"\u964d\u7ea7", None))
        self.undoButton.setText(QCoreApplication.translate("ChecklistEditorView", u"\u64a4\u9500", None))
        self.redoButton.setText(QCoreApplication.translate("ChecklistEditorView", u"\u91cd\u505a", None))
        ___qtreewidgetitem = self.entryTree.headerItem()
        ___qtreewidgetitem.setText(3, QCoreApplication.translate("ChecklistEditorView", u"\u5173\u5361", None))
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("ChecklistEditorView", u"\u671f\u9650", None))
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("ChecklistEditorView", u"\u9002\u7528", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("ChecklistEditorView", u"\u6761\u76ee", None))
        self.shortcutLabel.setText(QCoreApplication.translate("ChecklistEditorView", u"\u62d6\u52a8\u6761\u76ee\u53ef\u79fb\u52a8\uff1bCtrl+\u2191/\u2193 \u79fb\u52a8\uff0cCtrl+\u2190/\u2192 \u5347\u7ea7/\u964d\u7ea7\uff0cInsert \u6dfb\u52a0\uff0cDelete \u5220\u9664\uff0cCtrl+Z/Ctrl+Y \u64a4\u9500/\u91cd\u505a\u3002", None))
        self.nameLabel.setText(QCoreApplication.translate("ChecklistEditorView", u"\u540d\u79f0(&N)\uff1a", None))
        self.levelCaptionLabel.setText(QCoreApplication.translate("ChecklistEditorView", u"\u7ea7\u522b\uff1a", None))
        self.levelLabel.setText("")
        self.descriptionLabel.setText(QCoreApplication.translate("ChecklistEditorView", u"\u8bf4\u660e(&D)\uff1a", None))
        self.conditionLabel.setText(QCoreApplication.translate("ChecklistEditorView", u"\u9002\u7528\u4e8e\uff1a", None))
        self.conditionGroup.setTitle(QCoreApplication.translate("ChecklistEditorView", u"\u4e0d\u52fe\u9009\u5373\u5168\u90e8\u9002\u7528\uff1b\u201c\u533a\u9886\u5bfc\u4eb2\u81ea\u529e\u7406 / \u91cd\u70b9\u7763\u529e / \u4f1a\u529e\u5355\u4f4d\u8d85\u8fc7\u201d\u6ee1\u8db3\u5176\u4e00\u5373\u53ef", None))
        self.suggestionCheck.setText(QCoreApplication.translate("ChecklistEditorView", u"\u4ee3\u8868\u5efa\u8bae", None))
        self.proposalCheck.setText(QCoreApplication.translate("ChecklistEditorView", u"\u653f\u534f\u63d0\u6848", None))
        self.leadRoleCheck.setText(QCoreApplication.translate("ChecklistEditorView", u"\u6211\u5355\u4f4d\u4e3b\u529e", None))
        self.coRoleCheck.setText(QCoreApplication.translate("ChecklistEditorView", u"\u6211\u5355\u4f4d\u4f1a\u529e", None))
        self.leaderHandledCheck.setText(QCoreApplication.translate("ChecklistEditorView", u"\u533a\u9886\u5bfc\u4eb2\u81ea\u529e\u7406", None))
        self.keyItemCheck.setText(QCoreApplication.translate("ChecklistEditorView", u"\u91cd\u70b9\u7763\u529e", None))
        self.coUnitsCheck.setText(QCoreApplication.translate("ChecklistEditorView", u"\u4f1a\u529e\u5355\u4f4d\u8d85\u8fc7", None))
        self.coUnitsSpin.setSuffix(QCoreApplication.translate("ChecklistEditorView", u" \u5bb6", None))
        self.dueCheck.setText(QCoreApplication.translate("ChecklistEditorView", u"\u671f\u9650\uff1a", None))
        self.dueFromLabel.setText(QCoreApplication.translate("ChecklistEditorView", u"\u8d77", None))
        self.dueWithinLabel.setText(QCoreApplication.translate("ChecklistEditorView", u"\u5185", None))
        self.gateLabel.setText(QCoreApplication.translate("ChecklistEditorView", u"\u5173\u5361(&G)\uff1a", None))
        self.noteLabel.setText(QCoreApplication.translate("ChecklistEditorView", u"\u7248\u672c\u8bf4\u660e\uff1a", None))
        self.noteEdit.setPlaceholderText(QCoreApplication.translate("ChecklistEditorView", u"\u4f8b\u5982\uff1a\u589e\u52a0\u201c\u5f52\u6863\u201d\u6b65\u9aa4", None))
        self.applyButton.setText(QCoreApplication.translate("ChecklistEditorView", u"\u5e94\u7528\u5230\u5efa\u8bae\u63d0\u6848(&A)\u2026", None))
        self.saveButton.setText(QCoreApplication.translate("ChecklistEditorView", u"\u4fdd\u5b58\u4e3a\u65b0\u7248\u672c(&S)", None))
        self.closeButton.setText(QCoreApplication.translate("ChecklistEditorView", u"\u5173\u95ed", None))
    # retranslateUi

