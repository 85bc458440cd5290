import { useMemo } from 'react';

import { useI18n } from '@/shared/i18n/i18n-context';
import { EChart } from '@/shared/ui/echart';

import type { DashboardResponse } from '../api/types';
import { CHART_HEIGHT } from './revenue-chart-constants';
import { buildRevenueChartOption } from './revenue-chart-option';

/** Draws the revenue chart. The module is loaded lazily, since ECharts is the largest part of the bundle. */
export default function RevenueChart({ dashboard }: { dashboard: DashboardResponse }) {
  const { t, format } = useI18n();
  const { granularity, points } = dashboard.series;
  const option = useMemo(
    () => buildRevenueChartOption(points, granularity, format, t),
    [points, granularity, format, t],
  );
  const description = t('chart.description', {
    granularity: t(`chart.granularity.${granularity}`).toLowerCase(),
    from: format.date(dashboard.filter.from),
    to: format.date(dashboard.filter.to),
  });
  return <EChart option={option} description={description} height={CHART_HEIGHT} />;
}
