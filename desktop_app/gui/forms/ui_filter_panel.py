# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'filter_panel.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QCheckBox, QComboBox, QFrame, QGridLayout, QGroupBox, QLabel, QLineEdit, QListWidget, QPushButton, QScrollArea, QSizePolicy, QSpacerItem, QToolButton, QVBoxLayout, QWidget

class Ui_FilterPanel(object):
    def setupUi(self, FilterPanel):
        if not FilterPanel.objectName():
            FilterPanel.setObjectName(u"FilterPanel")
        FilterPanel.resize(300, 900)
        self.panelLayout = QVBoxLayout(FilterPanel)
        self.panelLayout.setObjectName(u"panelLayout")
        self.panelLayout.setContentsMargins(0, 0, 0, 0)
        self.viewGroup = QGroupBox(FilterPanel)
        self.viewGroup.setObjectName(u"viewGroup")
        self.viewLayout = QGridLayout(self.viewGroup)
        self.viewLayout.setObjectName(u"viewLayout")
        self.viewLayout.setContentsMargins(4, 4, 4, 4)
        self.viewCombo = QComboBox(self.viewGroup)
        self.viewCombo.setObjectName(u"viewCombo")

        self.viewLayout.addWidget(self.viewCombo, 0, 0, 1, 2)

        self.saveViewButton = QPushButton(self.viewGroup)
        self.saveViewButton.setObjectName(u"saveViewButton")

        self.viewLayout.addWidget(self.saveViewButton, 1, 0, 1, 1)

        self.deleteViewButton = QPushButton(self.viewGroup)
        self.deleteViewButton.setObjectName(u"deleteViewButton")

        self.viewLayout.addWidget(self.deleteViewButton, 1, 1, 1, 1)


        self.panelLayout.addWidget(self.viewGroup)

        self.scrollArea = QScrollArea(FilterPanel)
        self.scrollArea.setObjectName(u"scrollArea")
        self.scrollArea.setFrameShape(QFrame.Shape.NoFrame)
        self.scrollArea.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scrollArea.setWidgetResizable(True)
        self.scrollContents = QWidget()
        self.scrollContents.setObjectName(u"scrollContents")
        self.scrollLayout = QVBoxLayout(self.scrollContents)
        self.scrollLayout.setObjectName(u"scrollLayout")
        self.scrollLayout.setContentsMargins(0, 0, 0, 0)
        self.sessionGroup = QGroupBox(self.scrollContents)
        self.sessionGroup.setObjectName(u"sessionGroup")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.sessionGroup.sizePolicy().hasHeightForWidth())
        self.sessionGroup.setSizePolicy(sizePolicy)
        self.sessionGroupLayout = QVBoxLayout(self.sessionGroup)
        self.sessionGroupLayout.setObjectName(u"sessionGroupLayout")
        self.sessionGroupLayout.setContentsMargins(4, 4, 4, 4)
        self.sessionFindEdit = QLineEdit(self.sessionGroup)
        self.sessionFindEdit.setObjectName(u"sessionFindEdit")
        self.sessionFindEdit.setClearButtonEnabled(True)

        self.sessionGroupLayout.addWidget(self.sessionFindEdit)

        self.sessionList = QListWidget(self.sessionGroup)
        self.sessionList.setObjectName(u"sessionList")
        self.sessionList.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.sessionList.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sessionList.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)

        self.sessionGroupLayout.addWidget(self.sessionList)


        self.scrollLayout.addWidget(self.sessionGroup)

        self.kindGroup = QGroupBox(self.scrollContents)
        self.kindGroup.setObjectName(u"kindGroup")
        sizePolicy.setHeightForWidth(self.kindGroup.sizePolicy().hasHeightForWidth())
        self.kindGroup.setSizePolicy(sizePolicy)
        self.kindGroupLayout = QVBoxLayout(self.kindGroup)
        self.kindGroupLayout.setObjectName(u"kindGroupLayout")
        self.kindGroupLayout.setContentsMargins(4, 4, 4, 4)
        self.kindList = QListWidget(self.kindGroup)
        self.kindList.setObjectName(u"kindList")
        self.kindList.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.kindList.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.kindList.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)

        self.kindGroupLayout.addWidget(self.kindList)


        self.scrollLayout.addWidget(self.kindGroup)

        self.statusGroup = QGroupBox(self.scrollContents)
        self.statusGroup.setObjectName(u"statusGroup")
        sizePolicy.setHeightForWidth(self.statusGroup.sizePolicy().hasHeightForWidth())
        self.statusGroup.setSizePolicy(sizePolicy)
        self.statusGroupLayout = QVBoxLayout(self.statusGroup)
        self.statusGroupLayout.setObjectName(u"statusGroupLayout")
        self.statusGroupLayout.setContentsMargins(4, 4, 4, 4)
        self.statusList = QListWidget(self.statusGroup)
        self.statusList.setObjectName(u"statusList")
        self.statusList.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.statusList.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.statusList.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)

        self.statusGroupLayout.addWidget(self.statusList)


        self.scrollLayout.addWidget(self.statusGroup)

        self.resultGroup = QGroupBox(self.scrollContents)
        self.resultGroup.setObjectName(u"resultGroup")
        sizePolicy.setHeightForWidth(self.resultGroup.sizePolicy().hasHeightForWidth())
        self.resultGroup.setSizePolicy(sizePolicy)
        self.resultGroupLayout = QVBoxLayout(self.resultGroup)
        self.resultGroupLayout.setObjectName(u"resultGroupLayout")
        self.resultGroupLayout.setContentsMargins(4, 4, 4, 4)
        self.resultList = QListWidget(self.resultGroup)
        self.resultList.setObjectName(u"resultList")
        self.resultList.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.resultList.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.resultList.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)

        self.resultGroupLayout.addWidget(self.resultList)


        self.scrollLayout.addWidget(self.resultGroup)

        self.roleGroup = QGroupBox(self.scrollContents)
        self.roleGroup.setObjectName(u"roleGroup")
        sizePolicy.setHeightForWidth(self.roleGroup.sizePolicy().hasHeightForWidth())
        self.roleGroup.setSizePolicy(sizePolicy)
        self.roleGroupLayout = QVBoxLayout(self.roleGroup)
        self.roleGroupLayout.setObjectName(u"roleGroupLayout")
        self.roleGroupLayout.setContentsMargins(4, 4, 4, 4)
        self.roleList = QListWidget(self.roleGroup)
        self.roleList.setObjectName(u"roleList")
        self.roleList.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.roleList.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.roleList.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)

        self.roleGroupLayout.addWidget(self.roleList)


        self.scrollLayout.addWidget(self.roleGroup)

        self.unitGroup = QGroupBox(self.scrollContents)
        self.unitGroup.setObjectName(u"unitGroup")
        sizePolicy.setHeightForWidth(self.unitGroup.sizePolicy().hasHeightForWidth())
        self.unitGroup.setSizePolicy(sizePolicy)
        self.unitGroupLayout = QVBoxLayout(self.unitGroup)
        self.unitGroupLayout.setObjectName(u"unitGroupLayout")
        self.unitGroupLayout.setContentsMargins(4, 4, 4, 4)
        self.unitFindEdit = QLineEdit(self.unitGroup)
        self.unitFindEdit.setObjectName(u"unitFindEdit")
        self.unitFindEdit.setClearButtonEnabled(True)

        self.unitGroupLayout.addWidget(self.unitFindEdit)

        self.unitList = QListWidget(self.unitGroup)
        self.unitList.setObjectName(u"unitList")
        self.unitList.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.unitList.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.unitList.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)

        self.unitGroupLayout.addWidget(self.unitList)


        self.scrollLayout.addWidget(self.unitGroup)

        self.flagGroup = QGroupBox(self.scrollContents)
        self.flagGroup.setObjectName(u"flagGroup")
        sizePolicy.setHeightForWidth(self.flagGroup.sizePolicy().hasHeightForWidth())
        self.flagGroup.setSizePolicy(sizePolicy)
        self.flagLayout = QVBoxLayout(self.flagGroup)
        self.flagLayout.setObjectName(u"flagLayout")
        self.flagLayout.setContentsMargins(4, 4, 4, 4)
        self.keyCheck = QCheckBox(self.flagGroup)
        self.keyCheck.setObjectName(u"keyCheck")

        self.flagLayout.addWidget(self.keyCheck)

        self.leaderCheck = QCheckBox(self.flagGroup)
        self.leaderCheck.setObjectName(u"leaderCheck")

        self.flagLayout.addWidget(self.leaderCheck)

        self.secretCombo = QComboBox(self.flagGroup)
        self.secretCombo.setObjectName(u"secretCombo")

        self.flagLayout.addWidget(self.secretCombo)


        self.scrollLayout.addWidget(self.flagGroup)

        self.dateGroup = QGroupBox(self.scrollContents)
        self.dateGroup.setObjectName(u"dateGroup")
        sizePolicy.setHeightForWidth(self.dateGroup.sizePolicy().hasHeightForWidth())
        self.dateGroup.setSizePolicy(sizePolicy)
        self.dateLayout = QGridLayout(self.dateGroup)
        self.dateLayout.setObjectName(u"dateLayout")
        self.dateLayout.setContentsMargins(4, 4, 4, 4)
        self.assignedLabel = QLabel(self.dateGroup)
        self.assignedLabel.setObjectName(u"assignedLabel")

        self.dateLayout.addWidget(self.assignedLabel, 0, 0, 1, 3)

        self.assignedFromLabel = QLabel(self.dateGroup)
        self.assignedFromLabel.setObjectName(u"assignedFromLabel")

        self.dateLayout.addWidget(self.assignedFromLabel, 1, 0, 1, 1)

        self.assignedClearButton = QToolButton(self.dateGroup)
        self.assignedClearButton.setObjectName(u"assignedClearButton")

        self.dateLayout.addWidget(self.assignedClearButton, 1, 2, 2, 1)

        self.assignedToLabel = QLabel(self.dateGroup)
        self.assignedToLabel.setObjectName(u"assignedToLabel")

        self.dateLayout.addWidget(self.assignedToLabel, 2, 0, 1, 1)

        self.repliedLabel = QLabel(self.dateGroup)
        self.repliedLabel.setObjectName(u"repliedLabel")

        self.dateLayout.addWidget(self.repliedLabel, 3, 0, 1, 3)

        self.repliedFromLabel = QLabel(self.dateGroup)
        self.repliedFromLabel.setObjectName(u"repliedFromLabel")

        self.dateLayout.addWidget(self.repliedFromLabel, 4, 0, 1, 1)

        self.repliedClearButton = QToolButton(self.dateGroup)
        self.repliedClearButton.setObjectName(u"repliedClearButton")

        self.dateLayout.addWidget(self.repliedClearButton, 4, 2, 2, 1)

        self.repliedToLabel = QLabel(self.dateGroup)
        self.repliedToLabel.setObjectName(u"repliedToLabel")

        self.dateLayout.addWidget(self.repliedToLabel, 5, 0, 1, 1)

        self.dateLayout.setColumnStretch(1, 1)

        self.scrollLayout.addWidget(self.dateGroup)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.scrollLayout.addItem(self.bottomSpacer)

        self.scrollArea.setWidget(self.scrollContents)

        self.panelLayout.addWidget(self.scrollArea)

        self.clearFilterButton = QPushButton(FilterPanel)
        self.clearFilterButton.setObjectName(u"clearFilterButton")

        self.panelLayout.addWidget(self.clearFilterButton)


        self.retranslateUi(FilterPanel)

        QMetaObject.connectSlotsByName(FilterPanel)
    # setupUi

    def retranslateUi(self, FilterPanel):
        self.viewGroup.setTitle(QCoreApplication.translate("FilterPanel", u"\u89c6\u56fe", None))
