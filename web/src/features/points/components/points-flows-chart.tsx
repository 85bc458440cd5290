import type { BarSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { useMemo } from 'react';

import type { BoundFormat } from '@/shared/format/bound-format';
import { useI18n } from '@/shared/i18n/i18n-context';
import { EChart } from '@/shared/ui/echart';

import type { PointsFlowRow, PointsSummary } from '../api/types';

export type PointsBarOption = ComposeOption<
  BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

// The stylesheet's palette (canvas cannot read CSS): good, brand, muted and accent.
const FLOW_COLORS = ['#1a7f37', '#c8102e', '#5b6675', '#1f4e79'];
const FLOWS = ['issued', 'redeemed', 'expired', 'reversed'] as const;

/** Returns the axis label of a period: "nov 2026" for a month, "3 nov" for a day. */
export function periodLabel(period: string, format: BoundFormat): string {
  return period.length === 7
    ? format.date(`${period}-01`, 'monthYear')
    : format.date(period, 'dayMonth');
}

/** Builds grouped bars of the points issued, redeemed, expired and reversed per period. */
export function buildFlowsOption(
  rows: PointsFlowRow[],
  names: Record<(typeof FLOWS)[number], string>,
  format: BoundFormat,
): PointsBarOption {
  return {
    animation: false,
    color: FLOW_COLORS,
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, data: FLOWS.map((flow) => names[flow]) },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (value) => format.integer(Number(value)),
    },
    xAxis: { type: 'category', data: rows.map((row) => periodLabel(row.period, format)) },
    yAxis: { type: 'value', axisLabel: { formatter: (value: number) => format.integer(value) } },
    series: FLOWS.map((flow) => ({
      name: names[flow],
      type: 'bar',
      data: rows.map((row) => row[flow]),
    })),
  };
}

/** Draws the points flows; loaded lazily, since ECharts is the largest part of the bundle. */
export default function PointsFlowsChart({ flows }: { flows: PointsSummary['flows'] }) {
  const { t, format } = useI18n();
  const option = useMemo(
    () =>
      buildFlowsOption(
        flows.rows,
        {
          issued: t('pointsAdmin.flow.issued'),
          redeemed: t('pointsAdmin.flow.redeemed'),
          expired: t('pointsAdmin.flow.expired'),
          reversed: t('pointsAdmin.flow.reversed'),
        },
        format,
      ),
    [flows.rows, format, t],
  );
  return <EChart option={option} description={t('pointsAdmin.flows.description')} height={300} />;
}
