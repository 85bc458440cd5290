import { lazy, Suspense, useId } from 'react';

import { useI18n } from '@/shared/i18n/i18n-context';
import { addDays, todayIsoDate } from '@/shared/lib/calendar-date';
import { decimalValue } from '@/shared/points/types';
import { DataTable } from '@/shared/ui/data-table';
import { BlockSkeleton } from '@/shared/ui/skeleton';

import { useSimulation } from '../api/rule-sets';
import type { SummaryPeriod } from '../api/summary';
import type { Simulation } from '../api/types';
import { FigureGrid, type Figure } from './figure-grid';
import { PeriodForm } from './period-form';
import { RuleSetError } from './rule-set-error';

const PointsHistogramChart = lazy(() => import('./points-histogram-chart'));

function SimulationFigures({ simulation }: { simulation: Simulation }) {
  const { t, format } = useI18n();
  const { current, distribution } = simulation;
  const difference = simulation.points - current.points;
  const change = current.points > 0 ? difference / current.points : null;
  const items: Figure[] = [
    ['receipts', t('simulation.receipts'), format.integer(simulation.receipts)],
    [
      'receipts-earning',
      t('simulation.receiptsEarning'),
      format.integer(simulation.receipts_earning),
    ],
    ['members', t('simulation.members'), format.integer(simulation.members)],
    ['eligible', t('simulation.eligible'), format.money(decimalValue(simulation.eligible_amount))],
    ['points', t('simulation.points'), format.integer(simulation.points)],
    ['value', t('simulation.value'), format.money(decimalValue(simulation.value))],
  ];
  return (
    <>
      <FigureGrid items={items} attribute="simulation" />
      <p data-simulation="current">
        {current.version === null
          ? t('simulation.noCurrent')
          : t('simulation.current', {
              version: current.version,
              points: format.integer(current.points),
              value: format.money(decimalValue(current.value)),
              difference: `${difference > 0 ? '+' : ''}${format.integer(difference)}`,
              change: format.change(change),
            })}
      </p>
      <h3 className="panel__subtitle">{t('simulation.byRule')}</h3>
      {simulation.by_rule.length === 0 ? (
        <p className="muted">{t('simulation.noRules')}</p>
      ) : (
        <DataTable
          caption={t('simulation.byRule')}
          columns={[
            { id: 'name', header: t('simulation.rule'), rowHeader: true, cell: (row) => row.name },
            {
              id: 'receipts',
              header: t('simulation.receipts'),
              numeric: true,
              cell: (row) => format.integer(row.receipts),
              sortValue: (row) => row.receipts,
            },
          ]}
          rows={simulation.by_rule}
          rowKey={(row) => row.name}
        />
      )}
      <h3 className="panel__subtitle">{t('simulation.distribution')}</h3>
      <p data-simulation="percentiles">
        {t('simulation.percentiles', {
          p50: format.integer(distribution.p50),
          p90: format.integer(distribution.p90),
          p99: format.integer(distribution.p99),
          max: format.integer(distribution.max),
        })}
      </p>
      {distribution.buckets.length > 0 && (
        <Suspense fallback={<BlockSkeleton height="240px" />}>
          <PointsHistogramChart buckets={distribution.buckets} />
        </Suspense>
      )}
    </>
  );
}

/**
 * Simulates the document of the editor over a period of past sales: what it would have awarded,
 * to how many members, by rule, and against the rule set in force now. `readDocument` returns
 * null when the editor's text is not JSON, after showing why.
 */
export function SimulationPanel({ readDocument }: { readDocument: () => unknown }) {
  const { t } = useI18n();
  const titleId = useId();
  const simulation = useSimulation();
  const today = todayIsoDate();

  const submit = ({ from, to }: SummaryPeriod) => {
    const document = readDocument();
    if (document === null) return;
    simulation.mutate({ document, from, to });
  };

  return (
    <section className="simulation" aria-labelledby={titleId}>
      <h3 className="panel__title" id={titleId}>
        {t('simulation.title')}
      </h3>
      <PeriodForm
        initial={{ from: addDays(today, -29), to: today }}
        onSubmit={submit}
        busy={simulation.isPending}
      >
        {simulation.isPending ? t('simulation.running') : t('simulation.run')}
      </PeriodForm>
      <div aria-live="polite" aria-busy={simulation.isPending}>
        {simulation.isPending && <BlockSkeleton height="8rem" />}
        {simulation.isError && (
          <RuleSetError error={simulation.error} title={t('simulation.failed')} />
        )}
        {simulation.data && !simulation.isPending && (
          <SimulationFigures simulation={simulation.data} />
        )}
      </div>
    </section>
  );
}
