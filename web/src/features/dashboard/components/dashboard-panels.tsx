import { lazy, Suspense, type ReactNode } from 'react';

import { useI18n } from '@/shared/i18n/i18n-context';
import { Panel, type PanelState } from '@/shared/ui/panel';
import { BlockSkeleton, TableSkeleton } from '@/shared/ui/skeleton';

import type { DashboardResponse, ExportTable } from '../api/types';
import type { SalesQuery } from '../filters/filter-state';
import { ExportButtons } from './export-buttons';
import { CHART_HEIGHT } from './revenue-chart-constants';
import { DepartmentsTable, PromotionsTable, StoresTable, TopProductsTable } from './sales-tables';
import { WeekdayHourHeatmap } from './weekday-hour-heatmap';

const RevenueChart = lazy(() => import('./revenue-chart'));

interface PanelsProps {
  dashboard: DashboardResponse | undefined;
  query: SalesQuery;
  state: PanelState;
  onRetry: () => void;
}

interface SectionProps extends Omit<PanelsProps, 'dashboard'> {
  table: ExportTable;
  title: string;
  /** Rows of the panel's table; an empty list shows the empty state. */
  rows?: unknown[] | undefined;
  skeleton: ReactNode;
  wide?: boolean;
  subtitle?: string | undefined;
  children: ReactNode;
}

/** Renders one dashboard panel with the CSV and Excel export of its table. */
function ExportablePanel({ table, title, rows, wide, query, state, ...rest }: SectionProps) {
  return (
    <Panel
      {...rest}
      title={title}
      className={wide ? 'panel--wide' : undefined}
      state={{ ...state, isEmpty: rows?.length === 0 }}
      actions={<ExportButtons query={query} table={table} tableTitle={title} />}
    />
  );
}

/** Renders the chart, the heatmap and the four tables, each in a panel with its exports. */
export function DashboardPanels({ dashboard, ...common }: PanelsProps) {
  const { t } = useI18n();
  const chartSkeleton = <BlockSkeleton height={`${CHART_HEIGHT}px`} />;
  const titles = {
    chart: t('chart.title'),
    products: t('topProducts.title'),
    departments: t('departments.title'),
    stores: t('stores.title'),
    promotions: t('promotions.title'),
    heatmap: t('heatmap.title'),
  };

  return (
    <div className="dashboard-grid">
      <ExportablePanel
        {...common}
        wide
        table="series"
        title={titles.chart}
        subtitle={dashboard && t(`chart.granularity.${dashboard.series.granularity}`)}
        skeleton={chartSkeleton}
      >
        {dashboard && (
          <Suspense fallback={chartSkeleton}>
            <RevenueChart dashboard={dashboard} />
          </Suspense>
        )}
      </ExportablePanel>
      <ExportablePanel
        {...common}
        wide
        table="top_products"
        title={titles.products}
        rows={dashboard?.top_products}
        skeleton={<TableSkeleton rows={10} columns={6} />}
      >
        {dashboard && <TopProductsTable rows={dashboard.top_products} caption={titles.products} />}
      </ExportablePanel>
      <ExportablePanel
        {...common}
        table="departments"
        title={titles.departments}
        rows={dashboard?.departments}
        skeleton={<TableSkeleton rows={8} columns={4} />}
      >
        {dashboard && (
          <DepartmentsTable rows={dashboard.departments} caption={titles.departments} />
        )}
      </ExportablePanel>
      <ExportablePanel
        {...common}
        table="stores"
        title={titles.stores}
        rows={dashboard?.stores}
        skeleton={<TableSkeleton rows={8} columns={5} />}
      >
        {dashboard && <StoresTable rows={dashboard.stores} caption={titles.stores} />}
      </ExportablePanel>
      <ExportablePanel
        {...common}
        table="promotions"
        title={titles.promotions}
        rows={dashboard?.promotions}
        skeleton={<TableSkeleton rows={6} columns={4} />}
      >
        {dashboard && <PromotionsTable rows={dashboard.promotions} caption={titles.promotions} />}
      </ExportablePanel>
      <ExportablePanel
        {...common}
        table="weekday_hour"
        title={titles.heatmap}
        skeleton={<TableSkeleton rows={7} columns={8} />}
      >
        {dashboard && <WeekdayHourHeatmap values={dashboard.weekday_hour} />}
      </ExportablePanel>
    </div>
  );
}
