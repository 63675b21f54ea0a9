; Aduan Desk - the Windows installer (NSIS 3, Modern UI 2).
;
; Built by `python installer\build.py` (after the bundle), which runs:
;   makensis -DVERSION=X.Y.Z -DFILE_VERSION=X.Y.Z.0 -DDIST=C:\src\aduan-desk\dist\aduan-desk
;            [-DOUTFILE=...\AduanDesk-Setup-X.Y.Z.exe] [-DICON=...\build\bundle-inputs\aduan-desk.ico]
;            installer\aduan-desk.nsi
; VERSION comes from pyproject.toml (scripts/version); DIST is the one-folder bundle
; that build_installer.spec makes (aduan-desk.exe, aduan-desk-cli.exe, _internal\).
; makensis resolves relative paths from this folder (installer\): pass absolute ones.
;
; Installer command line (per machine, needs administrator rights):
;   /S               silent: no pages, no questions
;   /PROFILE=FILE    install FILE, a unit profile (TOML), as <install folder>\unit-profile.toml;
;                    it is checked first with `aduan-desk-cli profile check`
;   /D=FOLDER        install folder (default: C:\Program Files\Aduan Desk; NSIS's own
;                    option: last on the line, no quotes)
; Uninstaller command line (uninstall.exe in the install folder):
;   /S               silent
;   /PURGE           also delete the officers' data folders (every account on this PC);
;                    without it their data stays, for a reinstall or an upgrade
; Exit codes: 0 done; 1 cancelled; 2 stopped before installing anything (bad /PROFILE
; path, Aduan Desk still running, unsupported Windows); 3 installed, but the unit
; profile was rejected and not installed (see the install log / message).

Unicode true
ManifestDPIAware true
RequestExecutionLevel admin
!ifdef COMPRESSOR
  SetCompressor ${COMPRESSOR}  ; e.g. zlib: a quicker build for tests (makensis -DCOMPRESSOR=zlib)
!else
  SetCompressor /SOLID lzma
!endif

!ifndef VERSION
  !error "Pass the version: makensis -DVERSION=X.Y.Z (scripts/version, or python installer/build.py)"
!endif
!ifndef DIST
  !error "Pass the bundle folder: makensis -DDIST=dist\aduan-desk (built by build_installer.spec)"
!endif
!ifndef FILE_VERSION
  !define FILE_VERSION "${VERSION}.0"  ; right for X.Y.Z; pass -DFILE_VERSION for other forms
!endif
!ifndef OUTFILE
  !define OUTFILE "AduanDesk-Setup-${VERSION}.exe"
!endif

!define APP_NAME "Aduan Desk"
!define PUBLISHER "Aduan Desk"
!define GUI_EXE "aduan-desk.exe"
!define CLI_EXE "aduan-desk-cli.exe"
!define PROFILE_FILE "unit-profile.toml"
; The officers' data: platformdirs.user_data_path("aduan-desk", appauthor=False),
; that is %LOCALAPPDATA%\aduan-desk of each Windows account (never under Program Files).
!define DATA_FOLDER "aduan-desk"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\AduanDesk"
!define PROFILES_KEY "SOFTWARE\Microsoft\Windows NT\CurrentVersion\ProfileList"
!define SHORTCUT "$SMPROGRAMS\${APP_NAME}.lnk"

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "Sections.nsh"
!include "FileFunc.nsh"
!include "WordFunc.nsh"
!include "x64.nsh"
!include "WinVer.nsh"

Name "${APP_NAME} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\${APP_NAME}"
ShowInstDetails show
ShowUninstDetails show
BrandingText "${APP_NAME} ${VERSION}"

Var ProfilePath  ; /PROFILE=FILE, made absolute; empty when not given
Var ErrorLevel   ; the exit code to set at the end (3: profile rejected)

; --- pages -------------------------------------------------------------------------

!define MUI_ABORTWARNING
!define MUI_UNABORTWARNING
!ifdef ICON
  !define MUI_ICON "${ICON}"
  !define MUI_UNICON "${ICON}"
!endif
!define MUI_COMPONENTSPAGE_NODESC

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_NOAUTOCLOSE
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

; Indonesian first: the officers' language, and the fallback for other Windows languages.
!insertmacro MUI_LANGUAGE "Indonesian"
!insertmacro MUI_LANGUAGE "English"

; --- texts -------------------------------------------------------------------------

