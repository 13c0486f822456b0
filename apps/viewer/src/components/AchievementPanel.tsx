import { BPOM_BANDS, type IndicatorAchievement, monthCode, monthName } from "@rapk/core";
import { useI18n } from "../i18n/i18n.js";
import { formatNumber } from "../model/format.js";
import { AchievementChart } from "./AchievementChart.js";

/**
 * Per indicator: target and realisation by month (chart and table) and the BPOM band of the
 * latest reported month (core's `achievement`).
 */
export function AchievementPanel({ achievements }: { achievements: readonly IndicatorAchievement[] }) {
  const { t, language } = useI18n();
  const num = (value: number | null) => (value === null ? "–" : formatNumber(value, language));
  return (
    <>
      <p class="legend">
        <span class="swatch target" aria-hidden="true" />
        {t.legend}
        {BPOM_BANDS.map((band) => (
          <span key={band.id}>
            <span class={`swatch band-${band.id}`} aria-hidden="true" />
            {band.label[language]}
          </span>
        ))}
      </p>
      <ul class="achievements">
      {achievements.map((a) => (
        <li key={a.indicator} class="achievement-card">
          <h3>
            <span class="id">{a.indicator}</span> {a.name}
          </h3>
          <div class="latest">
            {a.latest && a.latest.achievement !== null && a.latest.band ? (
              <p>
                {t.latestBand(monthName(a.latest.month, language))}:{" "}
                <strong class={`badge band-${a.latest.band.id}`}>
                  {formatNumber(a.latest.achievement, language)} % · {a.latest.band.label[language]}
                </strong>
              </p>
            ) : a.latest ? (
              <p>
                {t.latestBand(monthName(a.latest.month, language))}: <span class="badge band-none">{t.noTarget}</span>
              </p>
            ) : (
              <p class="muted">{t.notReported}</p>
            )}
          </div>
          <AchievementChart months={a.months} label={t.chartLabel(a.indicator)} />
          <details>
            <summary>
              {t.targetLabel} / {t.realisation}
            </summary>
            <table class="achievement-table">
              <thead>
                <tr>
                  <th scope="col" />
                  {a.months.map((m) => (
                    <th scope="col" key={m.month}>
                      <abbr title={monthName(m.month, language)}>{monthCode(m.month)}</abbr>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">{t.targetLabel}</th>
                  {a.months.map((m) => (
                    <td key={m.month}>{num(m.target)}</td>
                  ))}
                </tr>
                <tr>
                  <th scope="row">{t.realisation}</th>
                  {a.months.map((m) => (
                    <td key={m.month}>{num(m.realisation)}</td>
                  ))}
                </tr>
                <tr>
                  <th scope="row">{t.achievement}</th>
                  {a.months.map((m) => (
                    <td key={m.month}>{m.achievement === null ? "–" : `${formatNumber(m.achievement, language)}`}</td>
                  ))}
                </tr>
              </tbody>
            </table>
          </details>
        </li>
      ))}
      </ul>
    </>
  );
}
