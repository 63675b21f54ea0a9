"""Phrase bank for the sample-data generator (``desktop.core.sample``).

Written the way people really post to a Polres account: informal, abbreviated,
now and then a regional greeting or an English word. ``{slot}`` markers are
filled by the generator and keep their value for the whole thread, so a
follow-up names the same street as the first message. Blocks are plain text:
phrases are separated by new lines or `` | ``; a trailing backslash continues
a long phrase on the next line. Topics use a small line format (``_topics``).
"""

from __future__ import annotations

from dataclasses import dataclass


def _phrases(block: str) -> tuple[str, ...]:
    """Phrases separated by new lines or `` | ``, inner whitespace collapsed."""
    parts = (part for line in block.splitlines() for part in line.split(" | "))
    return tuple(" ".join(part.split()) for part in parts if part.strip())


def _names(block: str) -> tuple[str, ...]:
    """Whitespace-separated names; ``_`` inside a name stands for a space."""
    return tuple(word.replace("_", " ") for word in block.split())


def _numbers(start: int, stop: int, step: int = 1, fmt: str = "{}") -> tuple[str, ...]:
    return tuple(fmt.format(i) for i in range(start, stop, step))


@dataclass(frozen=True, slots=True)
class Topic:
    """One kind of message: what citizens write and how the unit answers."""

    key: str
    weight: int  # how often it comes up; 0: not a complaint (spam, praise)
    units: tuple[str, ...]  # who the complaint is forwarded to ({satuan})
    complaints: tuple[str, ...]  # the citizen's first message (body)
    tips: tuple[str, ...] = ()  # an optional extra sentence in the first answer
    progress: tuple[str, ...] = ()  # public progress updates
    resolutions: tuple[str, ...] = ()  # the closing public answer


# --- people --------------------------------------------------------------------

FIRST_NAMES = _names("""
    Budi Agus Siti Dewi Rina Andi Dedi Eko Wahyu Fitri Nur Ahmad Muhammad Rizky
    Dimas Putri Ayu Indah Yusuf Hendra Bayu Sri Wulan Intan Asep Ujang Cecep
    Neneng Euis Ucok Butet Made Ketut Wayan Nyoman Komang Teguh Slamet Joko
    Bambang Yanti Lestari Nabila Aulia Farhan Rafi Kevin Jessica Yohanes Maria
    Fauzi Irfan Ilham Reza Fajar Galih Tri Dwi Eka Rahmat Dian Novi Sari Yuni
    Hasan Arif Gilang Citra Anisa Yoga Kiki Mega Rudi Taufik Wawan Ratna Herman
""")
LAST_NAMES = _names("""
    Santoso Wijaya Hidayat Setiawan Kurniawan Nugroho Siregar Nasution Simanjuntak
    Harahap Lubis Hutapea Ginting Tarigan Sembiring Wibowo Susanto Gunawan Halim
    Tanjung Rahman Hakim Permana Firmansyah Hasibuan Manurung Sinaga Purba Kusuma
    Daulay Sihombing Mahendra Rangkuti Pohan Sulistyo Prasetyo Hartono Sudrajat
    Mulyadi Tan Lim Gunadi Sitorus Panjaitan Pardede Nainggolan Tambunan Simatupang
    Hutagalung Batubara Matondang Kartika Wirawan Effendi Iskandar Sugiarto Salim
""")