#if QT_CONFIG(tooltip)
        self.viewCombo.setToolTip(QCoreApplication.translate("FilterPanel", u"\u9009\u62e9\u4e00\u4e2a\u5df2\u4fdd\u5b58\u7684\u89c6\u56fe\uff0c\u7acb\u5373\u5e94\u7528\u5b83\u7684\u7b5b\u9009\u6761\u4ef6", None))
#endif // QT_CONFIG(tooltip)
        self.saveViewButton.setText(QCoreApplication.translate("FilterPanel", u"\u4fdd\u5b58\u89c6\u56fe\u2026", None))
        self.deleteViewButton.setText(QCoreApplication.translate("FilterPanel", u"\u5220\u9664\u89c6\u56fe", None))
        self.sessionGroup.setTitle(QCoreApplication.translate("FilterPanel", u"\u5c4a\u6b21", None))
        self.sessionFindEdit.setPlaceholderText(QCoreApplication.translate("FilterPanel", u"\u67e5\u627e\u5c4a\u6b21\u2026", None))
#if QT_CONFIG(tooltip)
        self.sessionFindEdit.setToolTip(QCoreApplication.translate("FilterPanel", u"\u8f93\u5165\u5c4a\u6b21\u540d\u79f0\u4e2d\u7684\u5b57\uff0c\u5217\u8868\u53ea\u7559\u4e0b\u76f8\u7b26\u7684\u5c4a\u6b21\uff1b\u4ece\u63d0\u793a\u4e2d\u9009\u4e2d\u5373\u52fe\u9009", None))
