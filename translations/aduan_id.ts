<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id" sourcelanguage="en">
<context>
    <name>AccountForm</name>
    <message>
        <source>Advanced, for IT: add an account with a token</source>
        <translation>Lanjutan, untuk TI: tambah akun dengan token</translation>
    </message>
    <message>
        <source>&amp;Platform:</source>
        <translation>&amp;Platform:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nama:</translation>
    </message>
    <message>
        <source>&amp;API address:</source>
        <translation>Alamat &amp;API:</translation>
    </message>
    <message>
        <source>P&amp;arameters:</source>
        <translation>P&amp;arameter:</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>Nama akun</translation>
    </message>
    <message>
        <source>API address (optional)</source>
        <translation>Alamat API (boleh kosong)</translation>
    </message>
    <message>
        <source>Parameters, one key=value per line</source>
        <translation>Parameter, satu kunci=nilai per baris</translation>
    </message>
    <message>
        <source>Access token (hidden; kept only in the system keyring)</source>
        <translation>Token akses (tersembunyi; hanya disimpan di keyring sistem)</translation>
    </message>
    <message>
        <source>e.g. humaspolrescontoh</source>
        <translation>mis. humaspolrescontoh</translation>
    </message>
    <message>
        <source>Paste the token; it is stored in the keyring</source>
        <translation>Tempel token; token disimpan di keyring</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>Tambah akun</translation>
    </message>
    <message>
        <source>Add the account and store its token</source>
        <translation>Tambahkan akun dan simpan tokennya</translation>
    </message>
    <message>
        <source>default: {address}</source>
        <translation>bawaan: {address}</translation>
    </message>
</context>
<context>
    <name>AccountNotice</name>
    <message>
        <source>%1 must be connected again</source>
        <translation>%1 perlu dihubungkan ulang</translation>
    </message>
    <message>
        <source>The platform no longer renews this account&apos;s sign-in (revoked, expired or the password changed). Connect it again: its complaints, replies and notes stay.</source>
        <translation>Platform tidak lagi memperpanjang izin masuk akun ini (dicabut, kedaluwarsa, atau kata sandi diganti). Hubungkan ulang: aduan, balasan, dan catatannya tetap ada.</translation>
    </message>
    <message>
        <source>%1: the sign-in ends in %2</source>
        <translation>%1: izin masuk berakhir dalam %2</translation>
    </message>
</context>
<context>
    <name>AccountNoticeBar</name>
    <message>
        <source>(and %1 more)</source>
        <translation>(dan %1 lainnya)</translation>
    </message>
    <message>
        <source>Connect again</source>
        <translation>Hubungkan ulang</translation>
    </message>
    <message>
        <source>Connect the account again</source>
        <translation>Hubungkan ulang akun ini</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <source>⚠ Needs a new token: {names}. Select the account, paste a new token and press “Save new token”.</source>
        <translation>⚠ Perlu token baru: {names}. Pilih akunnya, tempel token baru, lalu tekan “Simpan token baru”.</translation>
    </message>
    <message>
        <source>⚠ Must be connected again: {names}. The platform no longer renews their sign-in; connecting again keeps their complaints.</source>
        <translation>⚠ Perlu dihubungkan ulang: {names}. Platform tidak lagi memperpanjang izin masuknya; menghubungkan ulang tetap menyimpan aduannya.</translation>
    </message>
    <message>
        <source>Parameters: {detail}</source>
        <translation>Parameter: {detail}</translation>
    </message>
    <message>
        <source>Enter the account&apos;s name and its token.</source>
        <translation>Isi nama akun dan tokennya.</translation>
    </message>
    <message>
        <source>Account {name} added.</source>
        <translation>Akun {name} ditambahkan.</translation>
    </message>
    <message>
        <source>Paste the new token first.</source>
        <translation>Tempel token baru terlebih dahulu.</translation>
    </message>
    <message>
        <source>New token saved for {name}.</source>
        <translation>Token baru untuk {name} disimpan.</translation>
    </message>
    <message>
        <source>Account {name} removed; its token was deleted.</source>
        <translation>Akun {name} dihapus; tokennya ikut dihapus.</translation>
    </message>
    <message>
        <source>Account {name} disabled and kept with its complaints; its token was deleted.</source>
        <translation>Akun {name} dinonaktifkan dan disimpan bersama aduannya; tokennya sudah dihapus.</translation>
    </message>
    <message>
        <source>Testing the connection of {name}…</source>
        <translation>Menguji koneksi {name}…</translation>
    </message>
    <message>
        <source>{name}: {problem}</source>
        <translation>{name}: {problem}</translation>
    </message>
    <message>
        <source>{name}: the connection works.</source>
        <translation>{name}: koneksi berjalan baik.</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>Hapus akun</translation>
    </message>
    <message>
        <source>Remove {name}? Its token is deleted from the keyring. Complaints already received stay in the desk.</source>
        <translation>Hapus {name}? Tokennya dihapus dari keyring. Aduan yang sudah diterima tetap tersimpan.</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Akun</translation>
    </message>
    <message>
        <source>The unit&apos;s accounts</source>
        <translation>Akun-akun satuan</translation>
    </message>
    <message>
        <source>New token for the selected account</source>
        <translation>Token baru untuk akun terpilih</translation>
    </message>
    <message>
        <source>New token for the selected account (hidden)</source>
        <translation>Token baru untuk akun terpilih (tersembunyi)</translation>
    </message>
    <message>
        <source>Save new token</source>
        <translation>Simpan token baru</translation>
    </message>
    <message>
        <source>Save the new token in the keyring</source>
        <translation>Simpan token baru di keyring</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Uji koneksi</translation>
    </message>
    <message>
        <source>Test the selected account&apos;s connection</source>
        <translation>Uji koneksi akun terpilih</translation>
    </message>
    <message>
        <source>Connect an account…</source>
        <translation>Hubungkan akun…</translation>
    </message>
    <message>
        <source>Connect an account by signing in</source>
        <translation>Hubungkan akun dengan masuk ke platformnya</translation>
    </message>
    <message>
        <source>Connect again</source>
        <translation>Hubungkan ulang</translation>
    </message>
    <message>
        <source>Sign in with the selected account&apos;s platform again</source>
        <translation>Masuk lagi ke platform akun yang dipilih</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Remove the selected account</source>
        <translation>Hapus akun terpilih</translation>
    </message>
</context>
<context>
    <name>AccountsModel</name>
    <message>
        <source>Platform</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>API address</source>
        <translation>Alamat API</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Keadaan</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Galat terakhir</translation>
    </message>
    <message>
        <source>(default)</source>
        <translation>(bawaan)</translation>
    </message>
