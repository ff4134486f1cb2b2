# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'case_list_view.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QLabel, QLineEdit, QSplitter, QTableView, QVBoxLayout, QWidget

class Ui_CaseListView(object):
    def setupUi(self, CaseListView):
        if not CaseListView.objectName():
            CaseListView.setObjectName(u"CaseListView")
        CaseListView.resize(1200, 700)
        self.viewLayout = QHBoxLayout(CaseListView)
        self.viewLayout.setObjectName(u"viewLayout")
        self.viewLayout.setContentsMargins(6, 6, 6, 0)
        self.splitter = QSplitter(CaseListView)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.filterPanelPlace = QWidget(self.splitter)
        self.filterPanelPlace.setObjectName(u"filterPanelPlace")
        self.filterPanelPlace.setMinimumSize(QSize(220, 0))
        self.filterPanelPlace.setMaximumSize(QSize(420, 16777215))
        self.splitter.addWidget(self.filterPanelPlace)
        self.listPane = QWidget(self.splitter)
        self.listPane.setObjectName(u"listPane")
        self.listLayout = QVBoxLayout(self.listPane)
        self.listLayout.setObjectName(u"listLayout")
        self.listLayout.setContentsMargins(0, 0, 0, 0)
        self.searchLayout = QHBoxLayout()
        self.searchLayout.setObjectName(u"searchLayout")
        self.searchLabel = QLabel(self.listPane)
        self.searchLabel.setObjectName(u"searchLabel")

        self.searchLayout.addWidget(self.searchLabel)

        self.searchEdit = QLineEdit(self.listPane)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setClearButtonEnabled(True)

        self.searchLayout.addWidget(self.searchEdit)


        self.listLayout.addLayout(self.searchLayout)

        self.caseTable = QTableView(self.listPane)
        self.caseTable.setObjectName(u"caseTable")
        self.caseTable.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.caseTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.caseTable.setAlternatingRowColors(True)
        self.caseTable.setTabKeyNavigation(False)
        self.caseTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.caseTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.caseTable.setSortingEnabled(True)
        self.caseTable.setWordWrap(False)
        self.caseTable.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.caseTable.horizontalHeader().setHighlightSections(False)
        self.caseTable.horizontalHeader().setStretchLastSection(False)
        self.caseTable.verticalHeader().setVisible(False)

        self.listLayout.addWidget(self.caseTable)

        self.legendLabel = QLabel(self.listPane)
        self.legendLabel.setObjectName(u"legendLabel")
        self.legendLabel.setTextFormat(Qt.TextFormat.RichText)
        self.legendLabel.setWordWrap(True)

        self.listLayout.addWidget(self.legendLabel)

        self.splitter.addWidget(self.listPane)

        self.viewLayout.addWidget(self.splitter)

#if QT_CONFIG(shortcut)
        self.searchLabel.setBuddy(self.searchEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(CaseListView)

        QMetaObject.connectSlotsByName(CaseListView)
    # setupUi

    def retranslateUi(self, CaseListView):
        self.searchLabel.setText(QCoreApplication.translate("CaseListView", u"\u5feb\u901f\u641c\u7d22\uff1a", None))
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("CaseListView", u"\u8f93\u5165\u7f16\u53f7\u3001\u6807\u9898\u3001\u4ee3\u8868\u6216\u59d4\u5458\u3001\u5355\u4f4d\u6216\u5185\u5bb9\u4e2d\u7684\u8bcd\u8bed\uff08Ctrl+F\uff09", None))
#if QT_CONFIG(tooltip)
        self.legendLabel.setToolTip(QCoreApplication.translate("CaseListView", u"\u5217\u8868\u4e2d\u7c97\u4f53\u548c\u989c\u8272\u7684\u542b\u4e49\uff1b\u628a\u9f20\u6807\u505c\u5728\u6807\u9898\u6216\u4e0b\u4e00\u671f\u9650\u4e0a\u53ef\u770b\u8be6\u60c5", None))
#endif // QT_CONFIG(tooltip)
        pass
    # retranslateUi

