<#
.SYNOPSIS
  Builds the Windows installer of 建议提案办理助手: regenerates the forms, runs the tests, freezes the
  app with PyInstaller, smoke-tests the frozen folder and wraps it with NSIS (packaging).

.DESCRIPTION
  Run from anywhere on 64-bit Windows 10/11 with uv and NSIS installed:
      powershell -ExecutionPolicy Bypass -File packaging\build.ps1
  Result: dist\desktop-app\ (the one-folder program) and dist\desktop-app-<version>-setup.exe.
  Every tool is pinned: Python by .python-version, PyInstaller by the "build" dependency group in
  uv.lock, NSIS by $NsisVersion below (the version .ci/run checks the script with on Linux).
  The GitHub Actions workflow .github/workflows/windows-installer.yml runs exactly this script.

.PARAMETER SkipTests
  Skip the test suite (only for a quick local rebuild; the CI workflow never skips it).
#>
[CmdletBinding()]
param([switch]$SkipTests)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$NsisVersion = 'v3.08'
$Root = Split-Path -Parent $PSScriptRoot
Set-Location $Root

function Invoke-Native([string]$Title, [scriptblock]$Command) {
  # Windows PowerShell does not stop on a failing program, only on a failing cmdlet: check each one.
  Write-Host "==> $Title" -ForegroundColor Cyan
  & $Command
  if ($LASTEXITCODE -ne 0) { throw "$Title 失败（退出码 $LASTEXITCODE），构建已停止。请查看上方输出。" }
}

function Find-MakeNsis {
  $onPath = Get-Command makensis.exe -ErrorAction SilentlyContinue
  if ($onPath) { return $onPath.Source }
  foreach ($folder in @(${env:ProgramFiles(x86)}, $env:ProgramFiles)) {
    if ($folder -and (Test-Path "$folder\NSIS\makensis.exe")) { return "$folder\NSIS\makensis.exe" }
  }
  throw "找不到 makensis.exe：请安装 NSIS $NsisVersion（例如 choco install nsis --version=$($NsisVersion.TrimStart('v'))）。"
}

$makensis = Find-MakeNsis
$foundNsis = (& $makensis /VERSION).Trim()
if ($foundNsis -ne $NsisVersion) {
  throw "NSIS 版本是 $foundNsis，本构建固定使用 $NsisVersion：请安装该版本后重试。"
}

Invoke-Native '安装依赖（uv.lock，含 build 组）' { uv sync --locked --group build }
Invoke-Native '重新生成界面代码（ui\*.ui → desktop_app\gui\forms）' { uv run --locked python scripts/build_forms.py }
if ($SkipTests) {
  Write-Warning '已跳过测试（-SkipTests）：此安装包不得发布。'
} else {
  Invoke-Native '运行测试' { uv run --locked pytest -q }
}

$versions = (uv run --locked python packaging/build_info.py).Trim().Split(' ')
$version = $versions[0]
$fileVersion = $versions[1]

Invoke-Native "PyInstaller 打包 $version" {
  uv run --locked --group build pyinstaller packaging/desktop-app.spec --noconfirm --clean `
    --distpath dist --workpath build/pyinstaller
}

# The windowed desktop-app.exe has no console to report to: the console twin runs the same code.
$smokeHome = Join-Path ([IO.Path]::GetTempPath()) "desktop-app-smoke-$PID"
$env:DESKTOP_APP_HOME = $smokeHome
$env:QT_QPA_PLATFORM = 'offscreen'
try {
  Invoke-Native '冒烟测试：从打包后的文件夹启动' {
    & "$Root\dist\desktop-app\desktop-app-cli.exe" --smoke-test --json --db "$smokeHome\smoke.sqlite"
  }
} finally {
  Remove-Item Env:DESKTOP_APP_HOME, Env:QT_QPA_PLATFORM
  Remove-Item -Recurse -Force $smokeHome -ErrorAction SilentlyContinue
}

$setup = "$Root\dist\desktop-app-$version-setup.exe"
Invoke-Native "NSIS 生成安装程序 $setup" {
  & $makensis /V3 /WX "/DVERSION=$version" "/DFILE_VERSION=$fileVersion" `
    "/DBUNDLE_DIR=$Root\dist\desktop-app" "/DAPP_ICON=$Root\build\pyinstaller\desktop-app\app.ico" `
    "/DOUTFILE=$setup" packaging\installer.nsi
}
$size = [math]::Round((Get-Item $setup).Length / 1MB, 1)
Write-Host "完成：$setup（$size MB）" -ForegroundColor Green