</context>
<context>
    <name>ChoosePage</name>
    <message>
        <source>Choose the platform. You sign in with the unit&apos;s account in your browser and approve Aduan Desk; the account&apos;s ids are found by themselves.</source>
        <translation>Pilih platformnya. Anda masuk dengan akun satuan di browser dan menyetujui Aduan Desk; ID akun dicari sendiri.</translation>
    </message>
    <message>
        <source>Connect %1</source>
        <translation>Hubungkan %1</translation>
    </message>
    <message>
        <source>Advanced: enter a token by hand (for IT)…</source>
        <translation>Lanjutan: masukkan token secara manual (untuk TI)…</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Tenggat</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Pelapor</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Diterima</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Isi</translation>
    </message>
    <message>
        <source>Showing {shown} of {total} complaints.</source>
        <translation>Menampilkan {shown} dari {total} aduan.</translation>
    </message>
    <message>
        <source>No matching complaint.</source>
        <translation>Tidak ada aduan yang cocok.</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Percakapan</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>Balasan</translation>
    </message>
    <message>
        <source>Progress notes</source>
        <translation>Catatan perkembangan</translation>
    </message>
    <message>
        <source>public</source>
        <translation>publik</translation>
    </message>
    <message>
        <source>internal</source>
        <translation>internal</translation>
    </message>
    <message>
        <source>Reply #{id} queued for sending.</source>
        <translation>Balasan #{id} masuk antrean kirim.</translation>
    </message>
    <message>
        <source>Note #{id} saved.</source>
        <translation>Catatan #{id} disimpan.</translation>
    </message>
    <message>
        <source>Note #{id} saved and queued as reply #{reply}.</source>
        <translation>Catatan #{id} disimpan dan masuk antrean kirim sebagai balasan #{reply}.</translation>
    </message>
    <message>
        <source>Complaint #{id} is now {status}.</source>
        <translation>Status aduan #{id} kini {status}.</translation>
    </message>
    <message>
        <source>The outbox is empty.</source>
        <translation>Antrean kirim kosong.</translation>
    </message>
    <message>
        <source>complaint #{id}</source>
        <translation>aduan #{id}</translation>
    </message>
    <message>
        <source>{count} sample complaints loaded into {home}.</source>
        <translation>{count} aduan contoh dimuat ke {home}.</translation>
    </message>
    <message>
        <source>Account #{id} {channel}/{name} added.</source>
        <translation>Akun #{id} {channel}/{name} ditambahkan.</translation>
    </message>
    <message>
        <source>#{id}: account and its token removed.</source>
        <translation>#{id}: akun beserta tokennya dihapus.</translation>
    </message>
    <message>
        <source>#{id}: token removed; the account is kept disabled for its complaints.</source>
        <translation>#{id}: token dihapus; akun tetap disimpan dalam keadaan nonaktif karena masih punya aduan.</translation>
    </message>
    <message>
        <source>#{id}: token replaced.</source>
        <translation>#{id}: token diganti.</translation>
    </message>
    <message>
        <source>On a phone or another computer, open {url}, enter this code and approve Aduan Desk (waiting for it):
{code}</source>
        <translation>Di ponsel atau komputer lain, buka {url}, masukkan kode ini lalu setujui Aduan Desk (menunggu):
{code}</translation>
    </message>
    <message>
        <source>The station login&apos;s password is kept in this user&apos;s keyring ({name}).</source>
        <translation>Kata sandi login stasiun disimpan di keyring pengguna ini ({name}).</translation>
    </message>
    <message>
        <source>Sign in with the platform in the browser (waiting for it to come back):
{url}</source>
        <translation>Masuk ke platform di peramban (menunggu peramban kembali):
{url}</translation>
    </message>
    <message>
        <source>Account #{id} {channel}/{name} connected.</source>
        <translation>Akun #{id} {channel}/{name} terhubung.</translation>
    </message>
    <message>
        <source>Account #{id} {channel}/{name} connected again; its complaints are kept.</source>
        <translation>Akun #{id} {channel}/{name} terhubung kembali; aduannya tetap tersimpan.</translation>
    </message>
    <message>
        <source>Warning: without the scope {scope} it {words}.</source>
        <translation>Peringatan: tanpa izin {scope}, akun ini {words}.</translation>
    </message>
    <message>
        <source>Reply #{id} queued for sending again.</source>
        <translation>Balasan #{id} masuk antrean kirim lagi.</translation>
    </message>
    <message>
        <source>Reply #{id} cancelled; it will not be sent.</source>
        <translation>Balasan #{id} dibatalkan; tidak akan dikirim.</translation>
    </message>
    <message>
        <source>Outbox: {sent} sent, {failed} failed, {uncertain} being checked.</source>
        <translation>Antrean kirim: {sent} terkirim, {failed} gagal, {uncertain} sedang diperiksa.</translation>
    </message>
    <message>
        <source>Valid profile: {unit} ({level}, {zone}), {accounts} accounts, {templates} templates.</source>
        <translation>Profil sah: {unit} ({level}, {zone}), {accounts} akun, {templates} templat.</translation>
    </message>
    <message>
        <source>Profile {file} applied.</source>
        <translation>Profil {file} sudah diterapkan.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>PROBLEM</source>
        <translation>MASALAH</translation>
    </message>
    <message>
        <source>Data folder: {folder}</source>
        <translation>Folder data: {folder}</translation>
    </message>
    <message>
        <source>--param {pair}: write it as KEY=VALUE</source>
        <translation>--param {pair}: tulis sebagai KUNCI=NILAI</translation>
    </message>
    <message>
        <source>name the profile file: profile check FILE</source>
        <translation>sebutkan berkas profilnya: profile check BERKAS</translation>
    </message>
</context>
<context>
    <name>ComplaintHeader</name>
    <message>
        <source>{channel} · {account} · complaint #{id} · received {time}</source>
        <translation>{channel} · {account} · aduan #{id} · diterima {time}</translation>
    </message>
    <message>
        <source>Complaint from {author}</source>
        <translation>Aduan dari {author}</translation>
    </message>
</context>
<context>
    <name>ComplaintPane</name>
    <message>
        <source>The unit&apos;s template file could not be read; the default templates are used. ({detail})</source>
        <translation>Berkas templat satuan tidak bisa dibaca; templat bawaan yang dipakai. ({detail})</translation>
    </message>
    <message>
        <source>Reply again?</source>
        <translation>Balas lagi?</translation>
    </message>
    <message>
        <source>{officer} already replied to this complaint ({time}). Queue your reply as well?</source>
        <translation>{officer} sudah membalas aduan ini ({time}). Tetap masukkan balasan Anda ke antrean?</translation>
    </message>
    <message>
        <source>Queue my reply too</source>
        <translation>Tetap kirim balasan saya</translation>
    </message>
    <message>
        <source>Do not send</source>
        <translation>Jangan kirim</translation>
    </message>
    <message>
        <source>Choose a complaint in the list</source>
        <translation>Pilih aduan di daftar</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>Aduan</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>&amp;Templates</source>
        <translation>&amp;Templat</translation>
    </message>
    <message>
        <source>Insert a reply template</source>
        <translation>Sisipkan templat balasan</translation>
    </message>
    <message>
        <source>Insert a reply template (Alt+T)</source>
        <translation>Sisipkan templat balasan (Alt+T)</translation>
    </message>
    <message>
        <source>Write a reply to the citizen… (Ctrl+Enter queues it)</source>
        <translation>Tulis balasan untuk warga… (Ctrl+Enter memasukkannya ke antrean)</translation>
    </message>
    <message>
        <source>Reply text</source>
        <translation>Teks balasan</translation>
    </message>
    <message>
        <source>Reply length</source>
        <translation>Panjang balasan</translation>
    </message>
    <message>
        <source>Queue reply</source>
        <translation>Antrekan balasan</translation>
    </message>
    <message>
        <source>Queue the reply for sending</source>
        <translation>Masukkan balasan ke antrean kirim</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <source>{count} characters too long</source>
        <translation>kelebihan {count} karakter</translation>
    </message>
</context>
<context>
    <name>ConflictCard</name>
    <message>
        <source>Complaint #{id}</source>
        <translation>Aduan #{id}</translation>
    </message>
    <message>
        <source>You did: {action}</source>
        <translation>Yang Anda lakukan: {action}</translation>
    </message>
    <message>
        <source>Found: {what}</source>
        <translation>Yang ditemukan: {what}</translation>
    </message>
    <message>
        <source>Open complaint</source>
        <translation>Buka aduan</translation>
    </message>
    <message>
        <source>Send again…</source>
        <translation>Kirim lagi…</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Abaikan</translation>
    </message>
    <message>
        <source>a reply: “{text}”</source>
        <translation>balasan: “{text}”</translation>
    </message>
    <message>
        <source>a public progress note: “{text}”</source>
        <translation>catatan perkembangan publik: “{text}”</translation>
    </message>
    <message>
        <source>an internal note: “{text}”</source>
        <translation>catatan internal: “{text}”</translation>
    </message>
    <message>
        <source>status changed to {status}</source>
        <translation>status diubah menjadi {status}</translation>
    </message>
    <message>
        <source>a draft: “{text}”</source>
        <translation>draf: “{text}”</translation>
    </message>
    <message>
        <source>the complaint was already {status} by {officer}.</source>
        <translation>aduan sudah ditandai {status} oleh {officer}.</translation>
    </message>
    <message>
        <source>the complaint is no longer in the station.</source>
        <translation>aduan sudah tidak ada di stasiun.</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Actions not applied</source>
        <translation>Tindakan yang tidak diterapkan</translation>
    </message>
    <message>
        <source>The station did not apply these actions: the complaint had changed meanwhile (closed by someone else, or moved to a status the action no longer fits). Open the complaint to read what happened, send an action again, or dismiss it (it stays in the record).</source>
        <translation>Stasiun tidak menerapkan tindakan ini: aduannya sudah berubah sementara itu (ditutup oleh petugas lain, atau pindah ke status yang tidak lagi cocok dengan tindakannya). Buka aduan untuk membaca apa yang terjadi, kirim lagi tindakannya, atau abaikan (tetap tercatat).</translation>
    </message>
    <message>
        <source>Nothing left to settle.</source>
        <translation>Tidak ada lagi yang perlu diselesaikan.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>No browser could be opened. Open this address in a browser: %1</source>
        <translation>Browser tidak dapat dibuka. Buka alamat ini di browser: %1</translation>
    </message>
    <message>
        <source>Reading the Pages you manage…</source>
        <translation>Membaca Halaman yang Anda kelola…</translation>
    </message>
    <message>
        <source>Finding the account&apos;s details and saving it…</source>
        <translation>Mencari data akun dan menyimpannya…</translation>
    </message>
    <message>
        <source>Saving the account…</source>
        <translation>Menyimpan akun…</translation>
    </message>
    <message>
        <source>Paste the token BotFather gave you first.</source>
        <translation>Tempelkan dulu token dari BotFather.</translation>
    </message>
    <message>
        <source>Checking the token with Telegram…</source>
        <translation>Memeriksa token ke Telegram…</translation>
    </message>
    <message>
        <source>Connect %1</source>
        <translation>Hubungkan %1</translation>
    </message>
    <message>
        <source>Connect an account</source>
        <translation>Hubungkan akun</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