LangString NeedsWindows10 ${LANG_INDONESIAN} "${APP_NAME} memerlukan Windows 10 atau 11 versi 64-bit."
LangString NeedsWindows10 ${LANG_ENGLISH} "${APP_NAME} needs 64-bit Windows 10 or 11."
LangString NoProfile ${LANG_INDONESIAN} "Berkas profil satuan tidak ditemukan:$\r$\n$ProfilePath"
LangString NoProfile ${LANG_ENGLISH} "The unit profile file was not found:$\r$\n$ProfilePath"
LangString StillRunning ${LANG_INDONESIAN} "${APP_NAME} masih terbuka (mungkin di akun Windows lain). Tutup dulu, lalu pilih Coba lagi."
LangString StillRunning ${LANG_ENGLISH} "${APP_NAME} is still open (perhaps in another Windows account). Close it, then choose Retry."
LangString StillRunningLog ${LANG_INDONESIAN} "Dihentikan: ${APP_NAME} masih berjalan."
LangString StillRunningLog ${LANG_ENGLISH} "Stopped: ${APP_NAME} is still running."
LangString ProfileRejected ${LANG_INDONESIAN} "Profil satuan ditolak dan TIDAK dipasang (lihat rincian):$\r$\n$ProfilePath"
LangString ProfileRejected ${LANG_ENGLISH} "The unit profile was rejected and NOT installed (see the details):$\r$\n$ProfilePath"
LangString ProfileInstalled ${LANG_INDONESIAN} "Profil satuan dipasang: $INSTDIR\${PROFILE_FILE}"
LangString ProfileInstalled ${LANG_ENGLISH} "Unit profile installed: $INSTDIR\${PROFILE_FILE}"
LangString DataKept ${LANG_INDONESIAN} "Data petugas tetap disimpan (%LOCALAPPDATA%\${DATA_FOLDER} tiap akun)."
LangString DataKept ${LANG_ENGLISH} "The officers' data is kept (%LOCALAPPDATA%\${DATA_FOLDER} of each account)."
LangString DataPurged ${LANG_INDONESIAN} "Dihapus:"
LangString DataPurged ${LANG_ENGLISH} "Deleted:"
LangString SecProgram ${LANG_INDONESIAN} "Program ${APP_NAME}"
LangString SecProgram ${LANG_ENGLISH} "The ${APP_NAME} program"
LangString SecPurge ${LANG_INDONESIAN} "Hapus juga data petugas (semua akun di PC ini)"
LangString SecPurge ${LANG_ENGLISH} "Also delete the officers' data (every account on this PC)"

; --- version resource of Setup.exe ---------------------------------------------------

VIProductVersion "${FILE_VERSION}"
VIFileVersion "${FILE_VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileDescription" "${APP_NAME} Setup"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "LegalCopyright" "${PUBLISHER}"

; --- helpers -----------------------------------------------------------------------

; Wait until no copy of the program runs from the install folder (a running .exe
; cannot be opened for writing). Silent: give up at once (exit code 2).
!macro WAIT_UNTIL_CLOSED UN
Function ${UN}WaitUntilClosed
  ${Do}
    StrCpy $0 ""
    ${If} ${FileExists} "$INSTDIR\${GUI_EXE}"
      ClearErrors
      FileOpen $1 "$INSTDIR\${GUI_EXE}" a
      ${If} ${Errors}
        StrCpy $0 "busy"
      ${Else}
        FileClose $1
      ${EndIf}
    ${EndIf}
    ${If} ${FileExists} "$INSTDIR\${CLI_EXE}"
      ClearErrors
      FileOpen $1 "$INSTDIR\${CLI_EXE}" a
      ${If} ${Errors}
        StrCpy $0 "busy"
      ${Else}
        FileClose $1
      ${EndIf}
    ${EndIf}
    ${If} $0 == ""
      Return
    ${EndIf}
    DetailPrint "$(StillRunningLog)"
    ${If} ${Silent}
      SetErrorLevel 2
      Abort
    ${EndIf}
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(StillRunning)" IDRETRY retry
    SetErrorLevel 2
    Abort
    retry:
  ${Loop}
FunctionEnd
!macroend
!insertmacro WAIT_UNTIL_CLOSED ""
!insertmacro WAIT_UNTIL_CLOSED "un."

; Delete one data folder if it is there; $0 holds the folder.
Function un.DeleteDataFolder
  ${If} ${FileExists} "$0\*.*"
    RMDir /r "$0"
    DetailPrint "$(DataPurged) $0"
  ${EndIf}
FunctionEnd

; The data folders of every Windows account on this PC (the station PC is shared),
; and of the account running the uninstaller.
Function un.PurgeData
  SetShellVarContext current
  StrCpy $0 "$LOCALAPPDATA\${DATA_FOLDER}"
  Call un.DeleteDataFolder
  StrCpy $0 "$APPDATA\${DATA_FOLDER}"
  Call un.DeleteDataFolder
  SetShellVarContext all
  StrCpy $3 0
  ${Do}
    EnumRegKey $4 HKLM "${PROFILES_KEY}" $3
    ${If} $4 == ""
      ${Break}
    ${EndIf}
    IntOp $3 $3 + 1
    ReadRegStr $5 HKLM "${PROFILES_KEY}\$4" "ProfileImagePath"
    ${If} $5 != ""
      ExpandEnvStrings $5 $5
      StrCpy $0 "$5\AppData\Local\${DATA_FOLDER}"
      Call un.DeleteDataFolder
      StrCpy $0 "$5\AppData\Roaming\${DATA_FOLDER}"
      Call un.DeleteDataFolder
    ${EndIf}
  ${Loop}
