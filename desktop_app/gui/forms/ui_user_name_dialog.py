# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'user_name_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

class Ui_UserNameDialog(object):
    def setupUi(self, UserNameDialog):
        if not UserNameDialog.objectName():
            UserNameDialog.setObjectName(u"UserNameDialog")
        UserNameDialog.resize(440, 190)
        self.dialogLayout = QVBoxLayout(UserNameDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.introLabel = QLabel(UserNameDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.userNameLabel = QLabel(UserNameDialog)
        self.userNameLabel.setObjectName(u"userNameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.userNameLabel)

        self.userNameEdit = QLineEdit(UserNameDialog)
        self.userNameEdit.setObjectName(u"userNameEdit")
        self.userNameEdit.setMaxLength(40)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.userNameEdit)


        self.dialogLayout.addLayout(self.formLayout)

        self.hintLabel = QLabel(UserNameDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.hintLabel)

        self.buttonBox = QDialogButtonBox(UserNameDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.userNameLabel.setBuddy(self.userNameEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(UserNameDialog)

        QMetaObject.connectSlotsByName(UserNameDialog)
    # setupUi

    def retranslateUi(self, UserNameDialog):
        UserNameDialog.setWindowTitle(QCoreApplication.translate("UserNameDialog", u"\u60a8\u7684\u59d3\u540d", None))
        self.introLabel.setText(QCoreApplication.translate("UserNameDialog", u"\u6b22\u8fce\u4f7f\u7528\u5efa\u8bae\u63d0\u6848\u529e\u7406\u52a9\u624b\u3002\u8bf7\u586b\u5199\u60a8\u7684\u59d3\u540d\uff1a\u7b7e\u6536\u3001\u7b54\u590d\u3001\u53cd\u9988\u7b49\u6bcf\u4e00\u6b21\u4fee\u6539\u90fd\u4f1a\u4ee5\u6b64\u59d3\u540d\u8bb0\u5165\u201c\u5386\u53f2\u201d\uff0c\u4f5c\u4e3a\u64cd\u4f5c\u4eba\u3002", None))
        self.userNameLabel.setText(QCoreApplication.translate("UserNameDialog", u"\u59d3\u540d(&N)\uff1a", None))
        self.userNameEdit.setPlaceholderText(QCoreApplication.translate("UserNameDialog", u"\u4f8b\u5982\uff1a\u5f20\u4e09", None))
        self.hintLabel.setText("")
    # retranslateUi