</context>
<context>
    <name>ConnectWords</name>
    <message>
        <source>Your browser shows %1&apos;s sign-in page. Sign in as %2 and approve Aduan Desk; this window carries on by itself.</source>
        <translation>Browser Anda menampilkan halaman masuk %1. Masuklah sebagai %2 dan setujui Aduan Desk; jendela ini melanjutkan sendiri.</translation>
    </message>
    <message>
        <source>Your browser shows %1&apos;s sign-in page. Sign in with the unit&apos;s account and approve Aduan Desk; this window carries on by itself.</source>
        <translation>Browser Anda menampilkan halaman masuk %1. Masuklah dengan akun satuan dan setujui Aduan Desk; jendela ini melanjutkan sendiri.</translation>
    </message>
</context>
<context>
    <name>Connectivity</name>
    <message>
        <source>never</source>
        <translation>belum pernah</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>baru saja</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>%1 lalu</translation>
    </message>
</context>
<context>
    <name>ConnectivityStatus</name>
    <message>
        <source>Syncing…</source>
        <translation>Menyinkronkan…</translation>
    </message>
    <message>
        <source>Connection of each account</source>
        <translation>Koneksi tiap akun</translation>
    </message>
    <message>
        <source>Last good sync: %1</source>
        <translation>Sinkron berhasil terakhir: %1</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Open the report folder</source>
        <translation>Buka folder laporan</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Terjadi kendala</translation>
    </message>
    <message>
        <source>Aduan Desk met an unexpected problem and kept running. What you typed is kept as a draft.</source>
        <translation>Aduan Desk menemui masalah tak terduga dan tetap berjalan. Yang sudah Anda ketik tersimpan sebagai draf.</translation>
    </message>
    <message>
        <source>If it happens again, give this file to your IT staff:
%1</source>
        <translation>Jika terjadi lagi, serahkan berkas ini ke petugas TI:
%1</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Lanjutkan</translation>
    </message>
    <message>
        <source>The last session met an unexpected problem; its report: %1</source>
        <translation>Sesi sebelumnya menemui masalah tak terduga; laporannya: %1</translation>
    </message>
</context>
<context>
    <name>DeadlineBar</name>
    <message>
        <source>Complaint deadline</source>
        <translation>Tenggat aduan</translation>
    </message>
    <message>
        <source>No deadline running</source>
        <translation>Tidak ada tenggat berjalan</translation>
    </message>
    <message>
        <source>Progress update: {left}</source>
        <translation>Kabar perkembangan: {left}</translation>
    </message>
    <message>
        <source>First answer: {left}</source>
        <translation>Jawaban pertama: {left}</translation>
    </message>
    <message>
        <source>The complaint is closed.</source>
        <translation>Aduan sudah ditutup.</translation>
    </message>
    <message>
        <source>Every message has been answered.</source>
        <translation>Semua pesan sudah dijawab.</translation>
    </message>
    <message>
        <source>due {time}</source>
        <translation>tenggat {time}</translation>
    </message>
    <message>
        <source>viral horizon ({hours} h): {time}</source>
        <translation>batas viral ({hours} jam): {time}</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} jam</translation>
    </message>
    <message>
        <source>viral {hours} h</source>
        <translation>viral {hours} jam</translation>
    </message>
    <message>
        <source>next update</source>
        <translation>kabar berikutnya</translation>
    </message>
</context>
<context>
    <name>DetailPage</name>
    <message>
        <source>Reply to {author} on {channel} ({account})</source>
        <translation>Balas {author} di {channel} ({account})</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Percakapan</translation>
    </message>
    <message>
        <source>Progress notes ({count})</source>
        <translation>Catatan perkembangan ({count})</translation>
    </message>
    <message>
        <source>Conversation and notes</source>
        <translation>Percakapan dan catatan</translation>
    </message>
    <message>
        <source>Complaint details</source>
        <translation>Rincian aduan</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>✓ %1 is connected.</source>
        <translation>✓ %1 terhubung.</translation>
    </message>
    <message>
        <source>Its complaints arrive with the next sync.</source>
        <translation>Aduannya masuk pada sinkronisasi berikutnya.</translation>
    </message>
    <message>
        <source>Connect another account</source>
        <translation>Hubungkan akun lain</translation>
    </message>
</context>
<context>
    <name>Duration</name>
    <message>
        <source>1 day</source>
        <translation>1 hari</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 hari</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 jam</translation>
    </message>
    <message>
        <source>%1 hours</source>
        <translation>%1 jam</translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation>1 menit</translation>
    </message>
    <message>
        <source>%1 minutes</source>
        <translation>%1 menit</translation>
    </message>
</context>
<context>
    <name>FirstStartPanel</name>
    <message>
        <source>Connect another account…</source>
        <translation>Hubungkan akun lain…</translation>
    </message>
    <message>
        <source>Connect an account…</source>
        <translation>Hubungkan akun…</translation>
    </message>
    <message>
        <source>Connect the unit&apos;s accounts</source>
        <translation>Hubungkan akun satuan</translation>
    </message>
    <message>
        <source>No account is connected yet. Complaints arrive here once the unit&apos;s social-media accounts are connected: you sign in with the platform in your browser, and Aduan Desk keeps the connection.</source>
        <translation>Belum ada akun yang terhubung. Aduan masuk ke sini setelah akun media sosial satuan dihubungkan: Anda masuk ke platformnya di browser, dan Aduan Desk menjaga sambungannya.</translation>
    </message>
    <message>
        <source>The unit profile lists these accounts:</source>
        <translation>Profil satuan mencantumkan akun berikut:</translation>
    </message>
    <message>
        <source>IT staff can also enter a token by hand under Accounts → Accounts…</source>
        <translation>Petugas TI juga dapat memasukkan token secara manual lewat Akun → Akun…</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>The platform said: %1</source>
        <translation>Pesan asli platform: %1</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Baru</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Direspons</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Diproses</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>Diabaikan</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>antre</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>mengirim</translation>
    </message>
    <message>
        <source>checking</source>
        <translation>dicek</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>terkirim</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>gagal</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>dibatalkan</translation>
    </message>
    <message>
        <source>No deadline</source>
        <translation>Tanpa tenggat</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>Tepat waktu</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>Segera jatuh tempo</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Terlambat</translation>
    </message>
    <message>
        <source>VIRAL RISK</source>
        <translation>RAWAN VIRAL</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>sisa %1</translation>
    </message>
    <message>
        <source>%1 overdue</source>
        <translation>terlambat %1</translation>
    </message>
    <message>
        <source>Nothing due</source>
        <translation>Tidak ada tenggat</translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation>Tenggat %1</translation>
    </message>
    <message>
        <source>Viral horizon %1</source>
        <translation>Batas viral %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Aduan Desk</source>
        <translation>Aduan Desk</translation>
    </message>
    <message>
        <source>Filters, queue and complaint</source>
        <translation>Filter, antrean dan aduan</translation>
    </message>
    <message>
        <source>Aduan Desk · %1</source>
        <translation>Aduan Desk · %1</translation>
    </message>
</context>
<context>
    <name>MessageLine</name>
    <message>
        <source>Close message</source>
        <translation>Tutup pesan</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Pesan</translation>
    </message>
</context>
<context>
    <name>NoteCard</name>
    <message>
        <source>Public</source>
        <translation>Publik</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>Internal</translation>
    </message>
</context>
<context>
    <name>NoteComposer</name>
    <message>
        <source>Write the steps taken… (Ctrl+Enter adds the note)</source>
        <translation>Tulis langkah yang diambil… (Ctrl+Enter menambah catatan)</translation>
    </message>
    <message>
        <source>Progress note text</source>
        <translation>Teks catatan perkembangan</translation>
    </message>
    <message>
        <source>Public: also send it to the citizen as a reply</source>
        <translation>Publik: kirim juga ke warga sebagai balasan</translation>
    </message>
    <message>
        <source>Public note</source>
        <translation>Catatan publik</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Tambah catatan</translation>
    </message>
    <message>
        <source>Add a progress note</source>
        <translation>Tambah catatan perkembangan</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
