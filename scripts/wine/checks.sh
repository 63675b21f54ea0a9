# The checks of scripts/wine-check on the Windows bundle and Setup.exe (sourced by it:
# uses its w, check, WORK, APP, WINEPREFIX, HOST_PY, HERE).

C=$WINEPREFIX/drive_c
# A Windows account name with a space and a letter outside ASCII, as on station PCs.
ODD_HOME='C:\Users\Bripka Agus Ñ\AppData\Local\aduan-desk'
INST="$C/Program Files/Aduan Desk"
INST_W='C:\Program Files\Aduan Desk'
UNINST_KEY='HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\AduanDesk'

# stdout of a wine call into FILE (stderr shown); wine's exit code
wout() { local file=$1; shift; wine "$@" </dev/null 2> >(tr -d '\r' >&2) | cat >"$file"; return "${PIPESTATUS[0]}"; }
# the data folder (%LOCALAPPDATA%\aduan-desk) of the prefix's Windows account
data_folder() { find "$C/users" -maxdepth 5 -type d -path '*/AppData/Local/aduan-desk' | head -1; }
registry_version() {
    wine reg query "$UNINST_KEY" /v DisplayVersion /reg:64 </dev/null 2>/dev/null | tr -d '\r' \
        | awk '/DisplayVersion/ {print $3}'
}
complaints_in() {  # complaints_in FILE: how many complaints a `--json queue` printed
    "$HOST_PY" -c 'import json, sys; print(json.load(open(sys.argv[1], encoding="utf-8"))["total"])' "$1"
}

# --- the bundle ---------------------------------------------------------------------

bundle_checks() {
    local dir=$1 cli="$1\\aduan-desk-cli.exe" gui="$1\\aduan-desk.exe"
    mkdir -p "$WORK/out" "$WORK/shots"
    check "--version" bash -c "'$HERE/run' '$cli' --version | grep -q '^aduan-desk '"
    check "sample into a home with a space and Ñ" w "$cli" --home "$ODD_HOME" --lang en sample --count 80
    check "  ... the database is in C:\\Users\\Bripka Agus Ñ\\AppData\\Local" \
        test -f "$C/users/Bripka Agus Ñ/AppData/Local/aduan-desk/aduan-desk.db"
    check "doctor, keyring is Credential Manager" bash -c \
        "'$HERE/run' '$cli' --home '$ODD_HOME' --lang en doctor | tee '$WORK/out/doctor.txt' | grep -q WinVaultKeyring"
    check "queue into a pipe" wout "$WORK/out/queue.txt" "$cli" --home "$ODD_HOME" --lang en queue --limit 80
    check "  ... UTF-8" "$HOST_PY" "$HERE/utf8_check.py" "$WORK/out/queue.txt"
    check "--json queue into a pipe" wout "$WORK/out/queue.json" "$cli" --home "$ODD_HOME" --json queue --limit 80
    check "  ... UTF-8 JSON, emoji kept" "$HOST_PY" "$HERE/utf8_check.py" --json "$WORK/out/queue.json"
    # cmd.exe's own redirection to files: the IT officer's `... > x.json` and `doctor > file`
    # (the paths in a .bat file: cmd.exe reads it in the OEM code page, so ASCII only there;
    # the odd home comes through ADUAN_DESK_HOME)
    mkdir -p "$C/users/Public/OneDrive - Polri/Desktop"
    printf '%s\r\n' '@echo off' \
        "\"$cli\" --json queue --limit 80 > C:\\users\\Public\\queue.json" \
        'if errorlevel 1 exit /b 1' \
        "\"$cli\" --lang id doctor > \"C:\\users\\Public\\OneDrive - Polri\\Desktop\\aduan-desk-doctor.txt\"" \
        >"$C/users/Public/redirect.bat"
    check "cmd.exe: --json queue > file, doctor > OneDrive Desktop path" \
        w "ADUAN_DESK_HOME=$ODD_HOME" cmd /c 'C:\users\Public\redirect.bat'
    check "  ... the JSON file is UTF-8, emoji kept" "$HOST_PY" "$HERE/utf8_check.py" --json "$C/users/Public/queue.json"
    check "  ... the doctor report is there, UTF-8" \
        "$HOST_PY" "$HERE/utf8_check.py" --any "$C/users/Public/OneDrive - Polri/Desktop/aduan-desk-doctor.txt"
    # a Windows console (a pseudo-terminal for wine): the console's own encoding
    check "--json queue in a console" bash -c \
        "script -qec \"wine '$cli' --home '$ODD_HOME' --json queue\" /dev/null </dev/null >/dev/null"
    check "queue in a console" bash -c \
        "script -qec \"wine '$cli' --home '$ODD_HOME' queue\" /dev/null </dev/null >/dev/null"
    find "$C" -maxdepth 8 -type d -name 'aduan-desk-demo-*' -exec rm -rf {} + 2>/dev/null
    check "demo --screenshot exits 0 (offscreen)" w WINEQT_QPA_PLATFORM=offscreen \
        "WINEQT_QPA_FONTDIR=$FONTS" "$cli" --lang en demo --screenshot "Z:$WORK/shots/demo-offscreen-en.png"
    check "  ... its temporary home is deleted" bash -c \
        "! find '$C' -maxdepth 8 -type d -name 'aduan-desk-demo-*' | grep -q ."
    check "the window in Indonesian, Wine's Windows display (Xvfb)" xvfb-run -a -s "-screen 0 1600x1000x24" \
        "$HERE/run" WINEQT_QPA_PLATFORM=windows "$gui" --lang id demo --screenshot "Z:$WORK/shots/window-id.png"
    check "  ... screenshot written (look at it: shots/window-id.png)" test -s "$WORK/shots/window-id.png"
    check "  ... the Indonesian catalogue is in the bundle" test -s "$APP/dist/aduan-desk/_internal/translations/aduan_id.qm"
}

