import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { apiGet, apiSend } from '@/shared/api/client';

import type { AdminReward, RewardInput } from './types';

const REWARDS_KEY = ['points-admin', 'rewards'] as const;

export function useAdminRewards() {
  return useQuery({
    queryKey: REWARDS_KEY,
    queryFn: ({ signal }) =>
      apiGet<{ rows: AdminReward[] }>('/rewards', undefined, signal).then((body) => body.rows),
  });
}

/** Creates a reward, or updates reward `id` when it is given. */
export function useSaveReward(id: number | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RewardInput) =>
      id === null
        ? apiSend<AdminReward>('POST', '/rewards', input)
        : apiSend<AdminReward>('PUT', `/rewards/${id}`, input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: REWARDS_KEY }),
  });
}