</context>
<context>
    <name>NotesTimeline</name>
    <message>
        <source>No progress notes yet.</source>
        <translation>Belum ada catatan perkembangan.</translation>
    </message>
    <message>
        <source>Progress notes timeline</source>
        <translation>Linimasa catatan perkembangan</translation>
    </message>
</context>
<context>
    <name>OfflineBanner</name>
    <message>
        <source>Working offline — replies are sent when the connection returns</source>
        <translation>Bekerja offline — balasan dikirim saat koneksi kembali</translation>
    </message>
    <message>
        <source>Try now</source>
        <translation>Coba sekarang</translation>
    </message>
    <message>
        <source>Try to connect now</source>
        <translation>Coba sambungkan sekarang</translation>
    </message>
</context>
<context>
    <name>PageListPage</name>
    <message>
        <source>Also connect its Instagram account @%1</source>
        <translation>Hubungkan juga akun Instagram-nya @%1</translation>
    </message>
    <message>
        <source>Choose the unit&apos;s Page. Its linked Instagram account is connected with it where there is one.</source>
        <translation>Pilih Halaman satuan. Akun Instagram yang tertaut ikut dihubungkan bila ada.</translation>
    </message>
    <message>
        <source>Pages you manage</source>
        <translation>Halaman yang Anda kelola</translation>
    </message>
    <message>
        <source>Connect this Page</source>
        <translation>Hubungkan Halaman ini</translation>
    </message>
</context>
<context>
    <name>PresenceLine</name>
    <message>
        <source>Other officers at this complaint</source>
        <translation>Petugas lain di aduan ini</translation>
    </message>
    <message>
        <source>{officer} is replying</source>
        <translation>{officer} sedang membalas</translation>
    </message>
    <message>
        <source>{officer} has this complaint open</source>
        <translation>{officer} sedang membuka aduan ini</translation>
    </message>
</context>
<context>
    <name>QueueColumns</name>
    <message>
        <source>Deadline</source>
        <translation>Tenggat</translation>
    </message>
    <message>
        <source>Time left for the first answer or the next progress update</source>
        <translation>Sisa waktu untuk jawaban pertama atau kabar perkembangan berikutnya</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Platform the complaint came from</source>
        <translation>Platform asal aduan</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Pelapor</translation>
    </message>
    <message>
        <source>Who wrote the complaint</source>
        <translation>Penulis aduan</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>Aduan</translation>
    </message>
    <message>
        <source>The start of the first message</source>
        <translation>Awal pesan pertama</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Diterima</translation>
    </message>
    <message>
        <source>Platform time, in the unit&apos;s time zone</source>
        <translation>Waktu platform, dalam zona waktu satuan</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Where the complaint stands</source>
        <translation>Posisi penanganan aduan</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Balasan</translation>
    </message>
    <message>
        <source>Delivery of our replies</source>
        <translation>Pengiriman balasan kita</translation>
    </message>
</context>
<context>
    <name>QueueView</name>
    <message>
        <source>Complaint queue</source>
        <translation>Antrean aduan</translation>
    </message>
    <message>
        <source>Complaints, most urgent first. J and K move to the next and previous one.</source>
        <translation>Aduan, yang paling mendesak di atas. J dan K pindah ke aduan berikutnya dan sebelumnya.</translation>
    </message>
    <message>
        <source>No complaint matches. Clear the search or choose another filter.</source>
        <translation>Tidak ada aduan yang cocok. Kosongkan pencarian atau pilih filter lain.</translation>
    </message>
</context>
<context>
    <name>ReplyBubble</name>
    <message>
        <source>{account} · by {officer} · {time}</source>
        <translation>{account} · oleh {officer} · {time}</translation>
    </message>
    <message>
        <source>Public note · {header}</source>
        <translation>Catatan publik · {header}</translation>
    </message>
    <message>
        <source>Delivery: {state}</source>
        <translation>Pengiriman: {state}</translation>
    </message>
    <message>
        <source>The platform gave no reason.</source>
        <translation>Platform tidak memberi alasan.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Coba lagi</translation>
    </message>
    <message>
        <source>Send this reply again</source>
        <translation>Kirim ulang balasan ini</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Ubah</translation>
    </message>
    <message>
        <source>Edit this reply in the reply box</source>
        <translation>Ubah balasan ini di kotak balasan</translation>
    </message>
</context>
<context>
    <name>ReplyState</name>
    <message>
        <source>Saved in the outbox; it is sent when a connection is available.</source>
        <translation>Tersimpan di kotak keluar; dikirim saat koneksi tersedia.</translation>
    </message>
    <message>
        <source>Being sent to the platform.</source>
        <translation>Sedang dikirim ke platform.</translation>
    </message>
    <message>
        <source>The outcome of sending is not known yet; the thread is checked before any retry.</source>
        <translation>Hasil pengiriman belum diketahui; percakapan dicek dulu sebelum dicoba lagi.</translation>
    </message>
    <message>
        <source>Accepted by the platform.</source>
        <translation>Diterima platform.</translation>
    </message>
    <message>
        <source>The platform refused this reply.</source>
        <translation>Platform menolak balasan ini.</translation>
    </message>
    <message>
        <source>Cancelled; it will not be sent.</source>
        <translation>Dibatalkan; tidak akan dikirim.</translation>
    </message>
</context>
<context>
    <name>ResendDialog</name>
    <message>
        <source>Send again</source>
        <translation>Kirim lagi</translation>
    </message>
    <message>
        <source>Complaint #{id} is {closed} now. Change its status to {wanted}?</source>
        <translation>Aduan #{id} sekarang berstatus {closed}. Ubah statusnya menjadi {wanted}?</translation>
    </message>
    <message>
        <source>Complaint #{id} is {closed} now. Send this anyway? You may change the text.</source>
        <translation>Aduan #{id} sekarang berstatus {closed}. Tetap kirim? Teksnya boleh Anda ubah.</translation>
    </message>
    <message>
        <source>Text to send</source>
        <translation>Teks yang dikirim</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Kirim</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>Scope</name>
    <message>
        <source>cannot read comments and messages</source>
        <translation>tidak dapat membaca komentar dan pesan</translation>
    </message>
    <message>
        <source>cannot reply</source>
        <translation>tidak dapat membalas</translation>
    </message>
    <message>
        <source>cannot stay connected: it must be connected again every few hours</source>
        <translation>tidak dapat tetap terhubung: harus dihubungkan ulang setiap beberapa jam</translation>
    </message>
    <message>
        <source>cannot read or answer direct messages</source>
        <translation>tidak dapat membaca atau membalas pesan langsung</translation>
    </message>
