import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { apiGet, apiSend } from '@/shared/api/client';

import type { RuleSetDetail, RuleSetVersion, Simulation } from './types';

const RULE_SETS_KEY = ['points-admin', 'rule-sets'] as const;

export function useRuleSets() {
  return useQuery({
    queryKey: RULE_SETS_KEY,
    queryFn: ({ signal }) =>
      apiGet<{ rows: RuleSetVersion[] }>('/points/rule-sets', undefined, signal).then(
        (body) => body.rows,
      ),
  });
}

/** Fetches one version with its document; null waits. */
export function useRuleSet(version: number | null) {
  return useQuery({
    queryKey: [...RULE_SETS_KEY, version],
    queryFn: ({ signal }) =>
      apiGet<RuleSetDetail>(`/points/rule-sets/${version}`, undefined, signal),
    enabled: version !== null,
  });
}

export function useCreateRuleSet() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (draft: { name: string; document: unknown }) =>
      apiSend<RuleSetDetail>('POST', '/points/rule-sets', draft),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: RULE_SETS_KEY }),
  });
}

/** Activates a version from `effectiveFrom` ("YYYY-MM-DD"), or from now when it is empty. */
export function useActivateRuleSet() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, effectiveFrom }: { version: number; effectiveFrom: string }) =>
      apiSend<RuleSetVersion>(
        'POST',
        `/points/rule-sets/${version}/activate`,
        effectiveFrom ? { effective_from: effectiveFrom } : {},
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: RULE_SETS_KEY }),
  });
}

export interface SimulationRequest {
  document: unknown;
  from: string;
  to: string;
}

export function useSimulation() {
  return useMutation({
    mutationFn: (request: SimulationRequest) =>
      apiSend<Simulation>('POST', '/points/simulations', request),
  });
}
