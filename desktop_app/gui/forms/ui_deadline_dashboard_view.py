# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'deadline_dashboard_view.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem, QSplitter, QTableView, QVBoxLayout, QWidget

class Ui_DeadlineDashboardView(object):
    def setupUi(self, DeadlineDashboardView):
        if not DeadlineDashboardView.objectName():
            DeadlineDashboardView.setObjectName(u"DeadlineDashboardView")
        DeadlineDashboardView.resize(1100, 700)
        self.mainLayout = QVBoxLayout(DeadlineDashboardView)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.titleLabel = QLabel(DeadlineDashboardView)
        self.titleLabel.setObjectName(u"titleLabel")

        self.headerLayout.addWidget(self.titleLabel)

        self.asOfLabel = QLabel(DeadlineDashboardView)
        self.asOfLabel.setObjectName(u"asOfLabel")

        self.headerLayout.addWidget(self.asOfLabel)

        self.headerSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerSpacer)

        self.scopeLabel = QLabel(DeadlineDashboardView)
        self.scopeLabel.setObjectName(u"scopeLabel")

        self.headerLayout.addWidget(self.scopeLabel)

        self.scopeCombo = QComboBox(DeadlineDashboardView)
        self.scopeCombo.addItem("")
        self.scopeCombo.addItem("")
        self.scopeCombo.setObjectName(u"scopeCombo")

        self.headerLayout.addWidget(self.scopeCombo)

        self.exportButton = QPushButton(DeadlineDashboardView)
        self.exportButton.setObjectName(u"exportButton")

        self.headerLayout.addWidget(self.exportButton)

        self.refreshButton = QPushButton(DeadlineDashboardView)
        self.refreshButton.setObjectName(u"refreshButton")

        self.headerLayout.addWidget(self.refreshButton)


        self.mainLayout.addLayout(self.headerLayout)

        self.warningLabel = QLabel(DeadlineDashboardView)
        self.warningLabel.setObjectName(u"warningLabel")
        self.warningLabel.setStyleSheet(u"background:#fff3cd; color:#664d03; padding:6px;")
        self.warningLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.warningLabel)

        self.hintLabel = QLabel(DeadlineDashboardView)
        self.hintLabel.setObjectName(u"hintLabel")

        self.mainLayout.addWidget(self.hintLabel)

        self.splitter = QSplitter(DeadlineDashboardView)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Vertical)
        self.tablesWidget = QWidget(self.splitter)
        self.tablesWidget.setObjectName(u"tablesWidget")
        self.tablesLayout = QHBoxLayout(self.tablesWidget)
        self.tablesLayout.setObjectName(u"tablesLayout")
        self.tablesLayout.setContentsMargins(0, 0, 0, 0)
        self.kindLayout = QVBoxLayout()
        self.kindLayout.setObjectName(u"kindLayout")
        self.kindLabel = QLabel(self.tablesWidget)
        self.kindLabel.setObjectName(u"kindLabel")

        self.kindLayout.addWidget(self.kindLabel)

        self.kindTable = QTableView(self.tablesWidget)
        self.kindTable.setObjectName(u"kindTable")
        self.kindTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.kindTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

        self.kindLayout.addWidget(self.kindTable)


        self.tablesLayout.addLayout(self.kindLayout)

        self.unitLayout = QVBoxLayout()
        self.unitLayout.setObjectName(u"unitLayout")
        self.unitLabel = QLabel(self.tablesWidget)
        self.unitLabel.setObjectName(u"unitLabel")

        self.unitLayout.addWidget(self.unitLabel)

        self.unitTable = QTableView(self.tablesWidget)
        self.unitTable.setObjectName(u"unitTable")
        self.unitTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.unitTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

        self.unitLayout.addWidget(self.unitTable)


        self.tablesLayout.addLayout(self.unitLayout)

        self.splitter.addWidget(self.tablesWidget)
        self.chartWidget = QWidget(self.splitter)
        self.chartWidget.setObjectName(u"chartWidget")
        self.chartLayout = QVBoxLayout(self.chartWidget)
        self.chartLayout.setObjectName(u"chartLayout")
        self.chartLayout.setContentsMargins(0, 0, 0, 0)
        self.chartHeaderLayout = QHBoxLayout()
        self.chartHeaderLayout.setObjectName(u"chartHeaderLayout")
        self.chartLabel = QLabel(self.chartWidget)
        self.chartLabel.setObjectName(u"chartLabel")

        self.chartHeaderLayout.addWidget(self.chartLabel)

        self.chartUnitCombo = QComboBox(self.chartWidget)
        self.chartUnitCombo.setObjectName(u"chartUnitCombo")
        self.chartUnitCombo.setMinimumContentsLength(12)

        self.chartHeaderLayout.addWidget(self.chartUnitCombo)

        self.chartSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.chartHeaderLayout.addItem(self.chartSpacer)


        self.chartLayout.addLayout(self.chartHeaderLayout)

        self.splitter.addWidget(self.chartWidget)

        self.mainLayout.addWidget(self.splitter)