# Handles (Instagram, X, TikTok, YouTube) from {f}irst and {l}ast name (lower
# case), {l3} the start of it, {d} two digits, a {p}refix or a {s}uffix.
HANDLE_STYLES = _phrases("""
    {f}{l} | {f}_{l} | {f}.{l} | {f}{d} | {f}{d} | {f}_{s} | _{f} | {f}_ | {p}.{f} | {p}{f}
    {f}{l3}{d} | {f}_{l3} | {f}.{l3}{d}
""")
HANDLE_PREFIXES = _names("the its real iam kak")  # gender-neutral
HANDLE_SUFFIXES = _names("official id jkt sby bdg mdn ptr real ok")
# Display names elsewhere: {F}irst, {L}ast, {L0} its initial, {P} a prefix, {FL} shouting.
DISPLAY_STYLES = _phrases("{F} {L} | {F} {L} | {F} {L} | {F} | {P} {F} | {F} {L0}. | {FL}")
DISPLAY_PREFIXES = _names("Kak Kak Dek Sobat")  # gender-neutral
PLATE_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ"  # the "huruf" slot; "nomor" is 1-9999

# --- slots -----------------------------------------------------------------------

# Slot -> its choices; repeats weight a choice, and a choice may use other slots.
POOLS: dict[str, tuple[str, ...]] = {
    "tempat": _phrases("""
        {jalan} | {jalan} | {jalan} | {jalan} dekat {landmark} | {jalan} dekat {landmark}
        Kel. {kel} | depan {landmark} {jalan} | Gg. {gang} RT {rt}/RW {rw} {kel}
        Perum {kel} Indah blok {blok}
    """),
    "jalan": ("Jl. {nama_jalan}",),
    "nama_jalan": _names("""
        Merdeka Jend._Sudirman Ahmad_Yani Diponegoro Gatot_Subroto Pahlawan Veteran
        Raya_Pasar_Lama Kartini Imam_Bonjol Pemuda Hasanuddin Siliwangi Gajah_Mada
        Cendrawasih Melati Mawar Anggrek Kenanga Raya_Bypass Lingkar_Selatan Pramuka
        Teuku_Umar Sisingamangaraja Dr._Wahidin Cut_Nyak_Dien Kolonel_Sugiono
        Raya_Industri Perintis_Kemerdekaan K.H._Agus_Salim
    """),
    "kel": _names("""
        Sukamaju Sukajadi Mekarsari Cibeureum Tegalrejo Karanganyar Sidomulyo
        Sumbersari Margahayu Kebonsari Pasirjati Tanjungsari Bojongsari Sindangsari
        Jatimulya Rawasari Wonorejo Purwosari Sukoharjo Kedungwaru Tambakrejo
        Pangkalan Sungai_Raya Padang_Baru Batu_Ampar Kampung_Baru Harapan_Jaya
        Mulyorejo Ciherang Gunungsari Pekunden Lumbung_Rejo Simpang_Tiga Air_Hitam
    """),
    "kec": _names("""
        Kota_Barat Kota_Timur Kota_Utara Cibinong Sukaraja Tanjung_Raya Sumberjaya
        Banjarsari Kalibaru Bukit_Kecil Tegal_Sari Ciawi Panakkukang Sungai_Kunjang
    """),
    "landmark": _names("""
        Indomaret Alfamart masjid_Al-Ikhlas SDN_2 SMPN_1 pasar terminal pom_bensin
        bundaran alun-alun stasiun kantor_kelurahan lapangan_bola warkop puskesmas
        bengkel gereja pangkalan_ojol kampus jembatan
    """),
    "gang": _names("Masjid Haji_Naim Swadaya Damai Kelinci Mangga Rukun Sawo Delima Sepakat"),
    "rt": _numbers(1, 13, fmt="{:02d}"),
    "rw": _numbers(1, 9, fmt="{:02d}"),
    "blok": tuple(f"{row}{i}" for row in "ABCDEFGH" for i in range(1, 31)),
    "waktu": _phrases("""
        tadi malam | semalam sekitar jam 11 | kemarin sore | tadi subuh | jam 2 pagi tadi
        pas malam minggu kemarin | siang tadi | barusan | kemarin malam habis isya
        tadi pagi pas orang berangkat kerja | minggu lalu | hari Jumat kemarin
        sekitar jam {jam} | sekitar jam {jam} | sekitar jam {jam} | sekitar jam {jam}
    """),
    "jam": tuple(f"{h}.{m:02d}" for h in range(24) for m in (0, 15, 30, 45)),
    "plat": ("{kode} {nomor} {huruf}",),
    "kode": _names("B B B D F E T Z AB AD H K L N W S DK BK BM BA KT DD DA BG"),
    "uang": _phrases("""
        Rp {juta} juta | Rp {juta} juta | Rp {juta} juta | {juta}jt | {juta}jt
        Rp {ribu} ribu | Rp {ribu} ribu | Rp {ribu}.000 | Rp {juta},5 juta
    """),
    "juta": _numbers(1, 21),
    "ribu": _numbers(50, 1000, 50),
    "motor": ("{merk} {warna}",),
    "merk": _names("Beat Vario Scoopy NMAX Aerox Supra Mio Satria PCX CBR Jupiter Revo"),
    "warna": _names("hitam merah putih biru abu-abu silver hijau"),
    "hp": _names("iPhone_13 iPhone_11 Samsung_A54 Oppo_A78 Redmi_Note_12 Vivo_Y36 Infinix_Hot_40"),
    "app": _names("""
        Facebook_Marketplace Instagram WA Shopee Tokopedia TikTok_Shop grup_FB_jual_beli
        Telegram
    """),
    "korban": _names("adik_saya ibu_saya teman_saya istri_saya anak_saya tetangga_saya"),
    "n": _numbers(2, 10),
    "hari": ("{jumlah} hari",) * 8 + ("seminggu", "2 minggu"),
    "jumlah": _numbers(2, 14),
    "pangkat": ("{rank} {petugas}",),
    "rank": _names("Bripda Briptu Brigpol Bripka Aipda Aiptu Ipda Iptu"),
    "petugas": FIRST_NAMES,
    "sapaan": _phrases("Kak | Kak {nama} | Bapak/Ibu | Sdr. {nama} | Sobat Humas"),
}

