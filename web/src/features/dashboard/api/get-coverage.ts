import { useQuery } from '@tanstack/react-query';

import { apiGet } from '@/shared/api/client';

import type { Coverage } from './types';

export function getCoverage(signal?: AbortSignal): Promise<Coverage> {
  return apiGet<Coverage>('/analytics/coverage', undefined, signal);
}

/** Fetches the days with sales; period presets count back from its last day. */
export function useCoverage() {
  return useQuery({ queryKey: ['coverage'], queryFn: ({ signal }) => getCoverage(signal) });
}
