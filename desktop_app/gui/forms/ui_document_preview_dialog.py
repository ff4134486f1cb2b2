# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'document_preview_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QSizePolicy, QSpacerItem, QSpinBox, QVBoxLayout

class Ui_DocumentPreviewDialog(object):
    def setupUi(self, DocumentPreviewDialog):
        if not DocumentPreviewDialog.objectName():
            DocumentPreviewDialog.setObjectName(u"DocumentPreviewDialog")
        DocumentPreviewDialog.resize(900, 860)
        self.dialogLayout = QVBoxLayout(DocumentPreviewDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.toolbarLayout = QHBoxLayout()
        self.toolbarLayout.setObjectName(u"toolbarLayout")
        self.previousButton = QPushButton(DocumentPreviewDialog)
        self.previousButton.setObjectName(u"previousButton")

        self.toolbarLayout.addWidget(self.previousButton)

        self.pageSpin = QSpinBox(DocumentPreviewDialog)
        self.pageSpin.setObjectName(u"pageSpin")
        self.pageSpin.setMinimum(1)

        self.toolbarLayout.addWidget(self.pageSpin)

        self.pageCountLabel = QLabel(DocumentPreviewDialog)
        self.pageCountLabel.setObjectName(u"pageCountLabel")

        self.toolbarLayout.addWidget(self.pageCountLabel)

        self.nextButton = QPushButton(DocumentPreviewDialog)
        self.nextButton.setObjectName(u"nextButton")

        self.toolbarLayout.addWidget(self.nextButton)

        self.gap1 = QSpacerItem(12, 1, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.toolbarLayout.addItem(self.gap1)

        self.zoomOutButton = QPushButton(DocumentPreviewDialog)
        self.zoomOutButton.setObjectName(u"zoomOutButton")

        self.toolbarLayout.addWidget(self.zoomOutButton)

        self.zoomSpin = QSpinBox(DocumentPreviewDialog)
        self.zoomSpin.setObjectName(u"zoomSpin")
        self.zoomSpin.setMinimum(25)
        self.zoomSpin.setMaximum(400)
        self.zoomSpin.setSingleStep(25)
        self.zoomSpin.setValue(100)

        self.toolbarLayout.addWidget(self.zoomSpin)

        self.zoomInButton = QPushButton(DocumentPreviewDialog)
        self.zoomInButton.setObjectName(u"zoomInButton")

        self.toolbarLayout.addWidget(self.zoomInButton)

        self.fitWidthButton = QPushButton(DocumentPreviewDialog)
        self.fitWidthButton.setObjectName(u"fitWidthButton")

        self.toolbarLayout.addWidget(self.fitWidthButton)

        self.gap2 = QSpacerItem(40, 1, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.toolbarLayout.addItem(self.gap2)

        self.printButton = QPushButton(DocumentPreviewDialog)
        self.printButton.setObjectName(u"printButton")

        self.toolbarLayout.addWidget(self.printButton)

        self.saveButton = QPushButton(DocumentPreviewDialog)
        self.saveButton.setObjectName(u"saveButton")

        self.toolbarLayout.addWidget(self.saveButton)

        self.openButton = QPushButton(DocumentPreviewDialog)
        self.openButton.setObjectName(u"openButton")

        self.toolbarLayout.addWidget(self.openButton)

        self.closeButton = QPushButton(DocumentPreviewDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.toolbarLayout.addWidget(self.closeButton)


        self.dialogLayout.addLayout(self.toolbarLayout)

        self.warningLabel = QLabel(DocumentPreviewDialog)
        self.warningLabel.setObjectName(u"warningLabel")
        self.warningLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.warningLabel)

        self.fontsLabel = QLabel(DocumentPreviewDialog)
        self.fontsLabel.setObjectName(u"fontsLabel")
        self.fontsLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.fontsLabel)

        self.pageScroll = QScrollArea(DocumentPreviewDialog)
        self.pageScroll.setObjectName(u"pageScroll")
        self.pageScroll.setWidgetResizable(True)
        self.pageScroll.setAlignment(Qt.AlignmentFlag.AlignHCenter|Qt.AlignmentFlag.AlignTop)
        self.pageLabel = QLabel()
        self.pageLabel.setObjectName(u"pageLabel")
        self.pageLabel.setAlignment(Qt.AlignmentFlag.AlignHCenter|Qt.AlignmentFlag.AlignTop)
        self.pageScroll.setWidget(self.pageLabel)

        self.dialogLayout.addWidget(self.pageScroll)


        self.retranslateUi(DocumentPreviewDialog)

        QMetaObject.connectSlotsByName(DocumentPreviewDialog)
    # setupUi

    def retranslateUi(self, DocumentPreviewDialog):
        DocumentPreviewDialog.setWindowTitle(QCoreApplication.translate("DocumentPreviewDialog", u"\u516c\u6587\u9884\u89c8", None))
        self.previousButton.setText(QCoreApplication.translate("DocumentPreviewDialog", u"\u4e0a\u4e00\u9875", None))
#if QT_CONFIG(tooltip)
        self.previousButton.setToolTip(QCoreApplication.translate("DocumentPreviewDialog", u"\u4e0a\u4e00\u9875\uff08PageUp\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.pageCountLabel.setText(QCoreApplication.translate("DocumentPreviewDialog", u"/ 1 \u9875", None))
        self.nextButton.setText(QCoreApplication.translate("DocumentPreviewDialog", u"\u4e0b\u4e00\u9875", None))
#if QT_CONFIG(tooltip)
        self.nextButton.setToolTip(QCoreApplication.translate("DocumentPreviewDialog", u"\u4e0b\u4e00\u9875\uff08PageDown\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.zoomOutButton.setText(QCoreApplication.translate("DocumentPreviewDialog", u"\u7f29\u5c0f", None))
#if QT_CONFIG(tooltip)
        self.zoomOutButton.setToolTip(QCoreApplication.translate("DocumentPreviewDialog", u"\u7f29\u5c0f\uff08Ctrl+-\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.zoomSpin.setSuffix(QCoreApplication.translate("DocumentPreviewDialog", u" %", None))
        self.zoomInButton.setText(QCoreApplication.translate("DocumentPreviewDialog", u"\u653e\u5927", None))
#if QT_CONFIG(tooltip)
        self.zoomInButton.setToolTip(QCoreApplication.translate("DocumentPreviewDialog", u"\u653e\u5927\uff08Ctrl++\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.fitWidthButton.setText(QCoreApplication.translate("DocumentPreviewDialog", u"\u9002\u5408\u5bbd\u5ea6", None))
        self.printButton.setText(QCoreApplication.translate("DocumentPreviewDialog", u"\u6253\u5370\u2026", None))
#if QT_CONFIG(tooltip)
        self.printButton.setToolTip(QCoreApplication.translate("DocumentPreviewDialog", u"\u901a\u8fc7\u7cfb\u7edf\u6253\u5370\u5bf9\u8bdd\u6846\u6253\u5370\uff08300 dpi\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.saveButton.setText(QCoreApplication.translate("DocumentPreviewDialog", u"\u53e6\u5b58\u4e3a PDF\u2026", None))
        self.openButton.setText(QCoreApplication.translate("DocumentPreviewDialog", u"\u7528 PDF \u9605\u8bfb\u5668\u6253\u5f00", None))
#if QT_CONFIG(tooltip)
        self.openButton.setToolTip(QCoreApplication.translate("DocumentPreviewDialog", u"\u5728\u7cfb\u7edf\u9ed8\u8ba4\u7684 PDF \u9605\u8bfb\u5668\u4e2d\u6253\u5f00", None))
#endif // QT_CONFIG(tooltip)
        self.closeButton.setText(QCoreApplication.translate("DocumentPreviewDialog", u"\u5173\u95ed", None))
        self.warningLabel.setStyleSheet(QCoreApplication.translate("DocumentPreviewDialog", u"color: #a05a00;", None))
        self.warningLabel.setText("")
        self.fontsLabel.setText("")
        self.pageLabel.setText("")
    # retranslateUi

