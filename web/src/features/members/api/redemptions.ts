import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { apiGet, apiSend } from '@/shared/api/client';
import { pointsQueryKey, REDEMPTIONS_QUERY_KEY } from '@/shared/points/api';
import type { AdminReward, Redemption, RedemptionWindow } from '@/shared/points/types';

/**
 * The maximum number of a member's redemptions read at once, which is the API's maximum page
 * size. The desk counts them per reward against the per-member limit and pages them in the browser.
 */
export const MEMBER_REDEMPTIONS_LIMIT = 500;

const ACTIVE_REWARDS_KEY = ['rewards', 'active'] as const;

export function useActiveRewards() {
  return useQuery({
    queryKey: ACTIVE_REWARDS_KEY,
    queryFn: ({ signal }) =>
      apiGet<{ rows: AdminReward[] }>('/rewards', { active: true }, signal).then(
        (body) => body.rows,
      ),
  });
}

/** Fetches the member's newest redemptions, newest first, with the total of all of them. */
export function useMemberRedemptions(memberId: number) {
  return useQuery({
    queryKey: [...REDEMPTIONS_QUERY_KEY, { member_id: memberId }],
    queryFn: ({ signal }) =>
      apiGet<RedemptionWindow>(
        '/redemptions',
        { member_id: memberId, offset: 0, limit: MEMBER_REDEMPTIONS_LIMIT },
        signal,
      ),
  });
}

/**
 * Returns a function that refreshes what a desk redemption, or its cancel or use, changes: the
 * member's balance and ledger, the redemption lists, the rewards' stock and the audit history.
 */
export function useRefreshAfterRedemption(memberId: number) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: pointsQueryKey(memberId) });
    void queryClient.invalidateQueries({ queryKey: REDEMPTIONS_QUERY_KEY });
    void queryClient.invalidateQueries({ queryKey: ACTIVE_REWARDS_KEY });
    void queryClient.invalidateQueries({ queryKey: ['member', memberId] });
  };
}

/** Redeems a reward for the member at the service desk (POST /members/{id}/redemptions). */
export function useDeskRedemption(memberId: number) {
  const refresh = useRefreshAfterRedemption(memberId);
  return useMutation({
    mutationFn: (rewardId: number) =>
      apiSend<Redemption>('POST', `/members/${memberId}/redemptions`, { reward_id: rewardId }),
    onSuccess: refresh,
  });
}