#endif // QT_CONFIG(tooltip)
        self.kindGroup.setTitle(QCoreApplication.translate("FilterPanel", u"\u7c7b\u578b", None))
        self.statusGroup.setTitle(QCoreApplication.translate("FilterPanel", u"\u72b6\u6001", None))
        self.resultGroup.setTitle(QCoreApplication.translate("FilterPanel", u"\u529e\u7406\u7ed3\u679c", None))
        self.roleGroup.setTitle(QCoreApplication.translate("FilterPanel", u"\u6211\u65b9\u89d2\u8272", None))
        self.unitGroup.setTitle(QCoreApplication.translate("FilterPanel", u"\u5355\u4f4d", None))
        self.unitFindEdit.setPlaceholderText(QCoreApplication.translate("FilterPanel", u"\u67e5\u627e\u5355\u4f4d\u2026", None))
#if QT_CONFIG(tooltip)
        self.unitFindEdit.setToolTip(QCoreApplication.translate("FilterPanel", u"\u8f93\u5165\u5355\u4f4d\u540d\u79f0\u4e2d\u7684\u5b57\uff08\u5982 \u4ea4\u901a\uff09\uff0c\u5217\u8868\u53ea\u7559\u4e0b\u76f8\u7b26\u7684\u5355\u4f4d\uff1b\u4ece\u63d0\u793a\u4e2d\u9009\u4e2d\u5373\u52fe\u9009", None))
