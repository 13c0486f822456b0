import * as z from "zod";
import { IndicatorCode, Name, ObjectiveCode } from "../codes.js";

/** What an indicator is measured in: Persentase (percent), Tingkat (level), Indeks (index), Nilai (score), Jumlah (count: whole numbers of things, reports or visits). */
export const IndicatorUnit = z.enum(["percent", "level", "index", "score", "count"]);
export type IndicatorUnit = z.infer<typeof IndicatorUnit>;

/** Whether a higher or a lower realisation is the better one; achievement is computed accordingly. */
export const Direction = z.enum(["higher", "lower"]);
export type Direction = z.infer<typeof Direction>;

/**
 * How the monthly targets run through the year. Only `cumulative` constrains the values
 * (never decreasing); the others describe the published pattern.
 */
export const TargetShape = z.enum(["constant", "cumulative", "stepped", "year-end"]);
export type TargetShape = z.infer<typeof TargetShape>;

/** An indicator (Indikator Kinerja Kegiatan, IKK) under an objective. Its id is `objective.code`. */
export const IndicatorDefined = z.object({
  type: z.literal("IndicatorDefined"),
  data: z.object({
    objective: ObjectiveCode,
    code: IndicatorCode,
    name: Name,
    unit: IndicatorUnit,
    direction: Direction,
    shape: TargetShape,
  }),
});
export type IndicatorDefined = z.infer<typeof IndicatorDefined>;
