import type { MonthAchievement } from "@rapk/core";
import { useI18n } from "../i18n/i18n.js";
import { formatNumber } from "../model/format.js";

const WIDTH = 288;
const HEIGHT = 118;
const PAD = { left: 34, right: 6, top: 8, bottom: 26 };
const STEP = (WIDTH - PAD.left - PAD.right) / 12;

/** Round numbers for the value axis: 0, a middle and a top just above the data (0, 50, 100; 0, 60, 120). */
export function ticksFor(top: number): number[] {
  const half = top / 2;
  const magnitude = 10 ** Math.floor(Math.log10(half));
  const nice = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 7.5, 8, 10].map((m) => m * magnitude).find((v) => v >= half) ?? 10 * magnitude;
  return [0, nice, nice * 2];
}

/**
 * Target and realisation of one indicator for the twelve months, side by side in each month
 * (target: the hatched bar and the dashed line; realisation: the bar coloured by its band), with
 * a labelled value axis (the indicator's values) and month axis (1 = January). The figures are
 * also in the table next to it.
 */
export function AchievementChart({ months, label }: { months: readonly MonthAchievement[]; label: string }) {
  const { t, language } = useI18n();
  const values = months.flatMap((m) => [m.target ?? 0, m.realisation ?? 0]);
  const ticks = ticksFor(Math.max(1, ...values));
  const top = ticks[ticks.length - 1]!;
  const y = (value: number) => PAD.top + (1 - value / top) * (HEIGHT - PAD.top - PAD.bottom);
  const x = (month: number) => PAD.left + (month - 0.5) * STEP;
  const bar = STEP * 0.36;
  const targetPath = months
    .filter((m) => m.target !== null)
    .map((m, i) => `${i === 0 ? "M" : "L"}${x(m.month).toFixed(1)},${y(m.target!).toFixed(1)}`)
    .join(" ");
  return (
    <svg class="chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} role="img" aria-label={label}>
      {ticks.map((tick) => (
        <g key={tick}>
          <line class="grid" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} />
          <text class="tick" x={PAD.left - 3} y={y(tick) + 2.5} text-anchor="end">
            {formatNumber(tick, language)}
          </text>
        </g>
      ))}
      <line class="axis" x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={y(0)} />
      <line class="axis" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(0)} y2={y(0)} />
      {months.map((m) =>
        m.target === null ? null : <rect key={`t${m.month}`} class="bar target-bar" x={x(m.month) - bar} width={bar} y={y(m.target)} height={Math.max(0.5, y(0) - y(m.target))} />,
      )}
      {months.map((m) =>
        m.realisation === null ? null : (
          <rect key={`r${m.month}`} class={`bar band-${m.band?.id ?? "none"}`} x={x(m.month)} width={bar} y={y(m.realisation)} height={Math.max(0.5, y(0) - y(m.realisation))} />
        ),
      )}
      {targetPath && <path class="target-line" d={targetPath} />}
      {months.map((m) => (
        <text key={m.month} class="tick" x={x(m.month)} y={HEIGHT - PAD.bottom + 9} text-anchor="middle">
          {m.month}
        </text>
      ))}
      <text class="axis-label" x={PAD.left + (WIDTH - PAD.left - PAD.right) / 2} y={HEIGHT - 3} text-anchor="middle">
        {t.axisMonth}
      </text>
      <text class="axis-label" x={8} y={PAD.top + (HEIGHT - PAD.top - PAD.bottom) / 2} text-anchor="middle" transform={`rotate(-90 8 ${PAD.top + (HEIGHT - PAD.top - PAD.bottom) / 2})`}>
        {t.axisValue}
      </text>
    </svg>
  );
}
