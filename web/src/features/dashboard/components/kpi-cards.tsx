import { useId } from 'react';

import type { BoundFormat } from '@/shared/format/bound-format';
import { useI18n } from '@/shared/i18n/i18n-context';
import { Skeleton } from '@/shared/ui/skeleton';

import type { DashboardResponse, KpiName, Kpis } from '../api/types';

type KpiKind = 'money' | 'integer' | 'quantity' | 'percent';
/** The direction of change that is good news: a rise in returns is not. */
type Better = 'up' | 'down' | 'neutral';

interface KpiDefinition {
  name: Exclude<KpiName, 'lines' | 'return_receipts'>;
  kind: KpiKind;
  better: Better;
}

export const KPI_CARDS: KpiDefinition[] = [
  { name: 'net_revenue', kind: 'money', better: 'up' },
  { name: 'receipts', kind: 'integer', better: 'up' },
  { name: 'average_receipt', kind: 'money', better: 'up' },
  { name: 'customers', kind: 'integer', better: 'up' },
  { name: 'gross_sales', kind: 'money', better: 'up' },
  { name: 'units', kind: 'quantity', better: 'up' },
  { name: 'returns', kind: 'money', better: 'down' },
  { name: 'discount', kind: 'money', better: 'neutral' },
  { name: 'products', kind: 'integer', better: 'up' },
  { name: 'card_share', kind: 'percent', better: 'up' },
  { name: 'promo_share', kind: 'percent', better: 'neutral' },
];

function formatKpi(kind: KpiKind, value: number | null, format: BoundFormat): string {
  switch (kind) {
    case 'money':
      return format.money(value);
    case 'integer':
      return format.integer(value);
    case 'quantity':
      return format.quantity(value);
    case 'percent':
      return format.percent(value);
  }
}

// A change that rounds to 0.0% is shown as flat, so the arrow never contradicts the number.
const FLAT_CHANGE = 0.0005;

export type ChangeDirection = 'up' | 'down' | 'flat' | 'unavailable';

export function changeDirection(change: number | null | undefined): ChangeDirection {
  if (change === null || change === undefined || !Number.isFinite(change)) return 'unavailable';
  if (Math.abs(change) < FLAT_CHANGE) return 'flat';
  return change > 0 ? 'up' : 'down';
}

function changeTone(direction: ChangeDirection, better: Better): string {
  if (direction === 'unavailable' || direction === 'flat' || better === 'neutral') return 'neutral';
  return direction === better ? 'good' : 'bad';
}

const ARROWS: Record<ChangeDirection, string> = { up: '▲', down: '▼', flat: '▬', unavailable: '' };

function KpiChange({ change, better }: { change: number | null | undefined; better: Better }) {
  const { t, format } = useI18n();
  const direction = changeDirection(change);
  const text = format.change(change);
  const spoken =
    direction === 'unavailable'
      ? t('kpi.change.unavailable')
      : t(`kpi.change.${direction}`, { value: format.percent(Math.abs(change ?? 0)) });
  return (
    <p className={`kpi-card__change tone--${changeTone(direction, better)}`} title={spoken}>
      <span aria-hidden="true">
        {ARROWS[direction]} {text}
      </span>
      <span className="visually-hidden">{spoken}</span>
    </p>
  );
}

function KpiCard({
  definition,
  kpis,
  previous,
  change,
}: {
  definition: KpiDefinition;
  kpis: Kpis;
  previous: Kpis;
  change: number | null | undefined;
}) {
  const { t, format } = useI18n();
  const labelId = useId();
  const helpId = useId();
  const { name, kind } = definition;
  return (
    <article
      className="kpi-card"
      aria-labelledby={labelId}
      aria-describedby={helpId}
      data-kpi={name}
    >
      <h3 className="kpi-card__label" id={labelId} title={t(`kpi.${name}.help`)}>
        {t(`kpi.${name}`)}
      </h3>
      <p className="visually-hidden" id={helpId}>
        {t(`kpi.${name}.help`)}
      </p>
      <p className="kpi-card__value">{formatKpi(kind, kpis[name], format)}</p>
      <KpiChange change={change} better={definition.better} />
      <p className="kpi-card__previous">
        {t('kpi.previous', { value: formatKpi(kind, previous[name], format) })}
      </p>
    </article>
  );
}

export function KpiCards({ dashboard }: { dashboard: DashboardResponse }) {
  const { t } = useI18n();
  return (
    <section className="kpi-grid" aria-label={t('kpis.label')}>
      {KPI_CARDS.map((definition) => (
        <KpiCard
          key={definition.name}
          definition={definition}
          kpis={dashboard.kpis}
          previous={dashboard.previous_kpis}
          change={dashboard.changes[definition.name]}
        />
      ))}
    </section>
  );
}

export function KpiCardsSkeleton() {
  const { t } = useI18n();
  return (
    <section className="kpi-grid" aria-label={t('kpis.label')} aria-busy="true">
      <span className="visually-hidden">{t('common.loading')}</span>
      {KPI_CARDS.map((definition) => (
        <div className="kpi-card kpi-card--loading" key={definition.name} aria-hidden="true">
          <Skeleton width="55%" />
          <Skeleton width="75%" height="1.8rem" />
          <Skeleton width="35%" />
          <Skeleton width="60%" />
        </div>
      ))}
    </section>
  );
}
