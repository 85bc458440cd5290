import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { apiGet, apiSend } from '@/shared/api/client';
import type { Page } from '@/shared/api/page';
import { pointsQueryKey } from '@/shared/points/api';
import type { Redemption, RedemptionWindow, Reward } from '@/shared/points/types';

/** A reward of the catalogue as GET /me/rewards shows it to the signed-in customer. */
export interface CatalogReward extends Reward {
  /** True when the customer's available points cover the cost. */
  affordable: boolean;
  /** How many times this customer has redeemed it, cancelled redemptions left out. */
  redeemed: number;
}

/** Vouchers per page of My vouchers. */
export const VOUCHER_PAGE_SIZE = 10;

export function useMyRewards() {
  return useQuery({
    queryKey: ['me', 'rewards'],
    queryFn: ({ signal }) =>
      apiGet<{ rows: CatalogReward[] }>('/me/rewards', undefined, signal).then((body) => body.rows),
  });
}

export async function getMyRedemptions(
  page: number,
  signal?: AbortSignal,
): Promise<Page<Redemption>> {
  const body = await apiGet<RedemptionWindow>(
    '/me/redemptions',
    { offset: (page - 1) * VOUCHER_PAGE_SIZE, limit: VOUCHER_PAGE_SIZE },
    signal,
  );
  return { items: body.rows, page, page_size: VOUCHER_PAGE_SIZE, total: body.total };
}

export function useMyRedemptions(page: number) {
  return useQuery({
    queryKey: ['me', 'redemptions', page],
    queryFn: ({ signal }) => getMyRedemptions(page, signal),
    placeholderData: keepPreviousData,
  });
}

/** Refreshes the balance, the catalogue and the vouchers after the points changed. */
function useAfterRedemptionChange() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: pointsQueryKey('me') });
    void queryClient.invalidateQueries({ queryKey: ['me', 'rewards'] });
    void queryClient.invalidateQueries({ queryKey: ['me', 'redemptions'] });
  };
}

export function useRedeem() {
  const refresh = useAfterRedemptionChange();
  return useMutation({
    mutationFn: (rewardId: number) =>
      apiSend<Redemption>('POST', '/me/redemptions', { reward_id: rewardId }),
    onSuccess: refresh,
  });
}

export function useCancelMyRedemption() {
  const refresh = useAfterRedemptionChange();
  return useMutation({
    mutationFn: (id: number) => apiSend<Redemption>('POST', `/me/redemptions/${id}/cancel`),
    onSuccess: refresh,
  });
}