#endif // QT_CONFIG(tooltip)
        self.flagGroup.setTitle(QCoreApplication.translate("FilterPanel", u"\u6807\u8bb0", None))
        self.keyCheck.setText(QCoreApplication.translate("FilterPanel", u"\u53ea\u770b\u91cd\u70b9\u7763\u529e\u4ef6", None))
        self.leaderCheck.setText(QCoreApplication.translate("FilterPanel", u"\u53ea\u770b\u533a\u9886\u5bfc\u4eb2\u81ea\u529e\u7406\u4ef6", None))
#if QT_CONFIG(tooltip)
        self.secretCombo.setToolTip(QCoreApplication.translate("FilterPanel", u"\u6d89\u5bc6\u4ef6", None))
#endif // QT_CONFIG(tooltip)
        self.dateGroup.setTitle(QCoreApplication.translate("FilterPanel", u"\u65e5\u671f\u8303\u56f4", None))
        self.assignedLabel.setText(QCoreApplication.translate("FilterPanel", u"\u4ea4\u529e\u65e5\u671f", None))
        self.assignedFromLabel.setText(QCoreApplication.translate("FilterPanel", u"\u4ece", None))
        self.assignedClearButton.setText(QCoreApplication.translate("FilterPanel", u"\u6e05\u9664", None))
#if QT_CONFIG(tooltip)
        self.assignedClearButton.setToolTip(QCoreApplication.translate("FilterPanel", u"\u6e05\u9664\u4ea4\u529e\u65e5\u671f\u8303\u56f4", None))
#endif // QT_CONFIG(tooltip)
        self.assignedToLabel.setText(QCoreApplication.translate("FilterPanel", u"\u81f3", None))
        self.repliedLabel.setText(QCoreApplication.translate("FilterPanel", u"\u7b54\u590d\u65e5\u671f", None))
        self.repliedFromLabel.setText(QCoreApplication.translate("FilterPanel", u"\u4ece", None))
        self.repliedClearButton.setText(QCoreApplication.translate("FilterPanel", u"\u6e05\u9664", None))
#if QT_CONFIG(tooltip)
        self.repliedClearButton.setToolTip(QCoreApplication.translate("FilterPanel", u"\u6e05\u9664\u7b54\u590d\u65e5\u671f\u8303\u56f4", None))
#endif // QT_CONFIG(tooltip)
        self.repliedToLabel.setText(QCoreApplication.translate("FilterPanel", u"\u81f3", None))
        self.clearFilterButton.setText(QCoreApplication.translate("FilterPanel", u"\u6e05\u9664\u7b5b\u9009", None))
        pass
    # retranslateUi

