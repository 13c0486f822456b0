import { addDays } from "date-fns/addDays";
import { isValid } from "date-fns/isValid";
import { parseISO } from "date-fns/parseISO";
import type { DomainError } from "./errors.js";
import type { ErrorCode } from "./messages/errorMessages.js";
import type { PlanEvent } from "./events/index.js";
import { monthCode } from "./period/monthCode.js";
import { monthOfDate } from "./period/monthOfDate.js";
import { monthName } from "./period/monthName.js";
import { offsetWritten, zoneOf } from "./period/unitZone.js";

/** The two dates of a version (see VersionMetadata). */
export interface VersionTimes {
  readonly recordedAt: string;
  readonly effectiveAt: string;
}

/** How far after its recording a version may take effect: a decree dated ahead, never a typo of a century. */
export const MAX_DAYS_AHEAD = 400;

const instant = (iso: string): number => {
  const date = parseISO(iso);
  return isValid(date) ? date.getTime() : Number.NaN;
};

const refuse = (code: ErrorCode, message: string, field: "at" | "recordedAt"): DomainError => ({ code, message, path: ["meta", field] });

/**
 * Whether a version's two dates can be meant, given the version before it, the plan's fiscal year
 * and the events it records:
 * - neither date goes back before the previous version's (TIME_GOES_BACKWARDS): every "as of"
 *   question is then a prefix of the log. A correction that takes effect earlier is a new
 *   version that names what it corrects (`corrects`), never an insertion in the past;
 * - it takes effect at most a year after the fiscal year's end and at most 400 days after it was
 *   recorded (EFFECTIVE_TOO_LATE), so no single date can block a log for good. The window is
 *   measured from where the log stands: a log whose last version already took effect past it (the
 *   first release dated every version the day it was written, so a 2024 plan carries 2026 dates)
 *   takes a version past it too, when that version takes effect no later than it is recorded
 *   (never dated ahead), else no date could follow its last version;
 * - a realisation or spending report for month M takes effect in month M or later (REPORT_BEFORE_MONTH).
 */
export function checkVersionTimes(
  times: VersionTimes,
  previous: VersionTimes | undefined,
  year: number | undefined,
  events: readonly PlanEvent[],
): DomainError | undefined {
  const { recordedAt, effectiveAt } = times;
  if (previous && instant(recordedAt) < instant(previous.recordedAt))
    return refuse(
      "TIME_GOES_BACKWARDS",
      `the writer's clock says ${recordedAt}, before ${previous.recordedAt} when the last version was recorded: check this machine's clock`,
      "recordedAt",
    );
  if (previous && instant(effectiveAt) < instant(previous.effectiveAt))
    return refuse(
      "TIME_GOES_BACKWARDS",
      `it takes effect ${effectiveAt}, before ${previous.effectiveAt} when the last version took effect; a correction of an earlier version is a new version dated ${previous.effectiveAt} or later that names the version it corrects ("corrects")`,
      "at",
    );
  // Days are counted in the offset the recording is written in, not the machine's zone (whose
  // daylight saving would make 400 days an hour short or long).
  if (instant(effectiveAt) > addDays(parseISO(recordedAt), MAX_DAYS_AHEAD, { in: zoneOf(recordedAt) }).getTime())
    return refuse("EFFECTIVE_TOO_LATE", `it takes effect ${effectiveAt}, more than ${MAX_DAYS_AHEAD} days after it is recorded (${recordedAt})`, "at");
  const pastWindow = (iso: string) => year !== undefined && monthOfDate(iso).year > year + 1;
  if (pastWindow(effectiveAt)) {
    const logPastWindow = previous !== undefined && pastWindow(previous.effectiveAt);
    if (!logPastWindow) return refuse("EFFECTIVE_TOO_LATE", `it takes effect ${effectiveAt}, more than a year after the end of fiscal year ${year}`, "at");
    if (instant(effectiveAt) > instant(recordedAt))
      return refuse(
        "EFFECTIVE_TOO_LATE",
        `it takes effect ${effectiveAt}, more than a year after the end of fiscal year ${year} and after it is recorded (${recordedAt}); past that window (where the last version already took effect, ${previous.effectiveAt}) a version takes effect when it is recorded or before`,
        "at",
      );
  }
  if (year !== undefined) {
    const effective = monthOfDate(effectiveAt);
    for (const event of events) {
      if (event.type !== "RealisationReported" && event.type !== "SpendingReported") continue;
      const month = event.data.month;
      if (effective.year * 12 + effective.month < year * 12 + month)
        return refuse(
          "REPORT_BEFORE_MONTH",
          `a report for ${monthName(month, "en")} ${year} (${monthCode(month)}) cannot take effect on ${effectiveAt.slice(0, 10)}, before that month starts`,
          "at",
        );
    }
  }
  return undefined;
}

/**
 * When a plan signed on `date` (`2024-02-22`) took effect: the start of that day, written in the
 * offset of `clock` (the writer's `recordedAt`), so a log keeps one offset throughout.
 */
export function startOfDayLike(date: string, clock: string): string {
  return `${date}T00:00:00${offsetWritten(clock)}`;
}

/** The date a batch of commands signs the plan on (its `signPlan`), if it signs it. */
export function signingDateOf(commands: readonly { readonly type: string; readonly data?: unknown }[]): string | undefined {
  const signed = commands.find((command) => command.type === "signPlan");
  const date = (signed?.data as { date?: unknown } | undefined)?.date;
  return typeof date === "string" ? date : undefined;
}
