import { useMemo } from 'react';

import type { BoundFormat } from '@/shared/format/bound-format';
import { useI18n } from '@/shared/i18n/i18n-context';
import { EChart } from '@/shared/ui/echart';

import type { Simulation } from '../api/types';
import type { PointsBarOption } from './points-flows-chart';

type Buckets = Simulation['distribution']['buckets'];

/** Returns a bucket's label: "100–199" points, or "500+" for an open last bucket. */
export function bucketLabel(bucket: Buckets[number], format: BoundFormat): string {
  return bucket.from === bucket.to
    ? format.integer(bucket.from)
    : `${format.integer(bucket.from)}–${format.integer(bucket.to)}`;
}

export function buildHistogramOption(
  buckets: Buckets,
  membersName: string,
  format: BoundFormat,
): PointsBarOption {
  return {
    animation: false,
    color: ['#1f4e79'],
    grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: (value) => format.integer(Number(value)) },
    xAxis: { type: 'category', data: buckets.map((bucket) => bucketLabel(bucket, format)) },
    yAxis: { type: 'value', axisLabel: { formatter: (value: number) => format.integer(value) } },
    series: [{ name: membersName, type: 'bar', data: buckets.map((bucket) => bucket.members) }],
  };
}

/** Draws how many members a simulation gives how many points; loaded lazily. */
export default function PointsHistogramChart({ buckets }: { buckets: Buckets }) {
  const { t, format } = useI18n();
  const option = useMemo(
    () => buildHistogramOption(buckets, t('simulation.members'), format),
    [buckets, format, t],
  );
  return (
    <EChart option={option} description={t('simulation.histogram.description')} height={240} />
  );
}
