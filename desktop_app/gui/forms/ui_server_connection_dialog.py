# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'server_connection_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QSpinBox, QVBoxLayout, QWidget

class Ui_ServerConnectionDialog(object):
    def setupUi(self, ServerConnectionDialog):
        if not ServerConnectionDialog.objectName():
            ServerConnectionDialog.setObjectName(u"ServerConnectionDialog")
        ServerConnectionDialog.resize(520, 400)
        self.dialogLayout = QVBoxLayout(ServerConnectionDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.introLabel = QLabel(ServerConnectionDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.hostLabel = QLabel(ServerConnectionDialog)
        self.hostLabel.setObjectName(u"hostLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.hostLabel)

        self.hostEdit = QLineEdit(ServerConnectionDialog)
        self.hostEdit.setObjectName(u"hostEdit")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.hostEdit)

        self.portLabel = QLabel(ServerConnectionDialog)
        self.portLabel.setObjectName(u"portLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.portLabel)

        self.portSpin = QSpinBox(ServerConnectionDialog)
        self.portSpin.setObjectName(u"portSpin")
        self.portSpin.setMinimum(1)
        self.portSpin.setMaximum(65535)
        self.portSpin.setValue(5432)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.portSpin)

        self.databaseLabel = QLabel(ServerConnectionDialog)
        self.databaseLabel.setObjectName(u"databaseLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.databaseLabel)

        self.databaseEdit = QLineEdit(ServerConnectionDialog)
        self.databaseEdit.setObjectName(u"databaseEdit")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.databaseEdit)

        self.userLabel = QLabel(ServerConnectionDialog)
        self.userLabel.setObjectName(u"userLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.userLabel)

        self.userEdit = QLineEdit(ServerConnectionDialog)
        self.userEdit.setObjectName(u"userEdit")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.userEdit)

        self.passwordLabel = QLabel(ServerConnectionDialog)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.passwordEdit = QLineEdit(ServerConnectionDialog)
        self.passwordEdit.setObjectName(u"passwordEdit")
        self.passwordEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.passwordEdit)


        self.dialogLayout.addLayout(self.formLayout)

        self.statusLabel = QLabel(ServerConnectionDialog)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)
        self.statusLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.dialogLayout.addWidget(self.statusLabel)

        self.currentLabel = QLabel(ServerConnectionDialog)
        self.currentLabel.setObjectName(u"currentLabel")
        self.currentLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.currentLabel)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.testButton = QPushButton(ServerConnectionDialog)
        self.testButton.setObjectName(u"testButton")
        self.testButton.setAutoDefault(False)

        self.buttonLayout.addWidget(self.testButton)

        self.localButton = QPushButton(ServerConnectionDialog)
        self.localButton.setObjectName(u"localButton")
        self.localButton.setAutoDefault(False)

        self.buttonLayout.addWidget(self.localButton)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.buttonBox = QDialogButtonBox(ServerConnectionDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.buttonLayout.addWidget(self.buttonBox)


        self.dialogLayout.addLayout(self.buttonLayout)

#if QT_CONFIG(shortcut)
        self.hostLabel.setBuddy(self.hostEdit)
        self.portLabel.setBuddy(self.portSpin)
        self.databaseLabel.setBuddy(self.databaseEdit)
        self.userLabel.setBuddy(self.userEdit)
        self.passwordLabel.setBuddy(self.passwordEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.hostEdit, self.portSpin)
        QWidget.setTabOrder(self.portSpin, self.databaseEdit)
        QWidget.setTabOrder(self.databaseEdit, self.userEdit)
        QWidget.setTabOrder(self.userEdit, self.passwordEdit)
        QWidget.setTabOrder(self.passwordEdit, self.testButton)
        QWidget.setTabOrder(self.testButton, self.localButton)
        QWidget.setTabOrder(self.localButton, self.buttonBox)

        self.retranslateUi(ServerConnectionDialog)

        QMetaObject.connectSlotsByName(ServerConnectionDialog)
    # setupUi

    def retranslateUi(self, ServerConnectionDialog):
        ServerConnectionDialog.setWindowTitle(QCoreApplication.translate("ServerConnectionDialog", u"\u8fde\u63a5\u6570\u636e\u5e93\u670d\u52a1\u5668", None))
        self.introLabel.setText(QCoreApplication.translate("ServerConnectionDialog", u"\u591a\u4eba\u5171\u7528\u65f6\uff0c\u6570\u636e\u653e\u5728\u5355\u4f4d\u7684 PostgreSQL \u6570\u636e\u5e93\u670d\u52a1\u5668\u4e0a\u3002\u8bf7\u586b\u5199\u4fe1\u606f\u7ba1\u7406\u5458\u63d0\u4f9b\u7684\u670d\u52a1\u5668\u5730\u5740\u3001\u6570\u636e\u5e93\u540d\u3001\u7528\u6237\u540d\u548c\u5bc6\u7801\u3002\u5bc6\u7801\u4fdd\u5b58\u5728\u64cd\u4f5c\u7cfb\u7edf\u7684\u51ed\u636e\u7ba1\u7406\u5668\u4e2d\uff0c\u4e0d\u5199\u5165\u8bbe\u7f6e\u6587\u4ef6\u3002", None))
        self.hostLabel.setText(QCoreApplication.translate("ServerConnectionDialog", u"\u670d\u52a1\u5668\u5730\u5740(&H)\uff1a", None))
        self.hostEdit.setPlaceholderText(QCoreApplication.translate("ServerConnectionDialog", u"\u4f8b\u5982\uff1a192.168.1.10 \u6216 db.example.gov.cn", None))
        self.portLabel.setText(QCoreApplication.translate("ServerConnectionDialog", u"\u7aef\u53e3(&O)\uff1a", None))
        self.databaseLabel.setText(QCoreApplication.translate("ServerConnectionDialog", u"\u6570\u636e\u5e93\u540d(&D)\uff1a", None))
        self.databaseEdit.setPlaceholderText(QCoreApplication.translate("ServerConnectionDialog", u"\u4f8b\u5982\uff1ajyta", None))
        self.userLabel.setText(QCoreApplication.translate("ServerConnectionDialog", u"\u7528\u6237\u540d(&U)\uff1a", None))
        self.passwordLabel.setText(QCoreApplication.translate("ServerConnectionDialog", u"\u5bc6\u7801(&P)\uff1a", None))
        self.statusLabel.setText("")
        self.currentLabel.setText("")
        self.testButton.setText(QCoreApplication.translate("ServerConnectionDialog", u"\u6d4b\u8bd5\u8fde\u63a5(&T)", None))
        self.localButton.setText(QCoreApplication.translate("ServerConnectionDialog", u"\u6539\u56de\u672c\u673a\u6570\u636e\u5e93\u6587\u4ef6(&L)", None))
    # retranslateUi

