import { useQuery } from '@tanstack/react-query';

import { apiGet } from '@/shared/api/client';

import type { ExpiringPoints } from './types';

// GET /points/summary, read by the admins' points section and by the sales dashboard. Points are
// whole numbers, euros decimal strings ("12.30") and days "YYYY-MM-DD".

export interface PointsFlowRow {
  /** "YYYY-MM-DD" for a day, "YYYY-MM" for a month. */
  period: string;
  issued: number;
  redeemed: number;
  expired: number;
  reversed: number;
}

/** The liability now and the flows of the points in the period. */
export interface PointsSummary {
  liability: {
    outstanding_points: number;
    value: string;
    owed_points: number;
    members_with_points: number;
    members_owing: number;
    by_expiry: ExpiringPoints[];
  };
  flows: {
    granularity: 'day' | 'month';
    rows: PointsFlowRow[];
    totals: Omit<PointsFlowRow, 'period'>;
  };
  tiers: { name: string; members: number }[];
  redemptions: { issued: number; used: number; cancelled: number };
}

/** The days of the flows, both included. */
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

/** Fetches the summary of `period`. The dashboard and the points section share its cache entry. */
export function usePointsSummary(period: SummaryPeriod) {
  return useQuery({
    queryKey: ['points-admin', 'summary', period.from, period.to],
    queryFn: ({ signal }) => getPointsSummary(period, signal),
  });
}
