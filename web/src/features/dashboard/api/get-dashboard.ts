import { useQuery } from '@tanstack/react-query';

import { apiGet } from '@/shared/api/client';

import type { SalesQuery } from '../filters/filter-state';
import type { DashboardResponse } from './types';

/** Number of rows of the top products table. */
export const TOP_PRODUCTS = 10;

export function getDashboard(query: SalesQuery, signal?: AbortSignal): Promise<DashboardResponse> {
  return apiGet<DashboardResponse>('/analytics/dashboard', { ...query, top: TOP_PRODUCTS }, signal);
}

/**
 * Fetches the dashboard for `query`. A null query waits, because its days come from the coverage. New filters show skeletons until their figures arrive: figures of the old
 * filters are never shown under the new ones.
 */
export function useDashboard(query: SalesQuery | null) {
  return useQuery({
    queryKey: ['dashboard', query],
    queryFn: ({ signal }) => getDashboard(query as SalesQuery, signal),
    enabled: query !== null,
  });
}