</context>
<context>
    <name>ScopeNotice</name>
    <message>
        <source>This %1 account %2 (%3).</source>
        <translation>Akun %1 ini %2 (%3).</translation>
    </message>
    <message>
        <source>Connect the account again and approve every permission it asks for.</source>
        <translation>Hubungkan ulang akun ini dan setujui semua izin yang diminta.</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Search names and messages  (Ctrl+F)</source>
        <translation>Cari nama dan pesan  (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search complaints</source>
        <translation>Cari aduan</translation>
    </message>
    <message>
        <source>Every word must match, the last one also as a word&apos;s start; accents are ignored</source>
        <translation>Semua kata harus cocok, kata terakhir juga sebagai awal kata; tanda aksen diabaikan</translation>
    </message>
</context>
<context>
    <name>SendReason</name>
    <message>
        <source>The platform did not take this reply and gave no known reason.</source>
        <translation>Platform tidak menerima balasan ini dan tidak memberi alasan yang dikenali.</translation>
    </message>
    <message>
        <source>The platform refused this reply.</source>
        <translation>Platform menolak balasan ini.</translation>
    </message>
    <message>
        <source>The reply is too long for this platform: shorten it.</source>
        <translation>Balasan terlalu panjang untuk platform ini: persingkat teksnya.</translation>
    </message>
    <message>
        <source>The reply is empty.</source>
        <translation>Balasan kosong.</translation>
    </message>
    <message>
        <source>The message being answered was deleted or is no longer visible.</source>
        <translation>Pesan yang dibalas sudah dihapus atau tidak terlihat lagi.</translation>
    </message>
    <message>
        <source>The platform does not allow this account to answer here (a missing permission, comments turned off, or the person blocked the account).</source>
        <translation>Platform tidak mengizinkan akun ini membalas di sini (izin akun kurang, komentar dimatikan, atau pelapor memblokir akun).</translation>
    </message>
    <message>
        <source>The 24-hour window to answer this person&apos;s message has closed; they must write again before a direct reply is possible.</source>
        <translation>Batas 24 jam untuk membalas pesan orang ini sudah lewat; ia harus menulis lagi sebelum bisa dibalas langsung.</translation>
    </message>
    <message>
        <source>The platform refuses this text as a duplicate of an earlier post, and it is not in the thread: edit the text.</source>
        <translation>Platform menolak teks ini karena sama dengan kiriman sebelumnya, padahal kiriman itu tidak ada di percakapan: ubah teksnya.</translation>
    </message>
    <message>
        <source>The platform refused this text as a duplicate; the thread is checked for the earlier reply.</source>
        <translation>Platform menolak teks ini karena sama dengan kiriman sebelumnya; percakapan diperiksa untuk mencari balasan yang sudah terkirim.</translation>
    </message>
    <message>
        <source>It is unknown whether this reply arrived, and this platform cannot be read back: check the conversation, then retry or cancel.</source>
        <translation>Belum diketahui apakah balasan ini sampai, dan platform ini tidak bisa dibaca ulang: periksa percakapannya, lalu kirim ulang atau batalkan.</translation>
    </message>
    <message>
        <source>The conversation&apos;s address is not valid for this platform.</source>
        <translation>Alamat percakapan tidak sah untuk platform ini.</translation>
    </message>
    <message>
        <source>The account&apos;s settings cannot work; check them under Accounts.</source>
        <translation>Pengaturan akun tidak bisa dipakai; periksa di menu Akun.</translation>
    </message>
    <message>
        <source>The account&apos;s token expired or was revoked; enter a new token.</source>
        <translation>Token akun kedaluwarsa atau dicabut; masukkan token baru.</translation>
    </message>
    <message>
        <source>The platform ended the account&apos;s sign-in; connect the account again.</source>
        <translation>Platform mengakhiri izin masuk akun ini; hubungkan ulang akunnya.</translation>
    </message>
    <message>
        <source>The platform&apos;s sign-in server could not renew the token; retrying.</source>
        <translation>Server masuk platform tidak dapat memperbarui token; dicoba lagi.</translation>
    </message>
    <message>
        <source>The system keyring is locked; unlock it and sending resumes.</source>
        <translation>Keyring sistem terkunci; buka kuncinya dan pengiriman berlanjut.</translation>
    </message>
    <message>
        <source>The platform asked to wait; sending resumes by itself.</source>
        <translation>Platform meminta menunggu; pengiriman berlanjut dengan sendirinya.</translation>
    </message>
    <message>
        <source>The platform&apos;s daily quota is used up; sending resumes later.</source>
        <translation>Kuota harian platform sudah habis; pengiriman dilanjutkan nanti.</translation>
    </message>
    <message>
        <source>Another program (or a webhook) reads this bot; stop the other one.</source>
        <translation>Program lain (atau webhook) sedang membaca bot ini; hentikan yang lain.</translation>
    </message>
    <message>
        <source>The platform could not be reached; retrying automatically.</source>
        <translation>Platform tidak bisa dihubungi; dicoba lagi otomatis.</translation>
    </message>
    <message>
        <source>The platform did not answer in time; retrying automatically.</source>
        <translation>Platform tidak menjawab tepat waktu; dicoba lagi otomatis.</translation>
    </message>
    <message>
        <source>The platform had a temporary problem; retrying automatically.</source>
        <translation>Platform sedang mengalami gangguan sementara; dicoba lagi otomatis.</translation>
    </message>
    <message>
        <source>The platform&apos;s answer could not be read; retrying automatically.</source>
        <translation>Jawaban platform tidak terbaca; dicoba lagi otomatis.</translation>
    </message>
    <message>
        <source>The platform&apos;s security certificate could not be verified; tell IT staff (a proxy may need its certificate set).</source>
        <translation>Sertifikat keamanan platform tidak bisa diverifikasi; beri tahu petugas IT (mungkin sertifikat proxy perlu dipasang).</translation>
    </message>
    <message>
        <source>The connection was redirected elsewhere (a login page of the network, or a wrong API address).</source>
        <translation>Sambungan dialihkan ke tempat lain (halaman login jaringan, atau alamat API yang salah).</translation>
    </message>
    <message>
        <source>Aduan Desk met an unexpected problem while sending; a report was written. The thread is read back before this reply is tried again, so it is never sent twice.</source>
        <translation>Aduan Desk mengalami masalah tak terduga saat mengirim; laporannya sudah ditulis. Percakapan dibaca ulang sebelum balasan ini dicoba lagi, jadi tidak akan terkirim dua kali.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Set by the unit profile from IT</source>
        <translation>Ditetapkan oleh profil satuan dari IT</translation>
    </message>
    <message>
        <source>The unit&apos;s name must not be empty.</source>
        <translation>Nama satuan tidak boleh kosong.</translation>
    </message>
    <message>
        <source>The viral horizon must not be shorter than the first-answer target.</source>
        <translation>Batas viral tidak boleh lebih pendek dari target jawaban pertama.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <source>Unit profile</source>
        <translation>Profil satuan</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>Tampilan</translation>
    </message>
    <message>
        <source>Unit &amp;name:</source>
        <translation>&amp;Nama satuan:</translation>
    </message>
    <message>
        <source>Unit name</source>
        <translation>Nama satuan</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>&amp;Zona waktu:</translation>
    </message>
    <message>
        <source>Time zone of the unit</source>
        <translation>Zona waktu satuan</translation>
    </message>
    <message>
        <source>&amp;First answer within:</source>
        <translation>Jawaban &amp;pertama dalam:</translation>
    </message>
    <message>
        <source>First answer target in hours</source>
        <translation>Target jawaban pertama dalam jam</translation>
    </message>
    <message>
        <source>&amp;Warning at:</source>
        <translation>&amp;Peringatan pada:</translation>
    </message>
    <message>
        <source>Warning when this share of the time is gone</source>
        <translation>Peringatan saat bagian waktu ini sudah lewat</translation>
    </message>
    <message>
        <source>&amp;Viral horizon:</source>
        <translation>Batas &amp;viral:</translation>
    </message>
    <message>
        <source>Viral horizon in hours</source>
        <translation>Batas viral dalam jam</translation>
    </message>
    <message>
        <source>&amp;Progress update every:</source>
        <translation>Kabar perkem&amp;bangan tiap:</translation>
    </message>
    <message>
        <source>Progress update every N days</source>
        <translation>Kabar perkembangan tiap N hari</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Bahasa:</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Bahasa tampilan</translation>
    </message>
    <message>
        <source>T&amp;heme:</source>
        <translation>T&amp;ema:</translation>
    </message>
    <message>
        <source>Colour theme</source>
        <translation>Tema warna</translation>
    </message>
    <message>
        <source>&amp;Notifications:</source>
        <translation>&amp;Notifikasi:</translation>
    </message>
    <message>
        <source>Tray notifications</source>
        <translation>Notifikasi baki sistem</translation>
    </message>
    <message>
        <source> h</source>
        <translation> jam</translation>
    </message>
    <message>
        <source> d</source>
        <translation> hari</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Terang</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Gelap</translation>
    </message>
    <message>
        <source>Automatic (follow the system)</source>
        <translation>Otomatis (ikuti sistem)</translation>
    </message>
    <message>
        <source>Notify me of new and nearly late complaints</source>
        <translation>Beri tahu saya aduan baru dan yang hampir terlambat</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Filters</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Narrow the queue; each filter shows its count</source>
        <translation>Persempit antrean; tiap filter menunjukkan jumlahnya</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Antrean</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Akun</translation>
    </message>
    <message>
        <source>All open</source>
        <translation>Semua terbuka</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Mendesak</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Terlambat</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Baru</translation>
    </message>
    <message>
        <source>Due soon, late, or past the viral horizon: answer these first</source>
        <translation>Hampir jatuh tempo, terlambat, atau lewat batas viral: jawab ini dulu</translation>
    </message>
    <message>
        <source>Past their deadline</source>
        <translation>Sudah lewat tenggat</translation>
    </message>
    <message>
        <source>Not answered yet</source>
        <translation>Belum dijawab</translation>
    </message>
</context>
<context>
    <name>StationAccountsDialog</name>
    <message>
        <source>{state} — IT connects it again on the worker PC</source>
        <translation>{state} — dihubungkan ulang oleh TI di PC worker</translation>
    </message>
    <message>
        <source>unknown (station out)</source>
        <translation>tidak diketahui (stasiun terputus)</translation>
    </message>
    <message>
        <source>no worker yet</source>
        <translation>belum ada worker</translation>
    </message>
    <message>
        <source>{host} (lease lapsed)</source>
        <translation>{host} (sewa habis)</translation>
    </message>
    <message>
        <source>never</source>
        <translation>belum pernah</translation>
    </message>
    <message>
        <source>Station accounts</source>
        <translation>Akun stasiun</translation>
    </message>
    <message>
        <source>This desk works in station mode: the station&apos;s worker PC talks to the platforms for the whole team, and the accounts&apos; tokens are kept in that PC&apos;s keyring, not on this desk. So accounts are connected on the worker PC, not here.</source>
        <translation>Desk ini bekerja dalam mode stasiun: PC worker stasiun yang berhubungan dengan platform untuk seluruh tim, dan token akun disimpan di keyring PC itu, bukan di desk ini. Karena itu akun dihubungkan di PC worker, bukan di sini.</translation>
    </message>
    <message>
        <source>The station cannot be reached: the list is this desk&apos;s last copy.</source>
        <translation>Stasiun tidak dapat dihubungi: daftar ini salinan terakhir di desk ini.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Akun</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Keadaan</translation>
    </message>
    <message>
        <source>Worker PC</source>
        <translation>PC worker</translation>
    </message>
    <message>
        <source>Last pull</source>
        <translation>Tarikan terakhir</translation>
    </message>
    <message>
        <source>The station&apos;s accounts</source>
        <translation>Akun-akun stasiun</translation>
    </message>
    <message>
        <source>How IT connects an account: on the worker PC, signed in as the user the worker service runs as, run the first command (it signs in with the platform, or asks for a Telegram bot&apos;s token, and keeps the token in that PC&apos;s keyring). To replace the token of an account in this list, use the second command with its ID. The worker picks the account up on its next round.</source>
        <translation>Cara TI menghubungkan akun: di PC worker, masuk sebagai pengguna yang menjalankan layanan worker, lalu jalankan perintah pertama (perintah itu masuk ke platform, atau meminta token bot Telegram, dan menyimpan token di keyring PC itu). Untuk mengganti token akun di daftar ini, pakai perintah kedua dengan ID-nya. Worker mengambil akun itu pada putaran berikutnya.</translation>
    </message>
    <message>
        <source>Commands for the worker PC</source>
        <translation>Perintah untuk PC worker</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Muat ulang</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
</context>
<context>
    <name>StationBanner</name>
    <message>
        <source>The station cannot be reached. Work goes on: your actions are kept and sent when the station is back.</source>
        <translation>Stasiun tidak dapat dihubungi. Pekerjaan tetap berjalan: tindakan Anda disimpan dan dikirim saat stasiun kembali terhubung.</translation>
    </message>
    <message>
        <source>Copying the station&apos;s queue to this PC: {copied} of {total}. Until it is done the queue and its counts are partial.</source>
        <translation>Menyalin antrean stasiun ke PC ini: {copied} dari {total}. Sampai selesai, antrean dan jumlahnya belum lengkap.</translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) not applied: the complaint was closed meanwhile ({ids}).</source>
        <translation>
            <numerusform>%n tindakan tidak diterapkan: aduannya sudah ditutup petugas lain ({ids}).</numerusform>
        </translation>
    </message>
    <message>
        <source>Show list</source>
        <translation>Lihat daftar</translation>
    </message>
