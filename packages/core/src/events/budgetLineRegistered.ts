import * as z from "zod";
import { ComponentCode, Name, OutputCode, SubComponentCode } from "../codes.js";
import { Rupiah } from "../money/rupiah.js";

const Coded = <C extends z.ZodType>(code: C) => z.object({ code, name: Name });

/**
 * A budget line of the DIPA: RO (Rincian Output) + komponen + sub komponen, with its ceiling
 * (pagu). Its id is the three codes joined: `DR.3165.QIA.005.053.A`.
 */
export const BudgetLineRegistered = z.object({
  type: z.literal("BudgetLineRegistered"),
  data: z.object({
    output: Coded(OutputCode),
    component: Coded(ComponentCode),
    subComponent: Coded(SubComponentCode),
    pagu: Rupiah,
  }),
});
export type BudgetLineRegistered = z.infer<typeof BudgetLineRegistered>;
