import { describe, expect, it } from 'vitest';

import { bindFormat } from '@/shared/format/bound-format';
import { translate, type MessageKey, type MessageParams } from '@/shared/i18n/translate';

import { changeDirection } from './kpi-cards';
import { bucketLabel, bucketTitle, buildRevenueChartOption } from './revenue-chart-option';
import { cellIntensity } from './weekday-hour-heatmap';

const it_ = bindFormat('it');
const t = (key: MessageKey, params?: MessageParams) => translate('it', key, params);
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('changeDirection', () => {
  it('reads the sign of a change', () => {
    expect(changeDirection(0.053)).toBe('up');
    expect(changeDirection(-0.2)).toBe('down');
  });

  it('calls a change that rounds to 0.0% flat', () => {
    expect(changeDirection(0.0004)).toBe('flat');
    expect(changeDirection(0)).toBe('flat');
  });

  it('has no direction without a change', () => {
    expect(changeDirection(null)).toBe('unavailable');
    expect(changeDirection(undefined)).toBe('unavailable');
    expect(changeDirection(Number.NaN)).toBe('unavailable');
  });
});

describe('revenue chart option', () => {
  const points = [
    { start: '2026-09-28', net_revenue: 1234.5, receipts: 80 },
    { start: '2026-10-05', net_revenue: 2500, receipts: 120 },
  ];

  it('labels buckets by granularity', () => {
    expect(bucketLabel('2026-10-05', 'day', it_)).toBe('5 ott');
    expect(bucketLabel('2026-10-05', 'week', it_)).toBe('5 ott');
    expect(bucketLabel('2026-10-01', 'month', it_)).toBe('ott 2026');
    expect(bucketTitle('2026-10-05', 'week', it_, t)).toBe('Settimana dal 5 ott 2026');
  });

  it('puts revenue and receipts on their own axes', () => {
    const option = buildRevenueChartOption(points, 'week', it_, t);
    const series = option.series as { name: string; type: string; data: number[] }[];
    expect(series.map((s) => [s.name, s.type])).toEqual([
      ['Fatturato netto', 'bar'],
      ['Scontrini', 'line'],
    ]);
    expect(series[0]!.data).toEqual([1234.5, 2500]);
    expect(series[1]!.data).toEqual([80, 120]);
    expect((option.xAxis as { data: string[] }).data).toEqual(['28 set', '5 ott']);
  });

  it('formats the tooltip for the language', () => {
    const option = buildRevenueChartOption(points, 'week', it_, t);
    const formatter = (option.tooltip as { formatter: (params: unknown) => string }).formatter;
    const html = formatter([
      { dataIndex: 0, marker: '●', seriesName: 'Fatturato netto', seriesIndex: 0, value: 1234.5 },
      { dataIndex: 0, marker: '●', seriesName: 'Scontrini', seriesIndex: 1, value: 80 },
    ]);
    expect(plain(html)).toBe(
      'Settimana dal 28 set 2026<br/>● Fatturato netto: <strong>1.234,50 €</strong>' +
        '<br/>● Scontrini: <strong>80</strong>',
    );
  });
});

describe('cellIntensity', () => {
  it('scales against the busiest cell', () => {
    expect(cellIntensity(50, 200)).toBe(0.25);
    expect(cellIntensity(200, 200)).toBe(1);
  });

  it('shows negative and empty cells as the lightest', () => {
    expect(cellIntensity(-30, 200)).toBe(0);
    expect(cellIntensity(0, 0)).toBe(0);
    expect(cellIntensity(Number.NaN, 10)).toBe(0);
  });
});
