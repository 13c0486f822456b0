// A small plan built through @rapk/core's public API, revised, and printed.
import {
  budgetSummary,
  decideBatch,
  formatRupiah,
  monthCode,
  planDocument,
  replay,
} from "@rapk/core";

const draft = [
  { type: "draftPlan", data: { unit: "Loka POM di Kabupaten Rejang Lebong", agency: "Badan Pengawas Obat dan Makanan", year: 2024, ceiling: 4_801_300_000 } },
  { type: "defineObjective", data: { code: "01", number: 1, name: "Terwujudnya Obat dan Makanan yang memenuhi syarat di masing-masing wilayah kerja UPT" } },
  { type: "defineIndicator", data: { objective: "01", code: "01", name: "Persentase Obat yang memenuhi syarat", unit: "percent", direction: "higher", shape: "constant" } },
  { type: "setTargets", data: { indicator: "01.01", values: Array(12).fill(99.3) } },
  {
    type: "registerBudgetLine",
    data: {
      output: { code: "DR.3165.QIA.005", name: "Sampel Obat, Obat Tradisional, Kosmetik dan Suplemen Kesehatan yang Diperiksa Sesuai Standar oleh UPT" },
      component: { code: "053", name: "Pengadaan sampel obat, obat bahan alam, kosmetika, suplemen kesehatan" },
      subComponent: { code: "A", name: "PENGADAAN SAMPEL" },
      pagu: 125_736_000,
    },
  },
  { type: "allocateContribution", data: { indicator: "01.01", line: "DR.3165.QIA.005.053.A", amount: 70_412_160 } },
  { type: "signPlan", data: { place: "Rejang Lebong", date: "2024-02-22", name: null, title: "Kepala Loka POM di Kabupaten Rejang Lebong" } },
];

function must(result) {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

let events = must(decideBatch(draft, must(replay([]))));
let state = must(replay(events));

// A Revisi POK lowers the pagu and reallocates in the same batch: accepted all-or-nothing.
const pok = [
  { type: "reviseBudget", data: { line: "DR.3165.QIA.005.053.A", pagu: 100_000_000 } },
  { type: "allocateContribution", data: { indicator: "01.01", line: "DR.3165.QIA.005.053.A", amount: 60_000_000 } },
];
events = [...events, ...must(decideBatch(pok, state, { kind: "pok" }))];
state = must(replay(events));

// Lowering it below what is allocated, without reallocating, is refused and says by how much.
const refused = decideBatch([{ type: "reviseBudget", data: { line: "DR.3165.QIA.005.053.A", pagu: 50_000_000 } }], state, { kind: "pok" });

const doc = planDocument(state);
console.log(`${doc.plan.unit} — ${doc.plan.year}`);
for (const objective of doc.objectives) {
  console.log(`${objective.number}. ${objective.code} - ${objective.name}`);
  for (const indicator of objective.indicators) {
    const targets = indicator.targets.map((t, i) => `${monthCode(i + 1)}=${t ?? "-"}`).join(" ");
    console.log(`   ${indicator.id} ${indicator.name}\n     ${targets}\n     ANGGARAN ${formatRupiah(indicator.budget)}`);
    for (const c of indicator.contributions) console.log(`     ${c.line.id}  pagu ${formatRupiah(c.line.pagu)}  kontribusi ${formatRupiah(c.amount)}`);
  }
}
const summary = budgetSummary(state);
console.log(`Total ${formatRupiah(doc.ceiling)}; lines ${formatRupiah(summary.pagu)}; allocated ${formatRupiah(summary.allocated)}`);
console.log(`Signed ${doc.signature.place}, ${doc.signature.date}, ${doc.signature.title}`);
console.log(`${events.length} events; refused revision: ${refused.ok ? "none" : `${refused.error.code} — ${refused.error.message}`}`);
