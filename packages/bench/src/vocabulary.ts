/**
 * Words the generator builds names from, in the register of BPOM's published plans, so that
 * generated events have the sizes and shapes of real ones (a name is 40-120 characters).
 */
export const OBJECTIVE_NAMES = [
  "Terwujudnya Obat dan Makanan yang memenuhi syarat di masing-masing wilayah kerja UPT",
  "Meningkatnya efektivitas komunikasi, informasi dan edukasi Obat dan Makanan",
  "Terwujudnya kepatuhan pelaku usaha dan kesadaran masyarakat terhadap keamanan Obat dan Makanan",
  "Meningkatnya efektivitas penindakan kejahatan Obat dan Makanan",
  "Terwujudnya kerja sama lintas sektor dalam pengawasan Obat dan Makanan",
  "Terwujudnya Reformasi Birokrasi di lingkungan UPT",
  "Terkelolanya keuangan UPT secara akuntabel",
] as const;

export const INDICATOR_SUBJECTS = [
  "sampel Obat yang diperiksa dan diuji sesuai standar",
  "sampel Makanan yang memenuhi syarat",
  "sarana produksi Obat Tradisional yang memenuhi ketentuan",
  "keputusan hasil pengawasan yang ditindaklanjuti",
  "pelaku usaha UMKM yang mendapat pendampingan",
  "perkara yang diselesaikan hingga tahap II",
  "kegiatan KIE yang terlaksana tepat waktu",
  "pengaduan masyarakat yang ditindaklanjuti",
  "pasar aman dari bahan berbahaya",
  "rekomendasi hasil pemeriksaan yang selesai ditindaklanjuti",
] as const;

export const INDICATOR_KINDS = ["Persentase", "Jumlah", "Indeks", "Nilai", "Tingkat"] as const;

export const OUTPUT_NAMES = [
  "Sampel Obat, Obat Tradisional, Kosmetik dan Suplemen Kesehatan yang Diperiksa Sesuai Standar oleh UPT",
  "Sampel Pangan Olahan yang Diperiksa Sesuai Standar oleh UPT",
  "Sarana Produksi dan Distribusi yang Diperiksa oleh UPT",
  "Layanan Perkantoran",
  "Layanan Manajemen Kinerja Internal",
  "Pelaku Usaha yang Didampingi",
] as const;

export const COMPONENT_NAMES = [
  "Pengadaan sampel obat, obat bahan alam, kosmetika, suplemen kesehatan",
  "Pengujian sampel secara laboratorium",
  "Pemeriksaan sarana produksi dan distribusi",
  "Pembayaran gaji dan tunjangan",
  "Operasional dan pemeliharaan kantor",
  "Koordinasi lintas sektor",
  "Komunikasi, informasi dan edukasi",
  "Penyusunan laporan kinerja",
] as const;

export const SUB_COMPONENT_NAMES = ["Belanja bahan", "Belanja perjalanan dinas", "Belanja jasa", "Honor output kegiatan"] as const;

export const KROS = ["QIA", "QEA", "BKB", "EBA", "EBB", "QDC", "PBT", "QDB", "BKA", "QHA"] as const;

export const PLACES = ["Jakarta", "Rejang Lebong", "Bengkulu", "Padang", "Palembang", "Kupang", "Jayapura", "Ambon"] as const;

export const OBSTACLES = [
  "Hambatan: sampel tidak tersedia di sarana; rencana tindak lanjut: sampling ulang bulan berikutnya.",
  "Hambatan: reagen pengujian terlambat datang; rencana tindak lanjut: pengadaan dipercepat.",
  "Sesuai target; bukti dukung terlampir.",
] as const;
