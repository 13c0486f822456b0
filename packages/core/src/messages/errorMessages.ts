import type { Message } from "../metadata.js";
import { capitalised } from "./findingMessages.js";
import { type SourcePlace, placed } from "./place.js";

/**
 * Why rapk refuses something, in plain words for the people who keep the plan, in Indonesian and
 * English. One entry per error code of the domain (the plan's rules), of the log and its
 * revisions, of the stores, of the command line and of the importer: a code missing here does
 * not compile where it is raised (core's `fail`, the importer's `failAt`, the command line's
 * `CliError` take an {@link ErrorCode}). The technical detail
 * (which field, which figures) stays in the error's own `message`; the code stays for programs.
 */
export const ERROR_MESSAGES = {
  // The plan's rules (core).
  COMMAND_INVALID: { id: "perintah ini tidak lengkap atau isinya tidak sesuai format.", en: "this command is incomplete or a value in it is not in the expected form." },
  PLAN_NOT_DRAFTED: { id: "rencana belum dibuat; buat rencananya dulu (draftPlan).", en: "no plan has been drafted yet; draft the plan first (draftPlan)." },
  PLAN_ALREADY_DRAFTED: { id: "rencana sudah dibuat; rencana hanya dibuat satu kali.", en: "the plan has already been drafted; a plan is drafted once." },
  NO_CHANGE: { id: "perubahan ini tidak mengubah apa pun: nilainya sudah sama.", en: "this change changes nothing: the value is already the same." },
  OBJECTIVE_EXISTS: { id: "sasaran kegiatan dengan kode ini sudah ada.", en: "an objective with this code already exists." },
  UNKNOWN_OBJECTIVE: { id: "sasaran kegiatan dengan kode ini tidak ada dalam rencana.", en: "there is no objective with this code in the plan." },
  INDICATOR_EXISTS: { id: "indikator dengan kode ini sudah ada.", en: "an indicator with this code already exists." },
  UNKNOWN_INDICATOR: { id: "indikator dengan kode ini tidak ada dalam rencana.", en: "there is no indicator with this code in the plan." },
  LINE_EXISTS: { id: "baris anggaran ini (RO, komponen, sub komponen) sudah terdaftar.", en: "this budget line (RO, komponen, sub komponen) is already registered." },
  UNKNOWN_LINE: { id: "baris anggaran ini tidak ada dalam rencana.", en: "this budget line is not in the plan." },
  RATIO_INCOMPLETE: { id: "pembilang dan penyebut harus diisi bersama-sama.", en: "the numerator and the denominator go together: give both or neither." },
  PERCENT_OUT_OF_RANGE: {
    id: "realisasi indikator persentase harus antara 0 dan 100, kecuali target indikator itu sendiri melebihi 100.",
    en: "the realisation of a percentage indicator must lie between 0 and 100, unless the indicator's own targets go above 100.",
  },
  RATIO_MISMATCH: { id: "nilai realisasi tidak sama dengan pembilang dibagi penyebut.", en: "the realisation does not equal the numerator divided by the denominator." },
  PLAN_SIGNED_REVISION_REQUIRED: {
    id: "rencana sudah ditandatangani: perubahan ini hanya boleh lewat revisi (Revisi POK, Revisi DIPA atau Revisi RAPK).",
    en: "the plan is signed: this change is allowed only in a revision (Revisi POK, Revisi DIPA or Revisi RAPK).",
  },
  POK_CHANGES_CEILING: { id: "Revisi POK tidak boleh mengubah pagu total; perubahan pagu total memerlukan Revisi DIPA.", en: "a Revisi POK must leave the total ceiling unchanged; changing it takes a Revisi DIPA." },
  // Who keeps the plan: the roster, the policy, proposals (core/roster, docs/workflow.md).
  MEMBER_EXISTS: { id: "anggota dengan nama pengenal ini sudah ada dalam daftar anggota.", en: "a member with this id is already on the roster." },
  UNKNOWN_MEMBER: { id: "anggota ini tidak ada dalam daftar anggota rencana.", en: "there is no such member on the plan's roster." },
  KEY_IN_USE: { id: "kunci ini sudah dipakai anggota lain; setiap anggota menandatangani dengan kuncinya sendiri.", en: "another member already signs with this key; every member signs with a key of their own." },
  ROSTER_WITHOUT_HEAD: { id: "daftar anggota harus selalu punya seorang Kepala, dan dua anggota tidak boleh memakai kunci yang sama.", en: "the roster must always keep a head, and no two members may share a key." },
  ROLE_NOT_ALLOWED: { id: "peran anggota ini tidak boleh mengambil langkah ini (misalnya operator menyetujui, atau auditor mengusulkan).", en: "this member's role may not take this step (an officer approving, or an auditor proposing, for example)." },
  MEMBER_REQUIRED: { id: "langkah usulan diambil oleh seorang anggota: sebutkan siapa.", en: "a step of a proposal is taken by a member: say who." },
  UNKNOWN_PROPOSAL: { id: "usulan dengan nomor ini tidak ada.", en: "there is no proposal with this number." },
  PROPOSAL_NOT_PENDING: { id: "usulan ini sudah diputuskan (disetujui, dikembalikan atau ditarik).", en: "this proposal has already been decided (approved, returned or withdrawn)." },
  RATIFICATION_MISMATCH: { id: "pengesahan ini menyebut versi atau head yang tidak ada di log ini sebelum pengesahan.", en: "this ratification names a version or head that this log does not have before it." },
  POLICY_NOT_MET: { id: "versi ini tidak ditandatangani oleh peran yang diwajibkan kebijakan rencana, jadi tidak berlaku.", en: "this version is not signed by the roles the plan's policy requires, so it is not in force." },
  UNKNOWN_SIGNER: { id: "versi ini ditandatangani dengan kunci yang bukan milik anggota rencana pada saat itu.", en: "this version is signed with a key that belonged to no member of the plan at the time." },
  SIGNER_MISMATCH: { id: "langkah usulan ini tidak ditandatangani oleh anggota yang disebut mengambilnya.", en: "this step of a proposal is not signed by the member it names as taking it." },
  ROOT_NOT_TRUSTED: { id: "versi pertama daftar anggota tidak ditandatangani oleh kunci akar yang dipercaya.", en: "the roster's first version is not signed by the trusted root key." },
  REFERENCE_REQUIRED: { id: "revisi ini harus menyebut surat atau keputusan yang mendasarinya (misalnya surat Kanwil DJPb untuk Revisi DIPA).", en: "this revision must name the letter or decree behind it (the treasury's letter for a Revisi DIPA, for example)." },
  EVIDENCE_MISSING: { id: "berkas bukti yang dirujuk laporan ini tidak ada di samping log.", en: "an evidence file this report cites is not kept beside the log." },
  EVIDENCE_CHANGED: { id: "berkas bukti yang dirujuk laporan ini sudah berubah sejak dicatat.", en: "an evidence file this report cites has changed since it was recorded." },
  EVIDENCE_TOO_LARGE: { id: "berkas bukti lebih besar dari 20 MB, batas yang disimpan rapk.", en: "the evidence file is larger than 20 MB, the most rapk keeps." },
  EVIDENCE_NOT_FOUND: { id: "tidak ada berkas bukti dengan kode SHA-256 ini.", en: "there is no evidence file with this SHA-256." },
  REVISION_KIND_MISMATCH: { id: "perubahan ini tidak termasuk jenis revisi yang disebutkan.", en: "this change does not belong to the kind of revision given." },
  AMOUNT_NOT_WHOLE_RUPIAH: { id: "jumlah uang harus Rupiah bulat dan tidak negatif.", en: "an amount of money must be whole Rupiah and not negative." },
  UNKNOWN_REFERENCE: { id: "ada yang merujuk ke sasaran, indikator atau baris anggaran yang tidak ada dalam rencana.", en: "something refers to an objective, indicator or budget line that is not in the plan." },
  LINE_OVER_ALLOCATED: { id: "kontribusi sebuah baris anggaran ke indikator melebihi pagunya.", en: "the contributions of a budget line to indicators exceed its pagu." },
  CEILING_EXCEEDED: { id: "jumlah pagu baris anggaran melebihi pagu total rencana.", en: "the budget lines' pagu add up to more than the plan's total ceiling." },
  TARGETS_MALFORMED: { id: "indikator harus punya dua belas target bulanan (B01 sampai B12) yang sah.", en: "an indicator must have twelve valid monthly targets (B01 to B12)." },
  CUMULATIVE_DECREASES: { id: "target kumulatif tidak boleh turun dari bulan ke bulan.", en: "a cumulative target must not go down from one month to the next." },
  LINE_OVERSPENT: { id: "realisasi belanja sebuah baris anggaran melebihi pagunya.", en: "the spending reported for a budget line exceeds its pagu." },
  TIME_GOES_BACKWARDS: {
    id: "tanggal ini lebih awal daripada versi terakhir dalam log; koreksi atas versi lama dicatat sebagai versi baru yang menyebut versi yang dikoreksi.",
    en: "this date is earlier than the log's last version; a correction of an earlier version is recorded as a new version that names the version it corrects.",
  },
  EFFECTIVE_TOO_LATE: { id: "tanggal berlaku terlalu jauh di masa depan (lebih dari setahun setelah tahun anggaran, atau lebih dari 400 hari setelah dicatat).", en: "the date it takes effect is too far ahead (more than a year after the fiscal year, or more than 400 days after it is recorded)." },
  REPORT_BEFORE_MONTH: { id: "laporan bulanan tidak boleh berlaku sebelum bulan yang dilaporkan dimulai.", en: "a monthly report cannot take effect before the month it reports on starts." },
  EVENT_NOT_APPLICABLE: { id: "sebuah catatan dalam log tidak dapat diterapkan pada rencana; log ini rusak atau diubah.", en: "a record in the log cannot be applied to the plan; the log is damaged or was edited." },
  EVENT_UNKNOWN: { id: "log berisi jenis catatan yang tidak dikenal.", en: "the log holds a kind of record rapk does not know." },
  EVENT_INVALID: { id: "sebuah catatan dalam log tidak lengkap atau isinya tidak sesuai format.", en: "a record in the log is incomplete or not in the expected form." },
  INVALID_JSON: { id: "baris ini bukan JSON yang sah.", en: "this line is not valid JSON." },

  // The log and its revisions (history).
  REVISION_INVALID: { id: "berkas revisi tidak lengkap atau isinya tidak sesuai format (siapa, alasan, jenis, perintah).", en: "the revision file is incomplete or not in the expected form (who, why, kind, commands)." },
  INVALID_INSTANT: { id: "tanggal atau waktu ini tidak terbaca.", en: "this date or time cannot be read." },
  SEQ_OUT_OF_RANGE: { id: "nomor catatan ini tidak ada dalam log.", en: "there is no record with this number in the log." },
  VERSION_OUT_OF_RANGE: { id: "versi ini tidak ada dalam log.", en: "this version is not in the log." },
  VERSION_INVALID: { id: "versi ini tidak utuh atau tidak sesuai urutan log.", en: "this version is not whole or does not follow the log in order." },
  LOG_INVALID: { id: "log ini tidak utuh atau urutannya salah.", en: "the log is not whole or out of order." },
  BLANK_LINE: { id: "log berisi baris kosong, padahal setiap baris harus berisi satu catatan.", en: "the log holds a blank line where every line should hold a record." },
  COMMIT_COUNT_MISMATCH: { id: "catatan penutup versi menyebut jumlah catatan yang berbeda dari isi versinya.", en: "a version's closing record names a different number of records than the version holds." },
  COMMIT_INVALID: { id: "catatan penutup sebuah versi tidak lengkap atau tidak sesuai format.", en: "a version's closing record is incomplete or not in the expected form." },
  COMMIT_WITHOUT_EVENTS: { id: "ada catatan penutup versi tanpa catatan perubahan sebelumnya.", en: "a version's closing record has no changes before it." },
  FORMAT_MIXED: { id: "log mencampur format lama dan baru secara tidak sah.", en: "the log mixes the old and the new format where it may not." },
  FORMAT_UNKNOWN: { id: "baris ini ditulis dengan format log yang tidak dikenal.", en: "this line is written in a log format rapk does not know." },
  NOT_CANONICAL: { id: "baris ini tidak ditulis dalam bentuk baku log rapk; log ini mungkin diubah dengan tangan.", en: "this line is not written in the log's standard form; the log may have been edited by hand." },
  SEQ_OUT_OF_ORDER: { id: "nomor urut catatan dalam log melompat atau berulang.", en: "the records of the log are not numbered in order." },
  VERSION_METADATA_DIFFERS: { id: "catatan dalam satu versi memuat keterangan (siapa, kapan, alasan) yang berbeda.", en: "the records of one version carry different details (who, when, why)." },
  VERSION_OUT_OF_ORDER: { id: "nomor versi dalam log melompat atau berulang.", en: "the versions of the log are not numbered in order." },
  VERSION_UNCOMMITTED: { id: "versi terakhir log belum selesai ditulis (catatan penutupnya tidak ada).", en: "the log's last version was not finished (its closing record is missing)." },
  UNCOMMITTED_VERSION: { id: "versi terakhir log belum selesai ditulis (catatan penutupnya tidak ada).", en: "the log's last version was not finished (its closing record is missing)." },
  TORN_LINE: { id: "baris terakhir log terpotong: penulisan berhenti di tengah jalan.", en: "the log's last line is cut short: writing stopped half way." },
  HASH_MISMATCH: { id: "isi baris ini tidak cocok dengan kode pengamannya: baris ini diubah setelah ditulis.", en: "this line does not match its hash: it was changed after it was written." },
  CHAIN_BROKEN: { id: "rantai log terputus di sini: ada baris yang dihapus, disisipkan atau ditukar.", en: "the log's chain breaks here: a line was removed, inserted or moved." },
  HEAD_MISMATCH: { id: "log tidak berakhir pada kode akhir (head) yang diharapkan: ada versi yang hilang atau ditambahkan.", en: "the log does not end at the expected head: a version is missing or was added." },
  BAD_SIGNATURE: { id: "tanda tangan elektronik versi ini tidak sah.", en: "this version's electronic signature is not valid." },
  UNSIGNED_VERSION: { id: "versi ini tidak ditandatangani secara elektronik.", en: "this version is not signed electronically." },
  SIGNATURE_UNCHECKED: { id: "tanda tangan elektronik versi ini belum diperiksa oleh pembaca ini.", en: "this version's electronic signature was not checked by this reader." },
  UNTRUSTED_KEY: { id: "versi ini ditandatangani dengan kunci yang tidak termasuk daftar kunci tepercaya.", en: "this version is signed with a key that is not on the list of trusted keys." },
  INVARIANT_BROKEN: { id: "setelah versi ini, rencana melanggar aturannya sendiri (misalnya anggaran melebihi pagu).", en: "after this version the plan breaks its own rules (a budget over its pagu, for example)." },

  // Where the log is kept (the stores).
  CONFLICT: { id: "log sudah berubah sejak dibaca (ada penulis lain yang lebih dulu); tidak ada yang ditulis. Baca lagi lalu ulangi.", en: "the log changed since it was read (another writer came first); nothing was written. Read it again and retry." },
  LOCKED: { id: "log sedang ditulis oleh proses lain; tidak ada yang ditulis. Coba lagi sebentar lagi.", en: "another process is writing the log; nothing was written. Try again in a moment." },
  PLAN_NOT_FOUND: { id: "rencana dengan nama ini tidak ada di tempat penyimpanan.", en: "there is no plan with this name in the store." },
  PLAN_ID_INVALID: { id: "nama rencana hanya boleh berisi huruf, angka, titik, garis bawah dan tanda hubung.", en: "a plan's name may hold only letters, digits, dots, underscores and hyphens." },
  RANGE_INVALID: { id: "rentang versi yang diminta tidak ada dalam log.", en: "the range of versions asked for is not in the log." },
  STORE_UNAVAILABLE: { id: "tempat penyimpanan log tidak dapat dihubungi.", en: "the store that keeps the log cannot be reached." },
  CONNECTION_LOST: {
    id: "sambungan ke server PostgreSQL terputus di tengah penulisan; pesan ini menyebut apakah versi itu tercatat. Bila tidak, ulangi setelah server kembali.",
    en: "the connection to the PostgreSQL server was lost in the middle of the write; the message says whether the version was committed. If not, retry once the server is back.",
  },
  STORE_TIMEOUT: {
    id: "server PostgreSQL tidak menjawab dalam batas waktu (statement_timeout); tidak ada yang ditulis. Coba lagi, atau naikkan ?statement_timeout= pada URL.",
    en: "the PostgreSQL server did not answer in time (statement_timeout); nothing was written. Retry, or raise ?statement_timeout= in the URL.",
  },
  STORE_PERMISSION_DENIED: {
    id: "pengguna PostgreSQL ini tidak punya izin atas tabel rapk (GRANT); tidak ada yang ditulis.",
    en: "this PostgreSQL user has no permission on rapk's tables (GRANT); nothing was written.",
  },
  WRITE_FAILED: { id: "log tidak dapat ditulis (ruang penyimpanan penuh, atau tidak ada izin?); tidak ada yang berubah.", en: "the log could not be written (the disk full, or no permission?); nothing changed." },

  // The command line itself (cli). Its messages already say in plain words what is wrong, so
  // `rapk` prints no explanation after these codes.
  USAGE: { id: "perintah rapk ini tidak tepat: sebuah opsi kurang, tidak dikenal, atau nilainya tidak dapat dipakai.", en: "the rapk command is not right: an option is missing, unknown, or has a value rapk cannot use." },
  FILE_UNREADABLE: { id: "berkas ini tidak dapat dibaca, atau isinya bukan yang diharapkan rapk di sini.", en: "the file cannot be read, or does not hold what rapk expects there." },
  FILE_EXISTS: { id: "berkas ini sudah ada; rapk hanya menggantinya dengan --force.", en: "the file already exists; rapk replaces it only with --force." },
  FILE_UNWRITABLE: { id: "berkas ini tidak dapat ditulis; tidak ada yang berubah.", en: "the file cannot be written; nothing changed." },

  // A filled spreadsheet template (rapk template, rapk apply of a workbook).
  TEMPLATE_UNKNOWN: { id: "buku kerja ini bukan templat rapk, atau keterangan tersembunyinya diubah; buat templat dengan rapk template.", en: "the workbook is not a rapk template, or its hidden details were changed; make one with rapk template." },
  TEMPLATE_OTHER_PLAN: { id: "templat ini dibuat untuk rencana, bulan atau jenis revisi yang lain.", en: "the template was made for another plan, month or kind of revision." },
  TEMPLATE_CELL_INVALID: { id: "sebuah sel templat tidak terbaca sebagai isi kolomnya, atau sebuah lembar atau kolom templat hilang.", en: "a cell of the template cannot be read as what its column holds, or a sheet or column of the template is missing." },

  // What the operating system refused (cli): each its own words, never an internal error.
  NO_SUCH_FILE: { id: "berkas atau folder ini tidak ada.", en: "there is no such file or folder." },
  IS_A_FOLDER: { id: "ini sebuah folder, padahal yang diperlukan sebuah berkas.", en: "this is a folder where a file is needed." },
  NOT_A_FILE: { id: "ini bukan berkas biasa (perangkat, pipa, atau soket); rapk hanya membaca berkas biasa.", en: "this is not a regular file (a device, a pipe or a socket); rapk reads regular files only." },
  SYMLINK_LOOP: { id: "tautan simbolik ini berputar atau menunjuk ke tempat yang tidak ada.", en: "this symbolic link loops, or points to nothing." },
  PERMISSION_DENIED: { id: "tidak ada izin untuk membaca atau menulis di sini; tidak ada yang berubah.", en: "there is no permission to read or write here; nothing changed." },
  READ_ONLY: { id: "sistem berkas ini hanya-baca; tidak ada yang ditulis.", en: "the file system is read-only; nothing was written." },
  DISK_FULL: { id: "ruang penyimpanan penuh; tidak ada yang ditulis. Kosongkan ruang lalu ulangi.", en: "the disk is full; nothing was written. Free some space and retry." },
  INPUT_TOO_DEEP: { id: "JSON ini bersarang lebih dari 32 tingkat; tidak ada revisi atau baris log sedalam itu.", en: "this JSON nests deeper than 32 levels; no revision or log line is that deep." },
  NUMBER_NOT_SAFE: { id: "angka ini terlalu besar untuk disimpan tepat; rapk tidak membulatkannya.", en: "this number is too large to be kept exactly; rapk does not round it." },

  // Reading a source (the importer).
  NOT_TEXT: { id: "yang diberikan bukan teks sebuah rencana.", en: "what was given is not the text of a plan." },
  EMPTY_INPUT: { id: "berkas ini kosong: tidak ada rencana untuk diimpor.", en: "the file is empty: there is no plan to import." },
  INPUT_TOO_LARGE: { id: "berkas ini terlalu besar untuk sebuah RAPK.", en: "the file is too large for a RAPK." },
  BINARY_INPUT: { id: "ini bukan berkas teks (mungkin PDF atau lembar kerja); impor teks hasil ekstraksi PDF, atau templat CSV.", en: "this is not a text file (a PDF or a spreadsheet?); import the text extracted from the PDF, or the CSV template." },
  INVALID_UTF8: { id: "berkas ini bukan teks UTF-8 yang sah; simpan sebagai UTF-8 lalu impor lagi.", en: "the file is not valid UTF-8 text; save it as UTF-8 and import it again." },
  BAD_FORMAT: { id: "format sumber tidak dikenal: gunakan table atau csv.", en: "unknown source format: use table or csv." },
  TABLE_NOT_FOUND: { id: "tabel RAPK tidak ditemukan (tidak ada judul kolom SASARAN KEGIATAN / INDIKATOR KINERJA KEGIATAN).", en: "no RAPK table was found (no header with SASARAN KEGIATAN / INDIKATOR KINERJA KEGIATAN)." },
  TITLE_INCOMPLETE: { id: "judul di atas tabel tidak lengkap (judul, unit kerja, instansi).", en: "the title above the table is incomplete (title, unit, agency)." },
  YEAR_MISSING: { id: "judul tidak menyebut tahun (seperti \"TAHUN 2024\").", en: "the title does not name the year (like \"TAHUN 2024\")." },
  TOTAL_MISSING: { id: "baris Total di akhir tabel tidak ditemukan.", en: "the Total line at the end of the table was not found." },
  TOTAL_UNREADABLE: { id: "angka pada baris Total tidak terbaca.", en: "the amount on the Total line cannot be read." },
  SHIFTED_COLUMNS: { id: "isi baris ini bergeser dari kolomnya, jadi tidak dapat dibaca dengan pasti.", en: "the cells of this line are shifted out of their columns, so it cannot be read with certainty." },
  MALFORMED_ROW: { id: "baris ini tidak punya susunan kolom yang diharapkan.", en: "this line does not have the expected columns." },
  BAD_AMOUNT: { id: "jumlah uang di baris ini tidak terbaca sebagai Rupiah bulat.", en: "an amount on this line cannot be read as whole Rupiah." },
  BAD_TARGET: { id: "target di baris ini tidak terbaca sebagai angka.", en: "a target on this line cannot be read as a number." },
  BAD_VALUE: { id: "sebuah nilai di baris ini tidak terbaca.", en: "a value on this line cannot be read." },
  BAD_DATE: { id: "tanggal di baris ini tidak terbaca.", en: "the date on this line cannot be read." },
  BAD_YEAR: { id: "tahun anggaran di baris ini tidak terbaca.", en: "the fiscal year on this line cannot be read." },
  MISSING_VALUE: { id: "sebuah nilai wajib di baris ini kosong.", en: "a value this line needs is blank." },
  UNIT_UNKNOWN: { id: "satuan indikator ini tidak dikenali dari namanya.", en: "the unit of this indicator cannot be told from its name." },
  PAGU_CONFLICT: { id: "baris anggaran yang sama tertulis dengan pagu yang berbeda.", en: "the same budget line is written with different pagu." },
  DUPLICATE_OBJECTIVE: { id: "sasaran kegiatan yang sama tertulis dua kali.", en: "the same objective is written twice." },
  DUPLICATE_INDICATOR: { id: "indikator yang sama tertulis dua kali.", en: "the same indicator is written twice." },
  DUPLICATE_LINE: { id: "baris anggaran yang sama tertulis dua kali dengan isi berbeda.", en: "the same budget line is written twice, differently." },
  DUPLICATE_BUDGET_ROW: { id: "baris anggaran yang sama tertulis dua kali untuk indikator yang sama.", en: "the same budget row is written twice for one indicator." },
  DUPLICATE_CONTRIBUTION: { id: "kontribusi yang sama tertulis dua kali.", en: "the same contribution is written twice." },
  DUPLICATE_COLUMN: { id: "judul kolom yang sama tertulis dua kali.", en: "the header names the same column twice." },
  DUPLICATE_KEY: { id: "nama isian yang sama tertulis dua kali, jadi tidak jelas mana yang berlaku.", en: "the same key is written twice, so which one counts cannot be told." },
  RESERVED_KEY: { id: "nama isian ini adalah nama khusus (seperti __proto__ atau constructor) yang tidak pernah menjadi isian log.", en: "this key is a reserved name (like __proto__ or constructor), never a field of the log." },
  CSV_HEADER_MISSING: { id: "berkas CSV tidak punya baris judul kolom.", en: "the CSV file has no header row." },
  CSV_MALFORMED: { id: "berkas CSV ini tidak terbaca (tanda kutip tidak ditutup?).", en: "the CSV file cannot be read (an unclosed quote?)." },
  MISSING_COLUMN: { id: "kolom wajib templat CSV tidak ada.", en: "a column the CSV template needs is missing." },
  PLAN_INCOMPLETE: { id: "keterangan rencana dalam templat CSV tidak lengkap (judul, unit, tahun, pagu).", en: "the plan's details in the CSV template are incomplete (title, unit, year, ceiling)." },
  SIGNATURE_INCOMPLETE: { id: "tanda tangan dalam templat CSV tidak lengkap (tempat, tanggal, jabatan).", en: "the signature in the CSV template is incomplete (place, date, title)." },
  UNSUPPORTED_VERSION: { id: "versi templat CSV ini tidak didukung.", en: "this version of the CSV template is not supported." },
  PLAN_TOO_LARGE: { id: "rencana dalam sumber ini terlalu besar untuk diimpor.", en: "the plan in this source is too large to import." },
  INTERNAL_ERROR: { id: "terjadi kesalahan di dalam rapk sendiri, bukan pada berkas Anda; mohon laporkan.", en: "something went wrong inside rapk, not in your file; please report it." },
} as const satisfies Record<string, Message>;

/** Every error code rapk explains in plain words. */
export type ErrorCode = keyof typeof ERROR_MESSAGES;

/** Every error code, in the table's order. */
export const ERROR_CODES = Object.keys(ERROR_MESSAGES) as ErrorCode[];

/** Whether a code is one of rapk's error codes. */
export function isErrorCode(code: string): code is ErrorCode {
  return Object.prototype.hasOwnProperty.call(ERROR_MESSAGES, code);
}

/**
 * The plain-word explanation of an error code in both languages, opening with the line (and
 * page) of the source when it is known; undefined for a code that is not rapk's.
 */
export function explainError(code: string, place: SourcePlace = {}): Message | undefined {
  if (!isErrorCode(code)) return undefined;
  return placed(place, capitalised(ERROR_MESSAGES[code]));
}
