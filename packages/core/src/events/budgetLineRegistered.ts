import * as z from "zod";
import { ComponentCode, Name, OutputCode, SubComponentCode } from "../codes.js";
import { Rupiah } from "../money/rupiah.js";

const Coded = <C extends z.ZodType>(code: C) => z.object({ code, name: Name });

/**
 * A budget line of the DIPA: RO (Rincian Output) + komponen + sub komponen, with its ceiling
 * (pagu). Its id is the three codes joined: `DR.3165.QIA.005.053.A`. `unattributed` is what the
 * document prints as KONTRIBUSI of the line on rows under no indicator (the indicator is on a
 * missing page), summed: a stated figure, kept so the amount is not lost, never allocated to
 * anyone. Absent: no such row (and older events).
 */
export const BudgetLineRegistered = z.object({
  type: z.literal("BudgetLineRegistered"),
  data: z.object({
    output: Coded(OutputCode),
    component: Coded(ComponentCode),
    subComponent: Coded(SubComponentCode),
    pagu: Rupiah,
    unattributed: Rupiah.optional(),
  }),
});
export type BudgetLineRegistered = z.infer<typeof BudgetLineRegistered>;