</context>
<context>
    <name>StationPasswordDialog</name>
    <message>
        <source>Station password</source>
        <translation>Kata sandi stasiun</translation>
    </message>
    <message>
        <source>This PC works on the station&apos;s shared queue. Type your station password once: this PC keeps it in its keyring, for your user account only.</source>
        <translation>PC ini bekerja pada antrean bersama stasiun. Ketik kata sandi stasiun Anda sekali saja: PC ini menyimpannya di keyring, hanya untuk akun pengguna Anda.</translation>
    </message>
    <message>
        <source>The station refused that password. Check it and type it again.</source>
        <translation>Stasiun menolak kata sandi itu. Periksa lalu ketik lagi.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Kata sandi</translation>
    </message>
    <message>
        <source>Login:</source>
        <translation>Nama login:</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Server stasiun:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Kata sandi:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>StatusActions</name>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Change to:</source>
        <translation>Ubah ke:</translation>
    </message>
    <message>
        <source>Change status to {status}</source>
        <translation>Ubah status ke {status}</translation>
    </message>
    <message>
        <source>Complaint status</source>
        <translation>Status aduan</translation>
    </message>
    <message>
        <source>— by {officer}, {time}</source>
        <translation>— {officer}, {time}</translation>
    </message>
    <message>
        <source>Current status: {status}</source>
        <translation>Status sekarang: {status}</translation>
    </message>
</context>
<context>
    <name>StatusSummary</name>
    <message>
        <source>%1 shown</source>
        <translation>%1 ditampilkan</translation>
    </message>
    <message>
        <source>more than %1 shown</source>
        <translation>lebih dari %1 ditampilkan</translation>
    </message>
    <message>
        <source>%1 open</source>
        <translation>%1 terbuka</translation>
    </message>
    <message>
        <source>%1 urgent</source>
        <translation>%1 mendesak</translation>
    </message>
    <message>
        <source>%1 overdue</source>
        <translation>%1 terlambat</translation>
    </message>
    <message>
        <source>Complaint counts</source>
        <translation>Jumlah aduan</translation>
    </message>
</context>
<context>
    <name>SyncState</name>
    <message>
        <source>Not synced yet</source>
        <translation>Belum pernah sinkron</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Tersambung</translation>
    </message>
    <message>
        <source>Cannot connect; retrying automatically</source>
        <translation>Tidak tersambung; dicoba lagi otomatis</translation>
    </message>
    <message>
        <source>Slowed down by the platform; waiting as it asked</source>
        <translation>Dibatasi platform; menunggu sesuai permintaannya</translation>
    </message>
    <message>
        <source>Token expired or revoked; enter a new token</source>
        <translation>Token kedaluwarsa atau dicabut; masukkan token baru</translation>
    </message>
    <message>
        <source>The platform ended the sign-in; connect the account again</source>
        <translation>Perlu dihubungkan ulang: platform mengakhiri izin akun ini</translation>
    </message>
    <message>
        <source>Another program (or a webhook) reads this bot; stop the other one</source>
        <translation>Program lain (atau webhook) sedang membaca bot ini; hentikan yang lain</translation>
    </message>
    <message>
        <source>Refused by the platform; check the account&apos;s settings</source>
        <translation>Ditolak platform; periksa pengaturan akun</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Dinonaktifkan</translation>
    </message>
</context>
<context>
    <name>TelegramPage</name>
    <message>
        <source>Paste the token BotFather gave for the unit&apos;s bot. Telegram checks it and names the bot; the token is kept only in the system keyring.</source>
        <translation>Tempelkan token dari BotFather untuk bot satuan. Telegram memeriksanya dan memberi nama bot; token hanya disimpan di keyring sistem.</translation>
    </message>
    <message>
        <source>e.g. 123456789:AA…</source>
        <translation>mis. 123456789:AA…</translation>
    </message>
    <message>
        <source>The bot&apos;s token (hidden)</source>
        <translation>Token bot (disembunyikan)</translation>
    </message>
    <message>
        <source>Check and connect</source>
        <translation>Periksa dan hubungkan</translation>
    </message>
    <message>
        <source>‹ Another platform</source>
        <translation>‹ Platform lain</translation>
    </message>
