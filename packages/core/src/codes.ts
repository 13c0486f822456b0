import * as z from "zod";

/** Code of an objective (Sasaran Kegiatan), agency-wide and not contiguous: `01`, `03`, `11`. */
export const ObjectiveCode = z.string().regex(/^\d{2,3}$/, { error: "must be a 2-3 digit objective code like 01" });

/** Code of an indicator (Indikator Kinerja Kegiatan, IKK) within its objective: `01`, `07`. */
export const IndicatorCode = z.string().regex(/^\d{2,3}$/, { error: "must be a 2-3 digit indicator code like 07" });

/** An indicator is known by objective code and indicator code together: `01.07`. */
export const IndicatorId = z
  .string()
  .regex(/^\d{2,3}\.\d{2,3}$/, { error: "must be an indicator id like 01.07 (objective.indicator)" })
  .brand<"IndicatorId">();
export type IndicatorId = z.infer<typeof IndicatorId>;

/** RO (Rincian Output): program . activity . KRO . RO, e.g. `DR.3165.QIA.005`, `WA.6384.EBA.994`. */
export const OutputCode = z
  .string()
  .regex(/^[A-Z]{2}\.\d{4}\.[A-Z0-9]{3}\.[A-Z0-9]{3}$/, { error: "must be an RO code like DR.3165.QIA.005" });

/** Komponen (component) code under an RO: `053`. */
export const ComponentCode = z.string().regex(/^\d{3}$/, { error: "must be a 3 digit component code like 053" });

/** Sub komponen (sub-component) code under a component: `A`. */
export const SubComponentCode = z
  .string()
  .regex(/^[A-Z0-9]{1,3}$/, { error: "must be a sub-component code like A" });

/** A budget line is RO + komponen + sub komponen: `DR.3165.QIA.005.053.A`. */
export const LineId = z
  .string()
  .regex(/^[A-Z]{2}\.\d{4}\.[A-Z0-9]{3}\.[A-Z0-9]{3}\.\d{3}\.[A-Z0-9]{1,3}$/, {
    error: "must be a budget line id like DR.3165.QIA.005.053.A",
  })
  .brand<"LineId">();
export type LineId = z.infer<typeof LineId>;

/** A short human text: trimmed, not empty. */
export const Name = z.string().trim().min(1, { error: "must not be empty" }).max(1000, { error: "is too long" });

/** The id of an indicator from its objective and indicator codes. */
export function indicatorId(objective: string, indicator: string): IndicatorId {
  return `${objective}.${indicator}` as IndicatorId;
}

/** The id of a budget line from its RO, component and sub-component codes. */
export function lineId(output: string, component: string, subComponent: string): LineId {
  return `${output}.${component}.${subComponent}` as LineId;
}
