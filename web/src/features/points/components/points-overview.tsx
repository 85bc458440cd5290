import { lazy, Suspense, useState } from 'react';

import { useI18n } from '@/shared/i18n/i18n-context';
import { addMonths, startOfMonth, todayIsoDate } from '@/shared/lib/calendar-date';
import { decimalValue } from '@/shared/points/types';
import { DataTable } from '@/shared/ui/data-table';
import { Panel } from '@/shared/ui/panel';
import { BlockSkeleton, TableSkeleton } from '@/shared/ui/skeleton';

import { usePointsSummary, type SummaryPeriod } from '../api/summary';
import type { PointsSummary } from '../api/types';
import { FigureGrid } from './figure-grid';
import { PeriodForm } from './period-form';

const PointsFlowsChart = lazy(() => import('./points-flows-chart'));

/** Returns the last 12 months up to today, the first of them whole. */
export function defaultSummaryPeriod(today: string = todayIsoDate()): SummaryPeriod {
  return { from: startOfMonth(addMonths(today, -11)), to: today };
}

function LiabilityFigures({ summary }: { summary: PointsSummary }) {
  const { t, format } = useI18n();
  const { liability } = summary;
  return (
    <FigureGrid
      attribute="points"
      items={[
        ['outstanding', t('pointsAdmin.outstanding'), format.integer(liability.outstanding_points)],
        [
          'liability-value',
          t('pointsAdmin.liabilityValue'),
          format.money(decimalValue(liability.value)),
        ],
        ['owed', t('pointsAdmin.owed'), format.integer(liability.owed_points)],
        [
          'members-with-points',
          t('pointsAdmin.membersWithPoints'),
          format.integer(liability.members_with_points),
        ],
        ['members-owing', t('pointsAdmin.membersOwing'), format.integer(liability.members_owing)],
      ]}
    />
  );
}

function FlowsPanel({ summary }: { summary: PointsSummary }) {
  const { t, format } = useI18n();
  const { totals } = summary.flows;
  return (
    <>
      <FigureGrid
        attribute="points"
        items={[
          ['issued', t('pointsAdmin.flow.issued'), format.integer(totals.issued)],
          ['redeemed', t('pointsAdmin.flow.redeemed'), format.integer(totals.redeemed)],
          ['expired', t('pointsAdmin.flow.expired'), format.integer(totals.expired)],
          ['reversed', t('pointsAdmin.flow.reversed'), format.integer(totals.reversed)],
        ]}
      />
      {summary.flows.rows.length > 0 && (
        <Suspense fallback={<BlockSkeleton height="300px" />}>
          <PointsFlowsChart flows={summary.flows} />
        </Suspense>
      )}
    </>
  );
}

/**
 * Renders the points programme for admins: the liability (points outstanding and their value,
 * points owed), the points issued, redeemed, expired and reversed per period, the members per
 * tier and the redemptions by status.
 */
export function PointsOverview() {
  const { t, format } = useI18n();
  const [period, setPeriod] = useState(defaultSummaryPeriod);
  const summary = usePointsSummary(period);
  const state = { isLoading: summary.isPending, error: summary.error };
  const retry = () => void summary.refetch();
  const data = summary.data;
  return (
    <>
      <PeriodForm initial={period} onSubmit={setPeriod}>
        {t('filters.apply')}
      </PeriodForm>
      <div className="dashboard-grid">
        <Panel
          title={t('pointsAdmin.liability')}
          subtitle={t('pointsAdmin.liabilityNow')}
          className="panel--wide"
          state={state}
          skeleton={<TableSkeleton rows={2} columns={5} />}
          onRetry={retry}
        >
          {data && <LiabilityFigures summary={data} />}
        </Panel>
        <Panel
          title={t('pointsAdmin.flows')}
          subtitle={t('dashboard.range', {
            from: format.date(period.from),
            to: format.date(period.to),
          })}
          className="panel--wide"
          state={state}
          skeleton={<BlockSkeleton height="300px" />}
          onRetry={retry}
        >
          {data && <FlowsPanel summary={data} />}
        </Panel>
        <Panel
          title={t('pointsAdmin.tiers')}
          state={{ ...state, isEmpty: data?.tiers.length === 0 }}
          emptyText={t('pointsAdmin.tiers.none')}
          skeleton={<TableSkeleton rows={3} columns={2} />}
          onRetry={retry}
        >
          {data && (
            <DataTable
              caption={t('pointsAdmin.tiers')}
              columns={[
                {
                  id: 'name',
                  header: t('pointsAdmin.tier'),
                  rowHeader: true,
                  cell: (row) => row.name,
                },
                {
                  id: 'members',
                  header: t('simulation.members'),
                  numeric: true,
                  cell: (row) => format.integer(row.members),
                },
              ]}
              rows={data.tiers}
              rowKey={(row) => row.name}
            />
          )}
        </Panel>
        <Panel
          title={t('pointsAdmin.redemptions')}
          state={state}
          skeleton={<TableSkeleton rows={3} columns={2} />}
          onRetry={retry}
        >
          {data && (
            <FigureGrid
              attribute="points"
              items={(['issued', 'used', 'cancelled'] as const).map((status) => [
                `redemptions-${status}`,
                t(`redemptionStatus.${status}`),
                format.integer(data.redemptions[status]),
              ])}
            />
          )}
        </Panel>
      </div>
    </>
  );
}
