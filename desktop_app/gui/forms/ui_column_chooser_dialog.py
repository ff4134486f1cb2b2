# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'column_chooser_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QLabel, QListWidget, QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout

class Ui_ColumnChooserDialog(object):
    def setupUi(self, ColumnChooserDialog):
        if not ColumnChooserDialog.objectName():
            ColumnChooserDialog.setObjectName(u"ColumnChooserDialog")
        ColumnChooserDialog.resize(340, 460)
        self.dialogLayout = QVBoxLayout(ColumnChooserDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.hintLabel = QLabel(ColumnChooserDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.hintLabel)

        self.listLayout = QHBoxLayout()
        self.listLayout.setObjectName(u"listLayout")
        self.columnList = QListWidget(ColumnChooserDialog)
        self.columnList.setObjectName(u"columnList")
        self.columnList.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)

        self.listLayout.addWidget(self.columnList)

        self.moveLayout = QVBoxLayout()
        self.moveLayout.setObjectName(u"moveLayout")
        self.upButton = QPushButton(ColumnChooserDialog)
        self.upButton.setObjectName(u"upButton")

        self.moveLayout.addWidget(self.upButton)

        self.downButton = QPushButton(ColumnChooserDialog)
        self.downButton.setObjectName(u"downButton")

        self.moveLayout.addWidget(self.downButton)

        self.defaultsButton = QPushButton(ColumnChooserDialog)
        self.defaultsButton.setObjectName(u"defaultsButton")

        self.moveLayout.addWidget(self.defaultsButton)

        self.moveSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.moveLayout.addItem(self.moveSpacer)


        self.listLayout.addLayout(self.moveLayout)


        self.dialogLayout.addLayout(self.listLayout)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.okButton = QPushButton(ColumnChooserDialog)
        self.okButton.setObjectName(u"okButton")

        self.buttonLayout.addWidget(self.okButton)

        self.cancelButton = QPushButton(ColumnChooserDialog)
        self.cancelButton.setObjectName(u"cancelButton")

        self.buttonLayout.addWidget(self.cancelButton)


        self.dialogLayout.addLayout(self.buttonLayout)


        self.retranslateUi(ColumnChooserDialog)

        self.okButton.setDefault(True)


        QMetaObject.connectSlotsByName(ColumnChooserDialog)
    # setupUi

    def retranslateUi(self, ColumnChooserDialog):
        ColumnChooserDialog.setWindowTitle(QCoreApplication.translate("ColumnChooserDialog", u"\u9009\u62e9\u5217", None))
        self.hintLabel.setText(QCoreApplication.translate("ColumnChooserDialog", u"\u52fe\u9009\u8981\u663e\u793a\u7684\u5217\uff0c\u7528\u201c\u4e0a\u79fb\u201d\u201c\u4e0b\u79fb\u201d\u8c03\u6574\u987a\u5e8f\uff08\u4e5f\u53ef\u4ee5\u76f4\u63a5\u62d6\u52a8\u5217\u6807\u9898\uff09\u3002", None))
        self.upButton.setText(QCoreApplication.translate("ColumnChooserDialog", u"\u4e0a\u79fb", None))
        self.downButton.setText(QCoreApplication.translate("ColumnChooserDialog", u"\u4e0b\u79fb", None))
        self.defaultsButton.setText(QCoreApplication.translate("ColumnChooserDialog", u"\u6062\u590d\u9ed8\u8ba4", None))
        self.okButton.setText(QCoreApplication.translate("ColumnChooserDialog", u"\u786e\u5b9a", None))
        self.cancelButton.setText(QCoreApplication.translate("ColumnChooserDialog", u"\u53d6\u6d88", None))
    # retranslateUi

