# The checks of scripts/wine-check on the Windows bundle and Setup.exe (sourced by it:
# uses its w, check, WORK, APP, OLD, PREVIOUS, WINEPREFIX, HOST_PY, HERE).

C=$WINEPREFIX/drive_c
# A Windows account name with a space and a letter outside ASCII, as on station PCs.
ODD_HOME='C:\Users\Bripka Agus Ñ\AppData\Local\aduan-desk'
INST="$C/Program Files/Aduan Desk"
INST_W='C:\Program Files\Aduan Desk'
UNINST_KEY='HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\AduanDesk'

# stdout of a wine call into FILE (stderr shown); wine's exit code
wout() { local file=$1; shift; wine "$@" </dev/null 2> >(tr -d '\r' >&2) | cat >"$file"; return "${PIPESTATUS[0]}"; }
# the data folder (%LOCALAPPDATA%\aduan-desk) of the prefix's Windows account (not ODD_HOME)
data_folder() {
    find "$C/users" -maxdepth 5 -type d -path '*/AppData/Local/aduan-desk' ! -path '*/Bripka Agus*' | head -1
}
registry_version() {
    wine reg query "$UNINST_KEY" /v DisplayVersion /reg:64 </dev/null 2>/dev/null | tr -d '\r' \
        | awk '/DisplayVersion/ {print $3}'
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

next_version() {  # this version's number, plus one: N+1 of the upgrade check
    "$HOST_PY" -c 'import sys; a, b, c = sys.argv[1].split(".")[:3]; print(f"{a}.{b}.{int(c) + 1}")' \
        "$("$HOST_PY" "$APP/installer/build.py" version)"
}

build_setups() {  # both Setup.exe, with Linux makensis (no Wine: beside the bundle checks)
    rm -rf "$WORK/setup-n" "$WORK/setup-next"
    # N+1: this version, numbered after N, with the quicker compressor (the same script,
    # files and options otherwise; N's Setup is the lzma one)
    (cd "$APP" && "$HOST_PY" installer/build.py installer --outdir "$WORK/setup-next" \
        --version "$(next_version)" --define COMPRESSOR=zlib) 2>&1 | tail -1
    # N: its own installer script and build step, as it was released
    (cd "$OLD" && "$HOST_PY" installer/build.py installer --outdir "$WORK/setup-n") 2>&1 | tail -1
}

installer_checks() {
    local app=$APP version_n next setup_n setup_next profile_dir running data
    local cli="$INST_W\\aduan-desk-cli.exe" out=$WORK/out
    version_n=$(cd "$OLD" && "$HOST_PY" installer/build.py version)
    next=$(next_version)
    setup_n=$(ls "$WORK"/setup-n/AduanDesk-Setup-*.exe) && setup_next=$(ls "$WORK"/setup-next/AduanDesk-Setup-*.exe) \
        || { check "Setup.exe built" false; return; }
    profile_dir="$C/users/Public/profil satuan"
    mkdir -p "$profile_dir" && cp "$app/resources/profiles/contoh-polres.toml" "$profile_dir/polres-contoh.toml"
    # N's Setup reads /PROFILE= only unquoted, so without a space
    cp "$app/resources/profiles/contoh-polres.toml" "$C/users/Public/polres-n.toml"

    check "Setup $next /S with a missing /PROFILE= exits 2" expect_exit 2 w "$setup_next" /S '/PROFILE=C:\nowhere\none.toml'
    check "  ... and installs nothing" test ! -e "$INST/aduan-desk.exe"

    # --- version N, and data it creates -----------------------------------------------
    check "version N (${PREVIOUS:0:10}): Setup $version_n /S /PROFILE=" w "$setup_n" /S '/PROFILE=C:\users\Public\polres-n.toml'
    check "  ... program, uninstaller and unit profile installed" \
        test -f "$INST/aduan-desk.exe" -a -f "$INST/aduan-desk-cli.exe" -a -f "$INST/uninstall.exe" -a -f "$INST/unit-profile.toml"
    check "  ... registered as version $version_n" test "$(registry_version)" = "$version_n"
    check "N: sample --count 40" wout "$out/sample-n.txt" "$cli" --lang en sample --count 40 --seed 1
    check "  ... 40 complaints loaded" grep '^40 sample' "$out/sample-n.txt"
    check "N: complaint 3 in progress, then resolved" \
        bash -c "'$HERE/run' '$cli' --lang en status 3 in_progress && '$HERE/run' '$cli' --lang en status 3 resolved"
    check "N: notes on complaints 1 and 4" bash -c "'$HERE/run' '$cli' --lang en note 1 --text 'Sudah dicek di lapangan' \
        && '$HERE/run' '$cli' --lang en note 4 --text 'Pelapor dihubungi lewat telepon, Bripka Agus'"
    check "N: doctor" wout "$out/doctor-n.txt" "$cli" --lang en doctor
    # complaints whose text N can print into a pipe (N predates the UTF-8 output)
    for id in 1 3 4; do
        check "N: --json show $id" wout "$out/show-n-$id.json" "$cli" --json show "$id"
    done
    data=$(data_folder)
    check "  ... data in %LOCALAPPDATA%\\aduan-desk" test -n "$data" -a -f "$data/aduan-desk.db"

    # N's window open on this PC: the upgrade must refuse, with exit code 2.
    rm -f "$data/logs/faults.log"  # the window (not the CLI) opens it at start
    WINEQT_QPA_PLATFORM=offscreen wine "$INST_W\\aduan-desk.exe" </dev/null > >(cat >"$out/window.log") 2>&1 &
    running=$!  # wine becomes the Windows process: this is its id
    check "N's window starts (for the next check)" wait_for_file "$data/logs/faults.log" 120
    sleep 3
    check "upgrade to $next while N's window is open exits 2" expect_exit 2 w "$setup_next" /S
    check "  ... version $version_n left in place" test "$(registry_version)" = "$version_n"
    kill "$running" 2>/dev/null
    wait "$running" 2>/dev/null
    timeout 60 wineserver -w || wineserver -k

    # --- N+1 over N: the migration runs, the data stays ---------------------------------
    check "upgrade N -> $next /S (window closed)" w "$setup_next" /S
    check "  ... registered as version $next" test "$(registry_version)" = "$next"
    check "  ... the unit profile stays" cmp -s "$INST/unit-profile.toml" "$C/users/Public/polres-n.toml"
    find "$INST" -printf '%P %s %T@\n' | sort >"$out/program-files.before"
    check "N+1: doctor" wout "$out/doctor-next.txt" "$cli" --lang en doctor
    check "  ... the migration ran (schema of N -> head of N+1)" \
        "$HOST_PY" "$HERE/upgrade_check.py" schema "$out/doctor-n.txt" "$out/doctor-next.txt"
    check "  ... N's database backed up before it" bash -c "ls '$data/backups/'aduan-desk-schema-*.db"
    check "  ... data kept: the 40 complaints" same_queue 40 "$out/upgraded.json"
    check "  ... complaints 1, 3, 4 as N stored them (status, messages, notes)" same_complaints upgraded
    check "installed: the window in Indonesian (Xvfb)" xvfb-run -a -s "-screen 0 1600x1000x24" \
        "$HERE/run" WINEQT_QPA_PLATFORM=windows "$INST_W\\aduan-desk.exe" --lang id demo \
        --screenshot "Z:$WORK/shots/installed-id.png"
    find "$INST" -printf '%P %s %T@\n' | sort >"$out/program-files.after"
    check "nothing written under Program Files (read-only there)" \
        cmp -s "$out/program-files.before" "$out/program-files.after"
    printf 'x = [\n' >"$profile_dir/rusak.toml"
    check "Setup $next /S with a rejected profile exits 3" \
        expect_exit 3 w "$setup_next" /S '/PROFILE=C:\users\Public\profil satuan\rusak.toml'
    check "  ... the good profile stays installed" cmp -s "$INST/unit-profile.toml" "$C/users/Public/polres-n.toml"

    # --- uninstall keeping the data, reinstall, purge -----------------------------------
    check "uninstall /S" w "$INST_W\\uninstall.exe" /S "_?=$INST_W"
    check "  ... program gone" test ! -e "$INST/aduan-desk.exe" -a ! -e "$INST/_internal"
    check "  ... the officers' data kept" test -f "$data/aduan-desk.db"
    check "reinstall $next /S /PROFILE=(path with a space)" \
        w "$setup_next" /S '/PROFILE=C:\users\Public\profil satuan\polres-contoh.toml'
    check "  ... that unit profile installed" cmp -s "$INST/unit-profile.toml" "$profile_dir/polres-contoh.toml"
    check "  ... finds the same 40 complaints" same_queue 40 "$out/reinstalled.json"
    check "  ... complaints 1, 3, 4 as N stored them" same_complaints reinstalled
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

same_queue() {  # same_queue COUNT FILE.json: the installed program lists COUNT complaints
    wout "$2" "$INST_W\\aduan-desk-cli.exe" --json queue --all --limit 100 || return 1
    "$HOST_PY" "$HERE/upgrade_check.py" total "$2" "$1"
}

same_complaints() {  # same_complaints NAME: the installed program shows 1, 3, 4 as N did
    local id
    for id in 1 3 4; do
        wout "$WORK/out/show-$1-$id.json" "$INST_W\\aduan-desk-cli.exe" --json show "$id" || return 1
        "$HOST_PY" "$HERE/upgrade_check.py" same "$WORK/out/show-n-$id.json" "$WORK/out/show-$1-$id.json" \
            || return 1
    done
}