FunctionEnd

; --- install -----------------------------------------------------------------------

Function .onInit
  SetShellVarContext all
  ${IfNot} ${RunningX64}
  ${OrIfNot} ${AtLeastWin10}
    ${IfNot} ${Silent}
      MessageBox MB_OK|MB_ICONSTOP "$(NeedsWindows10)"
    ${EndIf}
    SetErrorLevel 2
    Quit
  ${EndIf}
  SetRegView 64
  StrCpy $ErrorLevel 0

  ${GetParameters} $R0
  ; An upgrade goes where the previous version is, unless /D= says otherwise.
  ClearErrors
  ${GetOptions} $R0 "/D=" $R1
  ${If} ${Errors}
    ReadRegStr $R1 HKLM "${UNINST_KEY}" "InstallLocation"
    ${If} $R1 != ""
      StrCpy $INSTDIR $R1
    ${EndIf}
  ${EndIf}

  StrCpy $ProfilePath ""
  StrCpy $R2 ""  ; "given" when /PROFILE= is on the command line
  ClearErrors
  ${GetOptions} $R0 "/PROFILE=" $R1
  ${IfNot} ${Errors}
    StrCpy $R2 "given"
  ${Else}
    ; "/PROFILE=C:\a folder\x.toml", the whole option quoted (as deployment tools and
    ; the README write it): GetOptions skips quoted text, so look for it here.
    ${WordFind} $R0 '"/PROFILE=' "+1}" $R1  ; what follows it (the whole line if absent)
    ${If} $R1 != $R0
      ${WordFind} $R1 '"' "+1{" $R1  ; up to the closing quote
      StrCpy $R2 "given"
    ${EndIf}
  ${EndIf}
  ${If} $R2 == "given"
    GetFullPathName $ProfilePath $R1
    ${If} $ProfilePath == ""
    ${OrIfNot} ${FileExists} $ProfilePath
      StrCpy $ProfilePath $R1
      ${IfNot} ${Silent}
        MessageBox MB_OK|MB_ICONSTOP "$(NoProfile)"
      ${EndIf}
      SetErrorLevel 2
      Quit
    ${EndIf}
  ${EndIf}
FunctionEnd

Section "!$(SecProgram)" SecProgram
  SectionIn RO
  Call WaitUntilClosed

  ; An upgrade: the old program files go first, so that none of them lingers.
  ; unit-profile.toml stays; the officers' data is not in this folder at all.
  ${If} ${FileExists} "$INSTDIR\${GUI_EXE}"
    RMDir /r "$INSTDIR\_internal"
  ${EndIf}

  SetOutPath "$INSTDIR"
  File /r "${DIST}\*.*"

  ${If} $ProfilePath != ""
    DetailPrint "${CLI_EXE} profile check $\"$ProfilePath$\""
    nsExec::ExecToLog '"$INSTDIR\${CLI_EXE}" profile check "$ProfilePath"'
    Pop $0
    ${If} $0 == "0"
      CopyFiles /SILENT "$ProfilePath" "$INSTDIR\${PROFILE_FILE}"
      DetailPrint "$(ProfileInstalled)"
    ${Else}
      DetailPrint "$(ProfileRejected)"
      ${IfNot} ${Silent}
        MessageBox MB_OK|MB_ICONEXCLAMATION "$(ProfileRejected)"
      ${EndIf}
      StrCpy $ErrorLevel 3
    ${EndIf}
  ${EndIf}

  CreateShortcut "${SHORTCUT}" "$INSTDIR\${GUI_EXE}" "" "$INSTDIR\${GUI_EXE}" 0
  WriteUninstaller "$INSTDIR\uninstall.exe"

  WriteRegStr HKLM "${UNINST_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${GUI_EXE},0"
  WriteRegStr HKLM "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKLM "${UNINST_KEY}" "EstimatedSize" "$0"

  ${If} $ErrorLevel != 0
    SetErrorLevel $ErrorLevel
  ${EndIf}
SectionEnd

; --- uninstall ---------------------------------------------------------------------

Section "!un.$(SecProgram)" SecUninstall
  SectionIn RO
  Call un.WaitUntilClosed
  Delete "${SHORTCUT}"
  Delete "$INSTDIR\${GUI_EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${PROFILE_FILE}"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"  ; only when empty: nothing but ours is removed
  DeleteRegKey HKLM "${UNINST_KEY}"
SectionEnd

Section /o "un.$(SecPurge)" SecPurge
  Call un.PurgeData
SectionEnd

Section "-un.report"
  ${IfNot} ${SectionIsSelected} ${SecPurge}
    DetailPrint "$(DataKept)"
  ${EndIf}
SectionEnd

; After the sections: it selects one of them.
Function un.onInit
  SetShellVarContext all
  SetRegView 64
  ${un.GetParameters} $R0
  ClearErrors
  ${un.GetOptions} $R0 "/PURGE" $R1
  ${IfNot} ${Errors}
    !insertmacro SelectSection ${SecPurge}
  ${EndIf}
FunctionEnd
