import type { UseQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link } from 'react-router';

import { useI18n } from '@/shared/i18n/i18n-context';
import { Skeleton } from '@/shared/ui/skeleton';
import { EmptyState, ErrorState } from '@/shared/ui/states';

import { useCoverage } from '../api/get-coverage';
import { useDashboard } from '../api/get-dashboard';
import type { DashboardResponse } from '../api/types';
import { resolveRange, toSalesQuery, type SalesQuery } from '../filters/filter-state';
import { useDashboardFilters } from '../filters/use-dashboard-filters';
import { DashboardPanels } from './dashboard-panels';
import { ExportButtons } from './export-buttons';
import { FilterBar } from './filter-bar';
import { KpiCards, KpiCardsSkeleton } from './kpi-cards';
import { PointsPanel } from './points-panel';

/**
 * Renders the sales dashboard: filters from the URL, KPIs, the points of the period, chart, tables
 * and heatmap.
 */
export function DashboardView() {
  const { t, format } = useI18n();
  const { filters, update, reset } = useDashboardFilters();
  const coverage = useCoverage();
  const anchor = coverage.data?.last_day ?? null;

  // A custom range needs no coverage; presets count back from the last day with sales.
  const range = useMemo(() => {
    if (filters.period === 'custom' && filters.custom) return filters.custom;
    return anchor ? resolveRange(filters, anchor) : null;
  }, [filters, anchor]);
  const query = useMemo(() => (range ? toSalesQuery(filters, range) : null), [filters, range]);
  const dashboard = useDashboard(query);

  const noSalesStored = coverage.isSuccess && coverage.data.last_day === null;

  return (
    <div className="page">
      <header className="page__header">
        <div>
          <h1 className="page__title">{t('dashboard.title')}</h1>
          {range ? (
            <p className="page__subtitle" data-testid="dashboard-range">
              {t('dashboard.range', { from: format.date(range.from), to: format.date(range.to) })}
              {dashboard.data && (
                <span className="page__meta">
                  {' · '}
                  {t('dashboard.comparedWith', {
                    from: format.date(dashboard.data.previous_period.from),
                    to: format.date(dashboard.data.previous_period.to),
                  })}
                </span>
              )}
            </p>
          ) : (
            <Skeleton width="16rem" />
          )}
        </div>
        {anchor && (
          <p className="page__meta">{t('dashboard.dataUntil', { date: format.date(anchor) })}</p>
        )}
      </header>

      {range && <FilterBar filters={filters} range={range} onChange={update} onReset={reset} />}

      {coverage.isError && !range && (
        <ErrorState error={coverage.error} onRetry={() => void coverage.refetch()} />
      )}
      {noSalesStored && filters.period !== 'custom' && (
        <EmptyState
          title={t('dashboard.noData.title')}
          body={t('dashboard.noData.body')}
          action={
            <Link className="button" to="/imports">
              {t('dashboard.noData.action')}
            </Link>
          }
        />
      )}
      {query && <DashboardBody query={query} dashboard={dashboard} />}
      {!query && coverage.isPending && <KpiCardsSkeleton />}
    </div>
  );
}

/**
 * Renders the figures of one query: the sales KPI cards (or the sales error or empty state), the
 * points of the period, then the sales panels.
 */
function DashboardBody({
  query,
  dashboard,
}: {
  query: SalesQuery;
  dashboard: UseQueryResult<DashboardResponse>;
}) {
  const { t, format } = useI18n();
  const retry = () => void dashboard.refetch();
  // Points move without sales too (expiries, redemptions), so their panel stays when sales fail.
  const points = <PointsPanel period={query} />;

  if (dashboard.isError) {
    return (
      <>
        <ErrorState error={dashboard.error} onRetry={retry} />
        {points}
      </>
    );
  }
  if (dashboard.data?.kpis.lines === 0) {
    return (
      <>
        <EmptyState
          title={t('dashboard.empty.title')}
          body={t('dashboard.empty.body', {
            from: format.date(query.from),
            to: format.date(query.to),
          })}
        />
        {points}
      </>
    );
  }
  return (
    <>
      <div className="kpi-toolbar">
        <ExportButtons query={query} table="kpis" tableTitle={t('kpis.label')} />
      </div>
      {dashboard.data ? <KpiCards dashboard={dashboard.data} /> : <KpiCardsSkeleton />}
      {points}
      <DashboardPanels
        dashboard={dashboard.data}
        query={query}
        state={{ isLoading: dashboard.isPending, error: null }}
        onRetry={retry}
      />
    </>
  );
}