#if QT_CONFIG(shortcut)
        self.scopeLabel.setBuddy(self.scopeCombo)
        self.chartLabel.setBuddy(self.chartUnitCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(DeadlineDashboardView)

        QMetaObject.connectSlotsByName(DeadlineDashboardView)
    # setupUi

    def retranslateUi(self, DeadlineDashboardView):
        DeadlineDashboardView.setWindowTitle(QCoreApplication.translate("DeadlineDashboardView", u"\u671f\u9650\u770b\u677f", None))
        self.titleLabel.setText(QCoreApplication.translate("DeadlineDashboardView", u"<b>\u671f\u9650\u770b\u677f</b>", None))
        self.asOfLabel.setText("")
        self.scopeLabel.setText(QCoreApplication.translate("DeadlineDashboardView", u"\u8303\u56f4\uff1a", None))
        self.scopeCombo.setItemText(0, QCoreApplication.translate("DeadlineDashboardView", u"\u672c\u5355\u4f4d", None))
        self.scopeCombo.setItemText(1, QCoreApplication.translate("DeadlineDashboardView", u"\u5168\u90e8\u5355\u4f4d", None))

        self.exportButton.setText(QCoreApplication.translate("DeadlineDashboardView", u"\u5bfc\u51fa\u50ac\u529e\u6e05\u5355\u2026", None))
#if QT_CONFIG(tooltip)
        self.exportButton.setToolTip(QCoreApplication.translate("DeadlineDashboardView", u"\u628a\u5df2\u8d85\u671f\u548c 7 \u5929\u5185\u5230\u671f\u7684\u671f\u9650\u5bfc\u51fa\u4e3a Excel \u50ac\u529e\u6e05\u5355\uff08\u9650\u4e8e\u5f53\u524d\u8303\u56f4\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.refreshButton.setText(QCoreApplication.translate("DeadlineDashboardView", u"\u5237\u65b0", None))
        self.hintLabel.setText(QCoreApplication.translate("DeadlineDashboardView", u"\u70b9\u51fb\u4efb\u4e00\u6570\u5b57\uff0c\u5728\u6848\u4ef6\u5217\u8868\u4e2d\u53ea\u663e\u793a\u8fd9\u4e9b\u5efa\u8bae\u63d0\u6848\u3002", None))
        self.kindLabel.setText(QCoreApplication.translate("DeadlineDashboardView", u"\u6309\u671f\u9650\u7c7b\u578b", None))
        self.unitLabel.setText(QCoreApplication.translate("DeadlineDashboardView", u"\u6309\u5355\u4f4d", None))
        self.chartLabel.setText(QCoreApplication.translate("DeadlineDashboardView", u"\u4eca\u540e 12 \u5468\u6bcf\u5468\u5230\u671f\u7684\u671f\u9650\u6570\uff1a", None))
    # retranslateUi

