import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';

import type { BoundFormat } from '@/shared/format/bound-format';
import type { MessageKey, MessageParams } from '@/shared/i18n/translate';

import type { Granularity, SeriesPoint } from '../api/types';

export type RevenueChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
>;

// The palette of the stylesheet (--color-brand and --color-accent): canvas cannot read CSS.
const REVENUE_COLOR = '#c8102e';
const RECEIPTS_COLOR = '#1f4e79';

type Translate = (key: MessageKey, params?: MessageParams) => string;

/** Returns the axis label of a bucket: its day, the Monday of its week, or its month. */
export function bucketLabel(start: string, granularity: Granularity, format: BoundFormat): string {
  return format.date(start, granularity === 'month' ? 'monthYear' : 'dayMonth');
}

/** Returns the tooltip title of a bucket, which names the whole bucket. */
export function bucketTitle(
  start: string,
  granularity: Granularity,
  format: BoundFormat,
  t: Translate,
): string {
  if (granularity === 'week') return t('chart.weekOf', { date: format.date(start) });
  if (granularity === 'month') return format.date(start, 'monthYear');
  return format.date(start);
}

interface TooltipParam {
  dataIndex: number;
  marker: string;
  seriesName: string;
  seriesIndex: number;
  value: number;
}

/** Builds the chart: bars of net revenue on the left axis, a line of receipts on the right one. */
export function buildRevenueChartOption(
  points: SeriesPoint[],
  granularity: Granularity,
  format: BoundFormat,
  t: Translate,
): RevenueChartOption {
  const revenueName = t('chart.revenue');
  const receiptsName = t('chart.receipts');
  const tooltip = (params: TooltipParam | TooltipParam[]) => {
    const list = Array.isArray(params) ? params : [params];
    const point = points[list[0]?.dataIndex ?? 0];
    if (!point) return '';
    const lines = list.map((item) => {
      const value = item.seriesIndex === 0 ? format.money(item.value) : format.integer(item.value);
      return `${item.marker} ${item.seriesName}: <strong>${value}</strong>`;
    });
    return [bucketTitle(point.start, granularity, format, t), ...lines].join('<br/>');
  };

  return {
    animation: false,
    color: [REVENUE_COLOR, RECEIPTS_COLOR],
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, data: [revenueName, receiptsName] },
    tooltip: { trigger: 'axis', formatter: tooltip as TooltipComponentOption['formatter'] },
    xAxis: {
      type: 'category',
      data: points.map((point) => bucketLabel(point.start, granularity, format)),
      axisTick: { alignWithLabel: true },
    },
    yAxis: [
      { type: 'value', axisLabel: { formatter: (value: number) => format.moneyCompact(value) } },
      {
        type: 'value',
        splitLine: { show: false },
        axisLabel: { formatter: (value: number) => format.integer(value) },
      },
    ],
    series: [
      {
        name: revenueName,
        type: 'bar',
        yAxisIndex: 0,
        data: points.map((point) => point.net_revenue),
        itemStyle: { borderRadius: [3, 3, 0, 0] },
      },
      {
        name: receiptsName,
        type: 'line',
        yAxisIndex: 1,
        data: points.map((point) => point.receipts),
        symbol: points.length > 60 ? 'none' : 'circle',
        smooth: false,
      },
    ],
  };
}