</context>
<context>
    <name>TemplateEditor</name>
    <message>
        <source>New template</source>
        <translation>Templat baru</translation>
    </message>
    <message>
        <source>The templates could not be saved: {detail}</source>
        <translation>Templat tidak bisa disimpan: {detail}</translation>
    </message>
    <message>
        <source>“{title}”: the name, title and text must not be empty.</source>
        <translation>“{title}”: nama, judul dan teks tidak boleh kosong.</translation>
    </message>
    <message>
        <source>“{title}”: a brace {{ or }} is not closed.</source>
        <translation>“{title}”: ada kurung kurawal {{ atau }} yang tidak ditutup.</translation>
    </message>
    <message>
        <source>“{title}”: another template has the name {name}.</source>
        <translation>“{title}”: templat lain sudah memakai nama {name}.</translation>
    </message>
    <message>
        <source>“{title}”: unknown placeholder {names}; use {{nama}} or {{satuan}}.</source>
        <translation>“{title}”: isian {names} tidak dikenal; pakai {{nama}} atau {{satuan}}.</translation>
    </message>
    <message>
        <source>Preview: {text}</source>
        <translation>Pratinjau: {text}</translation>
    </message>
    <message>
        <source>Reply templates</source>
        <translation>Templat balasan</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Judul:</translation>
    </message>
    <message>
        <source>Template title</source>
        <translation>Judul templat</translation>
    </message>
    <message>
        <source>&amp;Name (id):</source>
        <translation>&amp;Nama (id):</translation>
    </message>
    <message>
        <source>Template name, used by the command line</source>
        <translation>Nama templat, dipakai di baris perintah</translation>
    </message>
    <message>
        <source>Te&amp;xt:</source>
        <translation>Te&amp;ks:</translation>
    </message>
    <message>
        <source>Template text</source>
        <translation>Teks templat</translation>
    </message>
    <message>
        <source>Placeholders: {nama} is replaced by the citizen&apos;s name, {satuan} by the unit&apos;s name. The first template is the acknowledgement.</source>
        <translation>Isian: {nama} diganti nama warga, {satuan} diganti nama satuan. Templat pertama adalah jawaban awal (respons).</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Templat</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Tambah</translation>
    </message>
    <message>
        <source>Add a template</source>
        <translation>Tambah templat</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Hapus</translation>
    </message>
    <message>
        <source>Remove the selected template</source>
        <translation>Hapus templat terpilih</translation>
    </message>
</context>
<context>
    <name>UrgentTray</name>
    <message>
        <source>Show Aduan Desk</source>
        <translation>Tampilkan Aduan Desk</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sinkronkan sekarang</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Keluar</translation>
    </message>
    <message>
        <source>Aduan Desk — %n urgent complaint(s)</source>
        <translation>Aduan Desk — %n aduan mendesak</translation>
    </message>
    <message>
        <source>%n new complaint(s)</source>
        <translation>%n aduan baru</translation>
    </message>
    <message>
        <source>%n complaint(s) due soon</source>
        <translation>%n aduan segera jatuh tempo</translation>
    </message>
    <message>
        <source>Answer before the deadline: %1</source>
        <translation>Jawab sebelum tenggat: %1</translation>
    </message>
    <message>
        <source>Press “Connect again” in the status bar before then.</source>
        <translation>Tekan “Hubungkan ulang” di bilah status sebelum itu.</translation>
    </message>
</context>
<context>
    <name>UserError</name>
    <message>
        <source>Complaint #{id} not found.</source>
        <translation>Aduan #{id} tidak ditemukan.</translation>
    </message>
    <message>
        <source>Cannot change status from {current} to {wanted} (allowed: {allowed}).</source>
        <translation>Status tidak bisa diubah dari {current} ke {wanted} (yang boleh: {allowed}).</translation>
    </message>
    <message>
        <source>Unknown status &apos;{value}&apos; (choices: {choices}).</source>
        <translation>Status &apos;{value}&apos; tidak dikenal (pilihan: {choices}).</translation>
    </message>
    <message>
        <source>The text must not be empty.</source>
        <translation>Teks tidak boleh kosong.</translation>
    </message>
    <message>
        <source>Text too long for {channel}: {length} characters, at most {limit}.</source>
        <translation>Teks terlalu panjang untuk {channel}: {length} karakter, maksimal {limit}.</translation>
    </message>
    <message>
        <source>No template named &apos;{name}&apos; (choices: {choices}).</source>
        <translation>Templat &apos;{name}&apos; tidak ada (pilihan: {choices}).</translation>
    </message>
    <message>
        <source>The database file {path} is damaged: {detail}. Restore a backup from {backups}.</source>
        <translation>Berkas basis data {path} rusak: {detail}. Pulihkan dari cadangan di {backups}.</translation>
    </message>
    <message>
        <source>The file {path} is not an Aduan Desk database, or the key is wrong.</source>
        <translation>Berkas {path} bukan basis data Aduan Desk, atau kuncinya salah.</translation>
    </message>
    <message>
        <source>The file {path} is an unencrypted SQLite database, not Aduan Desk&apos;s.</source>
        <translation>Berkas {path} adalah basis data SQLite tanpa enkripsi, bukan milik Aduan Desk.</translation>
    </message>
    <message>
        <source>The key of database {path} is not in this account&apos;s keyring. Open it with the OS account that created it, or restore the key.</source>
        <translation>Kunci basis data {path} tidak ada di keyring akun ini. Buka dengan akun OS yang membuatnya, atau pulihkan kuncinya.</translation>
    </message>
    <message>
        <source>The database was written by a newer Aduan Desk (schema {found}). Install the newer version; the data was not changed.</source>
        <translation>Basis data dibuat oleh versi Aduan Desk yang lebih baru (skema {found}). Pasang versi terbaru; data tidak diubah.</translation>
    </message>
    <message>
        <source>The database upgrade failed ({detail}); the previous file was restored from backup.</source>
        <translation>Pembaruan basis data gagal ({detail}); berkas lama sudah dipulihkan dari cadangan.</translation>
    </message>
    <message>
        <source>The disk is full: the last change was not saved. Free some space and try again.</source>
        <translation>Disk penuh: perubahan terakhir tidak disimpan. Kosongkan ruang lalu coba lagi.</translation>
    </message>
    <message>
        <source>The database is held by another process for too long. Try again shortly.</source>
        <translation>Basis data sedang dipakai proses lain terlalu lama. Coba lagi sebentar.</translation>
    </message>
    <message>
        <source>The database cannot be written: {detail}.</source>
        <translation>Basis data tidak bisa ditulis: {detail}.</translation>
    </message>
    <message>
        <source>The OS keyring is not secure: {detail}</source>
        <translation>Keyring OS tidak aman: {detail}</translation>
    </message>
    <message>
        <source>The OS keyring is unavailable: {detail}</source>
        <translation>Keyring OS tidak bisa dipakai: {detail}</translation>
    </message>
    <message>
        <source>Account #{id} not found.</source>
        <translation>Akun #{id} tidak ditemukan.</translation>
    </message>
    <message>
        <source>The {channel} account &apos;{name}&apos; is already registered.</source>
        <translation>Akun {channel} &apos;{name}&apos; sudah terdaftar.</translation>
    </message>
    <message>
        <source>Access was not given on {platform}&apos;s page. Nothing was changed; connect again and approve Aduan Desk there to sign in once more.</source>
        <translation>Akses tidak diberikan di halaman {platform}. Tidak ada yang diubah; hubungkan lagi dan setujui Aduan Desk di sana untuk masuk sekali lagi.</translation>
    </message>
    <message>
        <source>The browser came back with a sign-in this program did not start; it was ignored. Nothing was changed; connect again.</source>
        <translation>Browser kembali membawa izin masuk yang tidak dimulai program ini; diabaikan. Tidak ada yang diubah; hubungkan lagi.</translation>
    </message>
    <message>
        <source>The browser did not come back in time. Nothing was changed; connect again and approve on {platform}&apos;s page.</source>
        <translation>Browser tidak kembali tepat waktu. Tidak ada yang diubah; hubungkan lagi dan setujui di halaman {platform}.</translation>
    </message>
    <message>
        <source>Connecting {platform} was cancelled. Nothing was changed.</source>
        <translation>Penghubungan {platform} dibatalkan. Tidak ada yang diubah.</translation>
    </message>
    <message>
        <source>{platform}&apos;s sign-in service did not answer properly. Nothing was changed; try again in a moment.</source>
        <translation>Layanan masuk {platform} tidak menjawab dengan benar. Tidak ada yang diubah; coba lagi sebentar lagi.</translation>
    </message>
    <message>
        <source>{platform} refused the sign-in (it was used or has expired). Nothing was changed; connect again.</source>
        <translation>{platform} menolak izin masuk (sudah dipakai atau kedaluwarsa). Tidak ada yang diubah; hubungkan lagi.</translation>
    </message>
    <message>
        <source>You signed in to another {platform} account than the one being connected. Nothing was changed; sign in with the unit&apos;s account.</source>
        <translation>Anda masuk ke akun {platform} lain, bukan akun yang sedang dihubungkan. Tidak ada yang diubah; masuklah dengan akun satuan.</translation>
    </message>
    <message>
        <source>The unit profile has no app settings for {platform} yet. Ask the unit&apos;s IT to add them (or to enter a token by hand).</source>
        <translation>Profil satuan belum berisi pengaturan aplikasi untuk {platform}. Minta TI satuan menambahkannya (atau memasukkan token secara manual).</translation>
    </message>
    <message>
        <source>This Facebook login manages no Page that can be connected here. Nothing was changed; sign in with an account that manages the unit&apos;s Page.</source>
        <translation>Login Facebook ini tidak mengelola Halaman yang dapat dihubungkan di sini. Tidak ada yang diubah; masuklah dengan akun yang mengelola Halaman satuan.</translation>
    </message>
    <message>
        <source>{platform} refused this token. Nothing was changed; copy the token from BotFather again.</source>
        <translation>{platform} menolak token ini. Tidak ada yang diubah; salin lagi token dari BotFather.</translation>
    </message>
    <message>
        <source>{platform} cannot be reached. Nothing was changed; check the connection and try again.</source>
        <translation>{platform} tidak dapat dihubungi. Tidak ada yang diubah; periksa koneksi lalu coba lagi.</translation>
    </message>
    <message>
        <source>{platform} answered something unexpected. Nothing was changed; try again in a moment.</source>
        <translation>{platform} memberi jawaban yang tidak terduga. Tidak ada yang diubah; coba lagi sebentar lagi.</translation>
    </message>
    <message>
        <source>{platform} asks to wait before trying again. Nothing was changed; try again in a few minutes.</source>
        <translation>{platform} meminta menunggu sebelum mencoba lagi. Tidak ada yang diubah; coba lagi beberapa menit lagi.</translation>
    </message>
    <message>
        <source>Connecting {platform} did not finish. Nothing was changed.</source>
        <translation>Penghubungan {platform} tidak selesai. Tidak ada yang diubah.</translation>
    </message>
    <message>
        <source>Empty token: paste the account&apos;s access token on standard input.</source>
        <translation>Token kosong: tempelkan token akses akun lewat masukan standar.</translation>
    </message>
    <message>
        <source>Reply #{id} not found.</source>
        <translation>Balasan #{id} tidak ditemukan.</translation>
    </message>
    <message>
        <source>Reply #{id} is {state}; this is possible only when {allowed}.</source>
        <translation>Balasan #{id} berstatus {state}; hanya bisa saat {allowed}.</translation>
    </message>
    <message>
        <source>The unit profile is not valid: {detail}</source>
        <translation>Profil satuan tidak sah: {detail}</translation>
    </message>
    <message>
        <source>An unexpected error occurred; its report is in {report} — send it to IT staff.</source>
        <translation>Terjadi kesalahan tak terduga; laporannya ada di {report} — kirimkan ke petugas IT.</translation>
    </message>
    <message>
        <source>The station server {server} asks for a password, and none is stored in this PC&apos;s keyring. Ask the IT staff to store the station password.</source>
        <translation>Server stasiun {server} meminta kata sandi, tetapi belum ada yang tersimpan di keyring PC ini. Minta petugas IT menyimpan kata sandi stasiun.</translation>
    </message>
    <message>
        <source>The station server {server} cannot be reached ({detail}). Check the network cable or Wi-Fi, or ask the IT staff whether the server is on.</source>
        <translation>Server stasiun {server} tidak dapat dihubungi ({detail}). Periksa kabel jaringan atau Wi-Fi, atau tanyakan kepada petugas IT apakah server menyala.</translation>
    </message>
    <message>
        <source>This action was already sent again or set aside.</source>
        <translation>Tindakan ini sudah dikirim lagi atau diabaikan.</translation>
    </message>
    <message>
        <source>The station server {server} refused the sign-in ({detail}). Ask the IT staff to check the station password and login.</source>
        <translation>Server stasiun {server} menolak proses masuk ({detail}). Minta petugas IT memeriksa kata sandi dan login stasiun.</translation>
    </message>
    <message>
        <source>Invalid value: {detail}</source>
        <translation>Nilai tidak sah: {detail}</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; cannot be a PostgreSQL login or database name here: use lower-case letters, digits and _ (at most 63, not starting with a digit).</source>
        <translation>&apos;{name}&apos; tidak dapat dipakai sebagai nama login atau database PostgreSQL di sini: gunakan huruf kecil, angka dan _ (paling banyak 63, tidak diawali angka).</translation>
    </message>
