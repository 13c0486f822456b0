import type { MonthAchievement } from "@rapk/core";

const WIDTH = 264;
const HEIGHT = 84;
const PAD = { left: 4, right: 4, top: 6, bottom: 14 };
const STEP = (WIDTH - PAD.left - PAD.right) / 12;

/**
 * Target (line) and realisation (bars) of one indicator for the twelve months, as a small
 * inline SVG. Decorative detail for sighted readers; the figures are also in the table next to it.
 */
export function AchievementChart({ months, label }: { months: readonly MonthAchievement[]; label: string }) {
  const values = months.flatMap((m) => [m.target ?? 0, m.realisation ?? 0]);
  const top = Math.max(1, ...values) * 1.1;
  const y = (value: number) => PAD.top + (1 - value / top) * (HEIGHT - PAD.top - PAD.bottom);
  const x = (month: number) => PAD.left + (month - 0.5) * STEP;
  const targetPath = months
    .filter((m) => m.target !== null)
    .map((m, i) => `${i === 0 ? "M" : "L"}${x(m.month).toFixed(1)},${y(m.target!).toFixed(1)}`)
    .join(" ");
  return (
    <svg class="chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} role="img" aria-label={label}>
      <line class="axis" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(0)} y2={y(0)} />
      {months.map((m) =>
        m.realisation === null ? null : (
          <rect
            key={m.month}
            class={`bar band-${m.band?.id ?? "none"}`}
            x={x(m.month) - STEP * 0.3}
            width={STEP * 0.6}
            y={y(m.realisation)}
            height={Math.max(0.5, y(0) - y(m.realisation))}
          />
        ),
      )}
      {targetPath && <path class="target-line" d={targetPath} />}
      {months.map((m) => (m.target === null ? null : <circle key={m.month} class="target-dot" cx={x(m.month)} cy={y(m.target)} r={1.8} />))}
      {months.map((m) => (
        <text key={m.month} class="tick" x={x(m.month)} y={HEIGHT - 3} text-anchor="middle">
          {m.month}
        </text>
      ))}
    </svg>
  );
}
