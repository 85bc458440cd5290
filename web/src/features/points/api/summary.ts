import { useQuery } from '@tanstack/react-query';

import { apiGet } from '@/shared/api/client';

import type { PointsSummary } from './types';

export interface SummaryPeriod {
  from: string;
  to: string;
}

export function getPointsSummary(
  period: SummaryPeriod,
  signal?: AbortSignal,
): Promise<PointsSummary> {
  return apiGet<PointsSummary>('/points/summary', { ...period }, signal);
}

export function usePointsSummary(period: SummaryPeriod) {
  return useQuery({
    queryKey: ['points-admin', 'summary', period],
    queryFn: ({ signal }) => getPointsSummary(period, signal),
  });
}