# --- the citizen's side --------------------------------------------------------

OPENERS = _phrases("""
    Pak pol, | Min, | Selamat {salam} pak, | Assalamualaikum, izin lapor pak.
    Permisi pak polisi, | Halo min | Mohon izin pak, | Lapor pak! | Yth. Bapak Polisi,
    Kak admin, | Pak, mau lapor. | Selamat {salam} min, izin bertanya.
    Punten pak, | Nyuwun sewu pak, | Tabe' pak, | Horas pak, | Ampun pak,
""")
PLEAS = _phrases("""
    tolong dong ditindak | mohon segera ditindaklanjuti 🙏 | gmn ini pak?
    tolong pak, warga udah resah | please pak, jangan sampai ada korban lagi
    Mohon perhatiannya. | tolong di-follow up ya min | jangan cuma diliat doang min
    jangan nunggu viral dulu pak, no viral no justice katanya 🙏
    makasih sebelumnya 🙏 | matur nuwun pak | hatur nuhun pak | terima kasih
    sudah telpon 110 tapi gak nyambung | seriously pak, ini udah keterlaluan
    mohon identitas saya dirahasiakan | kami tunggu aksi nyatanya pak
""")
EMOJI = _names("🙏 🙏🙏 😡 😭 😤 ⚠️ 🚨 😔 🙏😭")
FOLLOW_UPS = _phrases("""
    sudah {elapsed} belum ada kabar min | min?? udah {elapsed} ga dibales
    tolong ditindaklanjuti pak, tadi kejadian lagi | halo min, gmn kelanjutannya?
    up min 🙏 | Pak pol mohon dibaca, ini serius | kok diem aja min, {elapsed} loh
    kalau gak direspon saya viralkan aja ya | ini lokasinya pak: {tempat}
    tambahan info: kejadiannya {waktu}, saya ada videonya
    {akun} halo?? aduan saya {elapsed} yg lalu gak dibaca?
    Mohon maaf pak, apakah laporan saya sudah diterima?
""")
AFTER_ANSWER = _phrases("""
    siap pak, sudah saya DM ya | baik pak, lokasinya di {tempat}
    makasih responnya pak 🙏 | ditunggu tindak lanjutnya ya min
    Terima kasih, saya tunggu kabarnya | udah saya kirim foto sama videonya lewat DM
    sudah {elapsed} sejak dibalas tapi belum ada perubahan pak
    oke min, nomor saya sudah saya kirim | tadi sudah ada petugas yg telpon, makasih pak
""")
THANKS = _phrases("""
    alhamdulillah, terima kasih pak pol 👍 | mantap, gercep 🙏
    makasih banyak pak, sekarang udah aman | semoga gak terulang lagi. terima kasih pak 🙏
    respect buat petugasnya 👏 | puji Tuhan, terima kasih banyak pak
""")

