import type { ReactNode } from 'react';

/** One figure: its name (the value of the data attribute), its label and its value. */
export type Figure = [name: string, label: string, value: ReactNode];

/**
 * Renders figures as a summary grid. Each item carries `data-<attribute>="<name>"`, which the
 * tests and the browser tests select by.
 */
export function FigureGrid({
  items,
  attribute,
}: {
  items: Figure[];
  attribute: 'points' | 'simulation';
}) {
  return (
    <dl className="summary-grid">
      {items.map(([name, label, value]) => (
        <div className="summary-grid__item" key={name} {...{ [`data-${attribute}`]: name }}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
