import * as z from "zod";
import { LineId } from "../codes.js";
import { Month } from "../period/months.js";
import { Rupiah } from "../money/rupiah.js";
import { EvidenceList } from "../evidence.js";

/**
 * What was spent on a budget line in a month (realisasi anggaran); a later report for the month
 * supersedes. Like a realisation it may say why the money moved as it did: a `note`, `obstacles`
 * (hambatan: a tender that failed) and `followUp` (rencana tindak lanjut). Older events have none
 * of them and read as before.
 */
export const SpendingReported = z.object({
  type: z.literal("SpendingReported"),
  data: z.object({
    line: LineId,
    month: Month,
    amount: Rupiah,
    note: z.string().max(5000).optional(),
    obstacles: z.string().max(5000).optional(),
    followUp: z.string().max(5000).optional(),
    /** Files cited as proof (bukti dukung), kept beside the log by their SHA-256. */
    evidence: EvidenceList.optional(),
  }),
});
export type SpendingReported = z.infer<typeof SpendingReported>;
