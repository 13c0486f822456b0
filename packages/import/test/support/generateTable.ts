/**
 * A published-layout table of any size, for the size tests: `objectives` objectives of
 * `indicators` indicators with `rows` budget rows each, every row on its own budget line, a page
 * break every `pageEvery` lines, and a Total that covers all lines exactly.
 */
export function generateTable(objectives: number, indicators: number, rows: number, pageEvery = 40): string {
  const T = "\t";
  const months = Array.from({ length: 12 }, (_, i) => `B${String(i + 1).padStart(2, "0")}`);
  const out = ["**RENCANA AKSI PERJANJIAN KINERJA TAHUN 2024", "LOKA POM DI KABUPATEN BESAR", "BADAN PENGAWAS OBAT DAN MAKANAN**", ""];
  const pageHeader = () => out.push(["NO.", "SASARAN KEGIATAN", "INDIKATOR KINERJA KEGIATAN", "TARGET", ...Array(11).fill(""), "ANGGARAN"].join(T), ["", "", "", ...months, ""].join(T));
  pageHeader();
  let total = 0;
  let line = 0;
  for (let o = 1; o <= objectives; o++) {
    for (let i = 1; i <= indicators; i++) {
      const code = (n: number) => String(n).padStart(3, "0");
      const budget = rows * 1000;
      const name = `${code(i)} - Persentase sarana ${o}.${i} yang diperiksa`;
      const targets = Array(12).fill("50");
      out.push(i === 1 ? [`${o}.`, `${code(o)} - Sasaran ${o}`, name, ...targets, String(budget)].join(T) : ["", "", name, ...targets, String(budget)].join(T));
      out.push(["", "", "NO", "RO", "KOMPONEN", "SUB KOMPONEN", "ANGGARAN", "KONTRIBUSI"].join(T));
      for (let r = 1; r <= rows; r++) {
        line++;
        const ro = `DR.${String(1000 + (line % 9000)).padStart(4, "0")}.Q${String(line % 100).padStart(2, "0")}.${code(Math.floor(line / 9000) % 1000)}`;
        out.push(["", "", `${r}.`, `${ro} - Rincian output ${line}`, `${code(line % 1000)} - Komponen`, "A - Sub komponen", "1,000", "1,000"].join(T));
        total += 1000;
        if (out.length % pageEvery === 0) {
          out.push("");
          pageHeader();
        }
      }
    }
  }
  out.push(["", "", "", "", "", "Total", total.toLocaleString("en-US")].join(T), "", "Besar, 2 January 2024", "", "Kepala Loka POM", "", "Nama Kepala");
  return out.join("\n");
}
