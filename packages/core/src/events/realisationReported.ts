import * as z from "zod";
import { IndicatorId } from "../codes.js";
import { Month } from "../period/months.js";
import { EvidenceList } from "../evidence.js";

/**
 * What an indicator reached in a month (realisasi). Percentage indicators may carry the
 * numerator and denominator (pembilang/penyebut) the value was computed from. A later report
 * for the same month supersedes the earlier one; nothing is deleted. `obstacles` (hambatan) and
 * `followUp` (rencana tindak lanjut) are what the quarterly report lists beside the figures;
 * older events have neither and read as before.
 */
export const RealisationReported = z.object({
  type: z.literal("RealisationReported"),
  data: z.object({
    indicator: IndicatorId,
    month: Month,
    value: z.number().finite({ error: "must be finite" }).nonnegative({ error: "must not be negative" }),
    numerator: z.number().finite().nonnegative({ error: "must not be negative" }).optional(),
    denominator: z.number().finite().positive({ error: "must be greater than 0" }).optional(),
    note: z.string().max(5000).optional(),
    obstacles: z.string().max(5000).optional(),
    followUp: z.string().max(5000).optional(),
    /** Files cited as proof (bukti dukung), kept beside the log by their SHA-256. */
    evidence: EvidenceList.optional(),
  }),
});
export type RealisationReported = z.infer<typeof RealisationReported>;