# Informal spellings applied to some citizens' messages (formal -> informal).
SLANG = (
    (" tidak ", " gak "), (" sudah ", " udah "), (" yang ", " yg "), ("tolong ", "tlg "),
    (" belum ", " blm "), (" sekarang", " skrg"), (" dengan ", " dgn "), (" karena ", " krn "),
    (" saja", " aja"), (" banget", " bgt"), (" bagaimana", " gmn"),
)  # fmt: skip

# --- the unit's side -------------------------------------------------------------

ACKNOWLEDGEMENTS = _phrases("""
    Selamat {salam} {sapaan}. Terima kasih atas laporannya. Aduan Anda sudah kami respons \
        dan akan segera kami tindak lanjuti bersama {satuan}. Perkembangannya akan kami \
        sampaikan kembali.
    Terima kasih {sapaan} atas informasinya 🙏 Mohon kirim detail lokasi dan waktu kejadian \
        melalui DM agar dapat segera kami tindak lanjuti.
    Halo {sapaan}, laporan Anda sudah kami terima dan kami teruskan ke {satuan}. Petugas kami \
        akan segera menindaklanjuti.
    Terima kasih atas laporannya {sapaan}. Aduan sudah kami catat dan teruskan ke {satuan}. \
        Dalam keadaan darurat silakan hubungi Call Center Polri 110 (bebas pulsa, 24 jam).
    Selamat {salam}. Mohon maaf atas ketidaknyamanannya {sapaan}. Aduan sudah kami terima dan \
        saat ini sedang kami koordinasikan dengan {satuan}.
    Terima kasih {sapaan}, informasi sudah kami terima. Mohon kirimkan nomor yang bisa \
        dihubungi melalui DM. Identitas pelapor kami jaga kerahasiaannya.
""")
NOTED = _phrases("""
    Baik {sapaan}, data sudah kami terima dan kami teruskan ke {satuan}. Terima kasih.
    Siap, terima kasih {sapaan}. Mohon ditunggu, petugas kami akan segera menghubungi.
""")
GENERIC_PROGRESS = _phrases("""
    Update: aduan {sapaan} masih dalam penanganan {satuan}. Perkembangan selanjutnya akan \
        kami sampaikan di sini.
    Perkembangan: petugas {satuan} sudah turun ke lokasi dan meminta keterangan warga sekitar.
""")
NOTES = _phrases("""
    Diteruskan ke {satuan} via grup WA, PIC {pangkat}
    Sudah telepon Kanit Reskrim Polsek {kec}, akan dicek hari ini
    Pelapor diminta datang ke SPKT untuk buat LP | Koordinasi dengan Bhabinkamtibmas {kel}
    Minta pelapor kirim bukti lewat DM, belum dibalas | Menunggu hasil lidik dari {satuan}
    Sudah dicek ke lokasi oleh {pangkat}, kondisi aman terkendali
    Dilaporkan ke Kasi Humas, minta atensi
""")
SPAM_NOTES = _phrases("Spam/promosi, tidak perlu ditanggapi | Akun bot, dilaporkan ke platform")
PRAISE_NOTES = _phrases("Bukan aduan (apresiasi), cukup di-like | Apresiasi warga, tak dibalas")


