"""Qt's own Chinese translations (gui layer).

Qt draws some texts itself — the standard buttons of message boxes (OK/Cancel → 确定/取消), the
context menu of line edits, file dialogs. Without ``qtbase_zh_CN.qm`` those stay English in a
Chinese app. The PySide6-Essentials wheel ships the file in ``QLibraryInfo.TranslationsPath``; a
PyInstaller build must collect that folder too.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

CATALOGS = ("qtbase",)


def install_translations(app: QCoreApplication, locale_name: str = "zh_CN") -> list[QTranslator]:
    """Load Qt's catalogs for ``locale_name`` into ``app`` and make that locale the default (dates
    and numbers in widgets). Returns the installed translators (parented to ``app`` so they live as
    long as it does). A missing catalog is logged, not fatal: the app then shows some English."""
    QLocale.setDefault(QLocale(locale_name))
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    installed = []
    for catalog in CATALOGS:
        translator = QTranslator(app)
        if translator.load(f"{catalog}_{locale_name}", folder):
            app.installTranslator(translator)
            installed.append(translator)
        else:
            log.warning("找不到 Qt 翻译文件 %s_%s.qm（目录 %s），部分按钮将显示英文", catalog, locale_name, folder)
            translator.deleteLater()
    return installed