# --- Setup.exe ----------------------------------------------------------------------

installer_checks() {
    local app=$APP version next setup_n setup_next profile_dir running data
    version=$("$HOST_PY" "$app/installer/build.py" version)
    next=$("$HOST_PY" -c 'import sys; a, b, c = sys.argv[1].split(".")[:3]; print(f"{a}.{b}.{int(c) + 1}")' "$version")
    (cd "$app" && "$HOST_PY" installer/build.py installer --outdir "$WORK/setup-n") 2>&1 | tail -1
    # N+1 with the quicker compressor: the same script, files and options, built in a minute
    (cd "$app" && "$HOST_PY" installer/build.py installer --outdir "$WORK/setup-next" --version "$next" --define COMPRESSOR=zlib) 2>&1 | tail -1
    setup_n=$(ls "$WORK"/setup-n/AduanDesk-Setup-*.exe) && setup_next=$(ls "$WORK"/setup-next/AduanDesk-Setup-*.exe) \
        || { check "Setup.exe built" false; return; }
    profile_dir="$C/users/Public/profil satuan"
    mkdir -p "$profile_dir" && cp "$app/resources/profiles/contoh-polres.toml" "$profile_dir/polres-contoh.toml"

    check "Setup $version /S with a missing /PROFILE= exits 2" expect_exit 2 w "$setup_n" /S '/PROFILE=C:\nowhere\none.toml'
    check "  ... and installs nothing" test ! -e "$INST/aduan-desk.exe"
    check "Setup $version /S /PROFILE=(path with a space)" w "$setup_n" /S '/PROFILE=C:\users\Public\profil satuan\polres-contoh.toml'
    check "  ... program, uninstaller and unit profile installed" \
        test -f "$INST/aduan-desk.exe" -a -f "$INST/aduan-desk-cli.exe" -a -f "$INST/uninstall.exe" -a -f "$INST/unit-profile.toml"
    check "  ... registered as version $version" test "$(registry_version)" = "$version"
    printf 'x = [\n' >"$profile_dir/rusak.toml"
    check "Setup $version /S with a rejected profile exits 3" \
        expect_exit 3 w "$setup_n" /S '/PROFILE=C:\users\Public\profil satuan\rusak.toml'
    check "  ... the good profile stays installed" \
        cmp -s "$INST/unit-profile.toml" "$profile_dir/polres-contoh.toml"
    find "$INST" -printf '%P %s %T@\n' | sort >"$WORK/out/program-files.before"
    check "installed: sample into the default data folder" w "$INST_W\\aduan-desk-cli.exe" --lang en sample --count 40
    check "installed: doctor" w "$INST_W\\aduan-desk-cli.exe" --lang en doctor
    check "installed: --json queue" wout "$WORK/out/installed-n.json" "$INST_W\\aduan-desk-cli.exe" --json queue
    check "installed: the window in Indonesian (Xvfb)" xvfb-run -a -s "-screen 0 1600x1000x24" \
        "$HERE/run" WINEQT_QPA_PLATFORM=windows "$INST_W\\aduan-desk.exe" --lang id demo \
        --screenshot "Z:$WORK/shots/installed-id.png"
    data=$(data_folder)
    check "  ... data in %LOCALAPPDATA%\\aduan-desk" test -n "$data" -a -f "$data/aduan-desk.db"
    find "$INST" -printf '%P %s %T@\n' | sort >"$WORK/out/program-files.after"
    check "nothing written under Program Files (read-only there)" \
        cmp -s "$WORK/out/program-files.before" "$WORK/out/program-files.after"

    # The window open on this PC: the upgrade must refuse, with exit code 2.
    rm -f "$data/logs/faults.log"  # the window (not the CLI) opens it at start
    WINEQT_QPA_PLATFORM=offscreen wine "$INST_W\\aduan-desk.exe" </dev/null > >(cat >"$WORK/out/window.log") 2>&1 &
    running=$!  # wine becomes the Windows process: this is its id
    check "the window starts (for the next check)" wait_for_file "$data/logs/faults.log" 120
    sleep 3
    check "upgrade to $next while the window is open exits 2" expect_exit 2 w "$setup_next" /S
    check "  ... version $version left in place" test "$(registry_version)" = "$version"
    kill "$running" 2>/dev/null
    wait "$running" 2>/dev/null
    timeout 60 wineserver -w || wineserver -k

    check "upgrade to $next /S (window closed)" w "$setup_next" /S
    check "  ... registered as version $next" test "$(registry_version)" = "$next"
    check "  ... the unit profile stays" test -f "$INST/unit-profile.toml"
    check "  ... data kept: the same complaints" same_queue "$WORK/out/installed-n.json" "$WORK/out/upgraded.json"
    check "uninstall /S" w "$INST_W\\uninstall.exe" /S "_?=$INST_W"
    check "  ... program gone" test ! -e "$INST/aduan-desk.exe" -a ! -e "$INST/_internal"
    check "  ... the officers' data kept" test -f "$data/aduan-desk.db"
    check "reinstall $next /S" w "$setup_next" /S
    check "  ... finds the same complaints" same_queue "$WORK/out/installed-n.json" "$WORK/out/reinstalled.json"
    check "uninstall /S /PURGE" w "$INST_W\\uninstall.exe" /S /PURGE "_?=$INST_W"
    check "  ... program and the officers' data gone" test ! -e "$INST/aduan-desk.exe" -a ! -e "$data"
}

expect_exit() {  # expect_exit CODE COMMAND...
    local want=$1
    shift
    "$@"
    local got=$?
    [ "$got" = "$want" ] || { echo "exit code $got, expected $want"; return 1; }
}

wait_for_file() {
    local file=$1 seconds=$2
    for _ in $(seq "$seconds"); do [ -e "$file" ] && return 0; sleep 1; done
    echo "no $file after $seconds s"
    return 1
}

same_queue() {  # same_queue BEFORE.json AFTER.json: the installed program lists the same total
    wout "$2" "$INST_W\\aduan-desk-cli.exe" --json queue || return 1
    local before after
    before=$(complaints_in "$1") && after=$(complaints_in "$2") || return 1
    echo "complaints: $before before, $after after"
    [ "$before" -gt 0 ] && [ "$before" = "$after" ]
}
