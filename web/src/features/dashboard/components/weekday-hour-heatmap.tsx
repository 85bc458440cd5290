import type { CSSProperties } from 'react';

import { useI18n } from '@/shared/i18n/i18n-context';

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

/**
 * Returns the intensity of a cell, 0-1, against the busiest cell. Negative cells (more returns than
 * sales in that hour) count as 0: the scale shows where revenue is made.
 */
export function cellIntensity(value: number, max: number): number {
  if (!Number.isFinite(value) || max <= 0 || value <= 0) return 0;
  return Math.min(1, value / max);
}

/** Renders net revenue by ISO weekday (rows, Monday first) and local hour (columns) as a table. */
export function WeekdayHourHeatmap({ values }: { values: number[][] }) {
  const { t, format } = useI18n();
  const max = Math.max(0, ...values.flat().filter(Number.isFinite));
  return (
    <div className="table-scroll" role="region" aria-label={t('heatmap.caption')} tabIndex={0}>
      <table className="heatmap">
        <caption className="visually-hidden">{t('heatmap.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">{t('heatmap.weekday')}</span>
            </th>
            {HOURS.map((hour) => (
              <th scope="col" key={hour} className="heatmap__hour">
                {hour}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {values.map((row, weekday) => (
            <tr key={weekday}>
              <th scope="row" className="heatmap__weekday">
                {format.weekday(weekday)}
              </th>
              {HOURS.map((hour) => {
                const value = row[hour] ?? 0;
                const text = format.money(value);
                const style = { '--intensity': cellIntensity(value, max) } as CSSProperties;
                const title = t('heatmap.cell', {
                  weekday: format.weekday(weekday),
                  hour: `${hour}:00`,
                  value: text,
                });
                return (
                  <td key={hour} className="heatmap__cell" style={style} title={title}>
                    <span className="visually-hidden">{text}</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="heatmap__legend">
        <span className="visually-hidden">{t('heatmap.legend')}</span>
        <span aria-hidden="true">{format.money(0)}</span>
        <span className="heatmap__scale" aria-hidden="true" />
        <span aria-hidden="true">{format.money(max)}</span>
      </p>
    </div>
  );
}
