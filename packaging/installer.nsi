; The Windows installer of 建议提案办理助手 (packaging): per-user, Chinese, no administrator rights.
;
;   makensis /DVERSION=0.1.0 /DFILE_VERSION=0.1.0.0 /DBUNDLE_DIR=<dist\desktop-app> /DAPP_ICON=<app.ico> /DOUTFILE=<setup.exe> installer.nsi
;
; packaging/build.ps1 passes these from pyproject.toml and the PyInstaller build; the defaults below
; point at that build's output, so the script also compiles on Linux against the Linux bundle
; (packaging/check_frozen.py): nothing here names a file that only the Windows build makes — the
; .exe names appear only as targets of shortcuts and deletions, never as sources.
;
; Installs into %LOCALAPPDATA%\Programs\JianyiTiananZhushou (per user, so no UAC prompt), adds a
; Start-menu and a desktop shortcut and an entry in 设置 → 应用. Running the next setup.exe upgrades
; in place: the program files are replaced, the data folder is never touched (the app backs up and
; migrates the database on its first start). The uninstaller removes the program and keeps the
; user's data (%LOCALAPPDATA%\JianyiTiananZhushou, or data\ beside the program in portable mode)
; unless its second, unticked component is chosen (or /DELETEDATA given: `uninstall.exe /S /DELETEDATA`).
; This file is UTF-8 with a BOM: makensis on Windows reads a file without one in the ANSI code page
; and garbles the Chinese.