</context>
<context>
    <name>WaitingPage</name>
    <message>
        <source>The sign-in is given up in %1:%2.</source>
        <translation>Batas waktu masuk: %1:%2 lagi.</translation>
    </message>
    <message>
        <source>Waiting for your approval in the browser…</source>
        <translation>Menunggu persetujuan di browser…</translation>
    </message>
    <message>
        <source>Open the browser again</source>
        <translation>Buka browser lagi</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;Sync now</source>
        <translation>&amp;Sinkronkan sekarang</translation>
    </message>
    <message>
        <source>Fetch new complaints and send replies</source>
        <translation>Ambil aduan baru dan kirim balasan</translation>
    </message>
    <message>
        <source>&amp;Next complaint</source>
        <translation>Aduan &amp;berikutnya</translation>
    </message>
    <message>
        <source>Next complaint (J)</source>
        <translation>Aduan berikutnya (J)</translation>
    </message>
    <message>
        <source>&amp;Previous complaint</source>
        <translation>Aduan se&amp;belumnya</translation>
    </message>
    <message>
        <source>Previous complaint (K)</source>
        <translation>Aduan sebelumnya (K)</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Cari</translation>
    </message>
    <message>
        <source>Search complaints (Ctrl+F)</source>
        <translation>Cari aduan (Ctrl+F)</translation>
    </message>
    <message>
        <source>Go to &amp;filters</source>
        <translation>Ke &amp;filter</translation>
    </message>
    <message>
        <source>Go to the filters (Ctrl+1)</source>
        <translation>Ke filter (Ctrl+1)</translation>
    </message>
    <message>
        <source>Go to the &amp;queue</source>
        <translation>Ke &amp;antrean</translation>
    </message>
    <message>
        <source>Go to the queue (Ctrl+2)</source>
        <translation>Ke antrean (Ctrl+2)</translation>
    </message>
    <message>
        <source>&amp;Reply</source>
        <translation>&amp;Balas</translation>
    </message>
    <message>
        <source>Write a reply (R or Ctrl+3)</source>
        <translation>Tulis balasan (R atau Ctrl+3)</translation>
    </message>
    <message>
        <source>S&amp;ettings…</source>
        <translation>P&amp;engaturan…</translation>
    </message>
    <message>
        <source>Unit profile, language and theme</source>
        <translation>Profil satuan, bahasa dan tema</translation>
    </message>
    <message>
        <source>&amp;Accounts…</source>
        <translation>&amp;Akun…</translation>
    </message>
    <message>
        <source>The unit&apos;s social-media accounts</source>
        <translation>Akun media sosial satuan</translation>
    </message>
    <message>
        <source>&amp;Connect an account…</source>
        <translation>&amp;Hubungkan akun…</translation>
    </message>
    <message>
        <source>Sign in with a platform and connect one of the unit&apos;s accounts</source>
        <translation>Masuk ke platform dan hubungkan salah satu akun satuan</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Pintasan keyboard</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Pintasan keyboard</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Keluar</translation>
    </message>
    <message>
        <source>Quit Aduan Desk</source>
        <translation>Keluar dari Aduan Desk</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Terang</translation>
    </message>
    <message>
        <source>Light theme</source>
        <translation>Tema terang</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Gelap</translation>
    </message>
    <message>
        <source>Dark theme</source>
        <translation>Tema gelap</translation>
    </message>
    <message>
        <source>&amp;Automatic</source>
        <translation>&amp;Otomatis</translation>
    </message>
    <message>
        <source>Follow the system&apos;s light or dark setting</source>
        <translation>Ikuti pengaturan terang atau gelap dari sistem</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <source>&amp;Complaints</source>
        <translation>&amp;Aduan</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Tampilan</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Tema</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Bahasa</translation>
    </message>
    <message>
        <source>&amp;Accounts</source>
        <translation>&amp;Akun</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Pengaturan</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ban&amp;tuan</translation>
    </message>
    <message>
        <source>Next complaint</source>
        <translation>Aduan berikutnya</translation>
    </message>
    <message>
        <source>Previous complaint</source>
        <translation>Aduan sebelumnya</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Cari</translation>
    </message>
    <message>
        <source>Write a reply</source>
        <translation>Tulis balasan</translation>
    </message>
    <message>
        <source>Queue the reply</source>
        <translation>Antrekan balasan</translation>
    </message>
    <message>
        <source>Go to the filters, the queue</source>
        <translation>Ke filter, ke antrean</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sinkronkan sekarang</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Kosongkan pencarian</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Pintasan keyboard</translation>
    </message>
</context>
<context>
    <name>_AccountRow</name>
    <message>
        <source>Connect</source>
        <translation>Hubungkan</translation>
    </message>
    <message>
        <source>Connect %1</source>
        <translation>Hubungkan %1</translation>
    </message>
</context>
</TS>