# --- topics ----------------------------------------------------------------------


def _topics(block: str) -> tuple[Topic, ...]:
    """Parse the topic block.

    ``## key weight | unit | unit`` starts a topic; then phrase lines marked
    ``>`` citizen's complaint, ``+`` tip in the first answer, ``~`` public
    progress update, ``=`` closing answer.
    """
    topics = []
    for chunk in block.split("## ")[1:]:
        head, *lines = chunk.strip().splitlines()
        key, weight, *units = (part.strip() for part in head.replace(" ", " | ", 1).split("|"))
        found: dict[str, list[str]] = {marker: [] for marker in ">+~="}
        for line in lines:
            marker, _, text = " ".join(line.split()).partition(" ")
            found[marker].extend(text.split(" | "))
        topics.append(Topic(key, int(weight), tuple(units), *(tuple(found[m]) for m in ">+~=")))
    return tuple(topics)


TOPICS = _topics("""
## pencurian 16 | Satreskrim | Unit Reskrim Polsek {kec}
> motor saya ilang {waktu} di {tempat}, {motor} plat {plat}. udah lapor polsek tapi blm ada kabar
> Curanmor lagi di {tempat} pak, {motor} nopol {plat} raib padahal udah dikunci ganda
> hp {korban} dijambret {waktu} di {tempat}, pelakunya 2 orang boncengan motor tanpa plat
> Pak pol, rumah saya kemalingan {waktu}. TV, laptop sama perhiasan hilang, rugi sekitar {uang}
> maling makin berani di {tempat}, seminggu ini udah {n} rumah dibobol. warga resah
> Barusan ada jambret di {tempat}, {hp} korban dibawa kabur. CCTV {landmark} ada rekamannya
> {motor} saya hilang di parkiran {landmark} {jalan}, plat {plat}. ada yg lihat?
> kotak amal masjid di {kel} dibobol {waktu}, sudah kejadian {n} kali
> {hp} saya dicopet di angkot jurusan {kel}, di dalamnya ada foto KTP dan m-banking
+ Mohon siapkan STNK/BPKB atau dus HP (IMEI) untuk kelengkapan laporan polisi.
+ Jika ada rekaman CCTV, mohon dikirim melalui DM.
~ Update: {satuan} sudah olah TKP di {tempat} dan mengumpulkan rekaman CCTV sekitar lokasi. \
    Penyelidikan masih berjalan.
~ Perkembangan: petugas sudah meminta keterangan {n} orang saksi. Patroli malam di sekitar \
    {kel} juga kami tingkatkan.
= Kabar baik {sapaan}, pelaku sudah diamankan {satuan} beserta barang bukti. Terima kasih 🙏
= Barang milik pelapor sudah ditemukan dan dapat diambil di Polsek {kec} dengan membawa bukti \
    kepemilikan asli.
## pungli 8 | Seksi Propam | Sipropam | Tim Saber Pungli
> ada oknum di pos {jalan} minta uang {uang} ke sopir truk, katanya "koordinasi". ini resmi pak?
> parkir liar di depan {landmark} {jalan} narik 5rb padahal ada tulisan parkir gratis
> Mohon ditertibkan pak, preman di {tempat} minta jatah ke pedagang {uang} per minggu
> Saya ditilang di {jalan} {waktu}, petugasnya minta "damai" {uang} aja. ada buktinya pak
> ngurus surat kehilangan di polsek {kec} dimintain uang admin {uang}. emang ada biayanya?
> jukir liar di {landmark} {kel} maksa minta 10rb, motor digeser seenaknya 😡
> sopir angkot di terminal {kec} dipalak tiap lewat, {uang} sehari. tolong pak
+ Seluruh layanan kepolisian tidak dipungut biaya di luar PNBP resmi.
+ Jika ada foto/video oknum, mohon dikirim melalui DM, identitas pelapor kami rahasiakan.
~ Update: laporan sudah diterima {satuan} dan yang bersangkutan sedang dimintai klarifikasi.
= Oknum yang dilaporkan sudah diperiksa {satuan} dan diproses sesuai aturan. Terima kasih.
= Penertiban di {tempat} sudah dilakukan, {n} orang diamankan dan dibina.
## penipuan_online 14 | Unit Siber Satreskrim | Satreskrim
> Saya ketipu jual beli online di {app}, udah transfer {uang} barang gak dikirim, saya diblokir
> ada akun palsu mirip {akun} ngaku2 polisi minta transfer buat "bantu kasus". hati2 warga!
> Investasi bodong pak, janjinya profit 30% sebulan, {n} orang di kampung kami rugi {uang}
> pinjol ilegal neror semua kontak saya, padahal pinjem {uang} udah lunas. data disebar 😭
> {korban} ditelpon ngaku dari bank, disuruh sebut kode OTP, tabungan {uang} langsung ludes
> dapat file undangan nikah .apk lewat WA, begitu diklik m-banking kebobol {uang}. gmn ini?
> Akun IG saya dibajak, dipakai minta pinjaman ke teman2. sudah {n} orang yg transfer
> katanya menang undian dari {app}, harus bayar pajak {uang} dulu, ternyata penipuan
> lowongan kerja palsu minta uang seragam {uang}, kantornya di {tempat} ternyata kosong
+ Simpan bukti transfer dan tangkapan layar percakapan, lalu hubungi bank untuk blokir rekening.
+ Jangan pernah memberikan kode OTP kepada siapa pun, termasuk yang mengaku petugas.
~ Update: {satuan} sudah mengajukan pemblokiran rekening pelaku ke bank terkait.
~ Perkembangan: laporan sudah teregister, penyidik sedang menelusuri akun dan nomor pelaku.
= Pelaku sudah diamankan {satuan}. Korban lain yang dirugikan dapat melapor ke SPKT.
= Rekening dan nomor pelaku sudah diblokir atas permintaan {satuan}. Akun resmi kami hanya {akun}.
## balap_liar 8 | Satlantas | Satsamapta | Polsek {kec}
> balap liar tiap malam minggu di {jalan} pak, dari jam 12 sampe subuh. anak saya kebangun terus
> Tolong patroli ke {tempat}, rame anak2 balapan liar, udah ada yg jatuh {waktu}
> {jalan} jadi sirkuit tiap sabtu malam 🏍️💨 mau lewat aja takut
> Min, balap liar lagi di dekat {landmark} {kel}. yang nonton sampai nutup jalan
> sudah sering dilaporin tapi balap liar di {tempat} gak ada habisnya. kapan ditindak pak?
> ada yg taruhan juga pak di balapan liar {jalan}, uangnya sampai {uang}
~ Update: {satuan} sudah menjadwalkan patroli rutin di {jalan} setiap Sabtu malam.
= Patroli gabungan sudah dilaksanakan, {n} motor tanpa surat lengkap diamankan dan pengendaranya \
    dibina.
= Titik balap liar di {tempat} sekarang dijaga petugas tiap malam minggu. Terima kasih {sapaan}.
## narkoba 7 | Satresnarkoba
> Pak, di gang belakang {landmark} {kel} sering ada transaksi sabu, orang luar keluar masuk malam
> ada rumah kontrakan di {tempat} yg dicurigai jadi tempat pakai narkoba. mohon rahasiakan saya
> anak2 muda di {kel} pada ngelem dan mabuk obat tiap malam di pos ronda. tolong dibina pak
> Peredaran sabu di kampung kami makin parah, {n} pemuda sudah kecanduan. polisi kemana?
> ada warung di {jalan} jual obat keras tanpa resep ke anak sekolah
> min saya mau lapor soal bandar narkoba di {tempat} tapi takut. aman gak lapor di sini?
+ Identitas pelapor dijamin kerahasiaannya. Informasi detail dapat dikirim melalui DM.
~ Update: informasi sudah diteruskan ke {satuan} dan sedang dilakukan penyelidikan tertutup.
= {satuan} telah mengamankan {n} orang terduga pelaku beserta barang bukti. Terima kasih infonya.
## layanan_sim 5 | Satlantas | Satpas Satlantas
> bikin SIM udah {n} kali bolak balik, ujian praktik zigzag katanya gagal terus. ada yg aneh pak
> antrian SIM hari ini dari jam 7 pagi sampe jam 2 belum dipanggil, loket cuma 1 😩
> Perpanjang SIM online udah bayar {uang} tapi status masih "diproses" {hari}
> di Satpas ditawarin calo "paket lulus" {uang}, katanya dijamin lulus. ini resmi?
> SIM keliling jadwalnya gmn min? kemarin ke {landmark} {kel} katanya gak ada
~ Update: {satuan} sudah menambah petugas loket pada jam sibuk.
= Permohonan SIM {sapaan} sudah selesai diproses dan dapat diambil di loket Satpas.
= Sudah ditindaklanjuti {satuan}: loket dan petugas ditambah, calo ditertibkan. Terima kasih.
## layanan_skck 4 | Satintelkam
> Bikin SKCK lama banget, udah {hari} belum jadi padahal mau dipake lamaran kerja
> loket SKCK tutup jam 12 padahal di info sampai jam 3, saya udah izin kerja pak 😤
> SKCK online sudah daftar, pas datang disuruh ngulang dari awal. terus gunanya online apa?
> Min, sistem SKCK error dari pagi, ratusan orang nunggu di luar
= SKCK {sapaan} sudah jadi dan dapat diambil di loket {satuan}. Mohon maaf atas keterlambatannya.
= Sistem SKCK sudah normal kembali dan jam layanan sudah disesuaikan. Terima kasih masukannya.
## lalu_lintas 12 | Satlantas | Unit Turjawali Satlantas | Unit Gakkum Satlantas
> lampu merah di perempatan {jalan} mati dari {waktu}, tiap pagi macet dan hampir tabrakan
> Macet total di {jalan} arah {kel}, gak ada petugas yg ngatur. udah 1 jam gak gerak
> Kecelakaan di {jalan} dekat {landmark}, motor vs truk, korban masih di jalan. mohon segera!
> truk parkir sembarangan di bahu {jalan} tiap malam, udah {n} kali ada yg nabrak
> Pak, di {tempat} banyak pelajar bonceng 3 tanpa helm, bahaya
> Sopir bus ugal2an di {jalan} {waktu}, plat {plat}, hampir nyerempet anak sekolah
> pasar tumpah di {jalan} bikin macet tiap pagi, tolong diatur pak
> rambu di tikungan {jalan} roboh udah {hari}, lubangnya juga gede banget
~ Update: {satuan} sudah berkoordinasi dengan Dishub untuk perbaikan dan mengatur arus di lokasi.
= Situasi di {jalan} sudah kembali normal dan sudah ditangani petugas. Terima kasih {sapaan}.
= Petugas {satuan} kini ditempatkan di {jalan} pada jam sibuk pagi dan sore.
## kebisingan 9 | Satsamapta | Polsek {kec} | Bhabinkamtibmas {kel}
> Knalpot brong tiap malam keliling {kel}, jam 1 masih berisik. ada bayi dan orang tua sakit pak
> hajatan di {tempat} pakai sound system gede sampai subuh, udah {hari} berturut-turut
> tolong ditindak motor knalpot brong {plat} yg suka geber2 di {jalan} depan rumah sakit
> Orgen tunggal di {kel} sampai jam 3 pagi, ada yg mabuk juga, warga gak berani negur
> anak2 nongkrong di {landmark} {jalan} tiap malam, berisik, geber motor, kadang tawuran
> sound horeg lewat {jalan}, kaca rumah sampai retak pak 😭
~ Update: {satuan} sudah memberikan imbauan kepada warga dan pemilik acara di {tempat}.
= Razia knalpot brong sudah dilaksanakan, {n} motor ditindak dan knalpotnya diganti standar.
= Sudah dilakukan mediasi bersama ketua RT, acara di {tempat} kini selesai paling lambat jam 22.
## kdrt 4 | Unit PPA Satreskrim
> Pak, tetangga saya di {tempat} sering mukul istrinya, tiap malam ada teriakan. kami takut
> Mohon bantuan, kakak saya jadi korban KDRT, sekarang ngungsi di rumah saya. suaminya ngancam
> ada anak kecil di {kel} sering kelihatan lebam2, orang tuanya kasar. gmn cara lapor yg aman?
> tolong pak, kakak saya dipukul suaminya {waktu} sampai harus ke puskesmas
+ Dalam keadaan darurat segera hubungi 110. Pelapor dan korban kami jamin kerahasiaannya.
~ Update: {satuan} sudah menjangkau korban dan memberikan pendampingan.
= Korban sudah didampingi {satuan} dan terlapor sedang diproses sesuai hukum.
## orang_hilang 3 | Satreskrim | Polsek {kec}
> Mohon bantuan, adik saya (15 thn) belum pulang sejak {waktu}, terakhir terlihat di {tempat}
> INFO ORANG HILANG 🙏 Bapak saya pikun, keluar rumah {waktu}, terakhir di sekitar {landmark} {kel}
> tolong share pak, anak saya pamit sekolah tapi gak pulang sudah {hari}, hp nya gak aktif
> teman saya hilang setelah dijanjikan kerja lewat medsos, sudah {hari} gak ada kabar. takut TPPO
+ Mohon kirim foto terbaru dan ciri-ciri (pakaian terakhir) melalui DM.
~ Update: informasi orang hilang sudah disebarkan ke seluruh Polsek dan pos pengamanan.
= Alhamdulillah, yang bersangkutan sudah ditemukan dalam keadaan sehat dan kembali ke keluarga.
## judi 6 | Satreskrim | Unit Siber Satreskrim
> tetangga saya habis2an main judi online, motor sampai dijual. tolong situsnya diblokir pak
> banyak selebgram lokal promosi judol di IG, jelas2 ngajak main. kok dibiarin?
> ada sabung ayam + judi dadu tiap minggu di kebun belakang {kel}, banyak orang luar datang
> warung di {jalan} jadi tempat judi togel, rekap nomornya ditempel di dinding
> anak SMP di kampung kami udah pada main judol pakai akun orang tuanya 😔
~ Update: akun dan situs yang dilaporkan sudah kami ajukan pemblokirannya ke Komdigi.
= {satuan} sudah menggerebek lokasi perjudian di {kel}, {n} orang diamankan.
## pujian 0
> Mantap pak pol, respon cepat pas kejadian di {tempat} kemarin 👍👍
> terima kasih bapak polisi yg sudah bantu dorong mobil saya mogok di {jalan} 🙏
> Salut sama Bhabinkamtibmas {kel}, rajin sambang warga | keren min kontennya, edukatif banget
> semangat terus pak, sehat selalu 💪 | Pelayanan SKCK sekarang cepet ya, 20 menit jadi. mantul
## spam 0
> follback min 🙏 | cek bio kak, ada promo followers murah 🔥 | first | 👍👍👍
> SLOT GACOR hari ini maxwin 💰 klik link di bio | jasa tambah followers & likes real, DM aja
> Info loker kerja dari rumah gaji 5jt/minggu, chat WA | mampir ke akun aku ya kak 😘
""")
COMPLAINTS = tuple(t for t in TOPICS if t.weight > 0)
PRAISE = next(t for t in TOPICS if t.key == "pujian")
SPAM = next(t for t in TOPICS if t.key == "spam")