Unicode true
ManifestDPIAware true
; The program is 64-bit only, so is the installer: it runs in 64-bit Wine without 32-bit support,
; which is how packaging/check_frozen.py installs, upgrades and uninstalls it on Linux (it passes
; /DTARGET=amd64-unicode). The official NSIS build for Windows ships no 64-bit stubs (Debian's does):
; there a 32-bit installer is made, which writes the same folders and the same HKCU keys.
!ifndef TARGET
  !if /FileExists "${NSISDIR}\Stubs\zlib-amd64-unicode"
    !define TARGET "amd64-unicode"
  !else
    !echo "此 NSIS 没有 64 位安装程序模块（Stubs\*-amd64-unicode），改为生成 32 位安装程序。"
    !define TARGET "x86-unicode"
  !endif
!endif
Target ${TARGET}
; The Linux check passes /DNO_COMPRESSION: it tests the script, and lzma takes minutes there.
!ifdef NO_COMPRESSION
  SetCompress off
!else
  SetCompressor /SOLID lzma
!endif

!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"
!include "Sections.nsh"
!include "WinVer.nsh"
!include "x64.nsh"

!define APP_NAME "建议提案办理助手"
; ASCII like desktop_app/paths.py APP_DIR_NAME: the data folder, install folder and registry key.
!define APP_ID "JianyiTiananZhushou"
!define PUBLISHER "建议提案办理助手项目组"
!define EXE "desktop-app.exe"
!define CLI_EXE "desktop-app-cli.exe"
!define UNINSTALLER "uninstall.exe"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"

!ifndef VERSION
  !define VERSION "0.0.0"
!endif
!ifndef FILE_VERSION
  !define FILE_VERSION "0.0.0.0"
!endif
!ifndef BUNDLE_DIR
  !define BUNDLE_DIR "..\dist\desktop-app"
!endif
!ifndef APP_ICON
  !define APP_ICON "..\build\pyinstaller\desktop-app\app.ico"
!endif
!ifndef OUTFILE
  !define OUTFILE "..\dist\desktop-app-${VERSION}-setup.exe"
!endif

Name "${APP_NAME}"
Caption "${APP_NAME} ${VERSION} 安装"
UninstallCaption "${APP_NAME} 卸载"
OutFile "${OUTFILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\${APP_ID}"
InstallDirRegKey HKCU "${UNINST_KEY}" "InstallLocation"
BrandingText "${APP_NAME} ${VERSION}"

!define MUI_ICON "${APP_ICON}"
!define MUI_UNICON "${APP_ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "立即运行${APP_NAME}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!define MUI_COMPONENTSPAGE_NODESC
!define MUI_COMPONENTSPAGE_TEXT_TOP "默认只删除程序，保留您的数据（数据库、备份、日志和设置），以后重新安装即可继续使用。只有勾选第二项才会删除数据。"
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "SimpChinese"

VIProductVersion "${FILE_VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileDescription" "${APP_NAME} 安装程序"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "LegalCopyright" "${PUBLISHER}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductVersion" "${VERSION}"

; A running program holds its .exe open: replacing or deleting files under it would leave a
; half-old, half-new folder. Windows refuses to open a running .exe for writing, which we test.
!macro WAIT_UNTIL_CLOSED un
  Function ${un}WaitUntilClosed
    ${ForEach} $R1 0 1 + 1
      ${If} $R1 = 0
        StrCpy $R2 "$INSTDIR\${EXE}"
      ${Else}
        StrCpy $R2 "$INSTDIR\${CLI_EXE}"
      ${EndIf}
      ${DoWhile} ${FileExists} "$R2"
        ClearErrors
        FileOpen $R3 "$R2" a
        ${IfNot} ${Errors}
          FileClose $R3
          ${Break}
        ${EndIf}
        ${If} ${Cmd} `MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "${APP_NAME}正在运行。$\r$\n请先关闭所有${APP_NAME}窗口（也可在任务管理器中结束 desktop-app），然后点“重试”。" /SD IDCANCEL IDCANCEL`
          Abort "${APP_NAME}正在运行，已取消。请关闭程序后重新运行安装或卸载程序。"
        ${EndIf}
      ${Loop}
    ${Next}
  FunctionEnd
!macroend
!insertmacro WAIT_UNTIL_CLOSED ""
!insertmacro WAIT_UNTIL_CLOSED "un."

Function .onInit
  SetShellVarContext current
  ${IfNot} ${RunningX64}
  ${OrIfNot} ${AtLeastWin10}
    MessageBox MB_OK|MB_ICONSTOP "${APP_NAME}需要 64 位的 Windows 10 或 Windows 11。$\r$\n请在符合要求的电脑上安装。" /SD IDOK
    Abort
  ${EndIf}
FunctionEnd

Section "程序文件" SecProgram
  SectionIn RO
  Call WaitUntilClosed
  SetOutPath "$INSTDIR"
  ; An upgrade replaces the whole program: modules the new version dropped must not linger.
  RMDir /r "$INSTDIR\_internal"
  File /r "${BUNDLE_DIR}\*"
  WriteUninstaller "$INSTDIR\${UNINSTALLER}"

  CreateShortCut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0
  CreateShortCut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0

  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${EXE},0"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\${UNINSTALLER}"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\${UNINSTALLER}" /S'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINST_KEY}" "EstimatedSize" $0
SectionEnd

Section "un.删除程序" UnSecProgram
  SectionIn RO
  Call un.WaitUntilClosed
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  Delete "$DESKTOP\${APP_NAME}.lnk"
  ; Only what the installer put there: never RMDir /r $INSTDIR, which may hold portable data.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
  Delete "$INSTDIR\${UNINSTALLER}"
  DeleteRegKey HKCU "${UNINST_KEY}"
  RMDir "$INSTDIR"
SectionEnd

Section /o "un.同时删除我的数据（数据库、备份、日志、设置，无法恢复）" UnSecData
  ; Ticked in the wizard, or by /DELETEDATA (un.onInit ticks this same box): one way to delete data.
  ; The wizard asks once more; a silent uninstall deletes only when /DELETEDATA was typed.
  ${IfNot} ${Silent}
  ${AndIf} ${Cmd} `MessageBox MB_YESNO|MB_ICONEXCLAMATION|MB_DEFBUTTON2 "确定要永久删除全部建议提案数据吗？$\r$\n数据库和所有备份都会被删除，无法恢复。$\r$\n如需保留，请点“否”（程序仍会被卸载）。" IDNO`
    Return
  ${EndIf}
  RMDir /r "$LOCALAPPDATA\${APP_ID}"
  RMDir /r "$INSTDIR\data"
  Delete "$INSTDIR\portable"
  RMDir "$INSTDIR"
SectionEnd

; After the sections: it names UnSecData.
Function un.onInit
  SetShellVarContext current
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/DELETEDATA" $R1
  ${IfNot} ${Errors}
    !insertmacro SelectSection ${UnSecData}
  ${EndIf}
FunctionEnd
