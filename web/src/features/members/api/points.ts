import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiSend } from '@/shared/api/client';
import { pointsQueryKey } from '@/shared/points/api';
import type { LedgerEntry } from '@/shared/points/types';

/** An admin's correction of a member's points: a reason is required, the expiry optional. */
export interface PointsAdjustment {
  /** Positive to credit, negative to debit; never 0. */
  points: number;
  reason: string;
  /** "YYYY-MM-DD", credits only. */
  expires_on?: string;
}

/** Adjusts the member's points, then refreshes their balance, ledger and audit history. */
export function useAdjustPoints(memberId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (adjustment: PointsAdjustment) =>
      apiSend<LedgerEntry>('POST', `/members/${memberId}/points/adjustments`, adjustment),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: pointsQueryKey(memberId) });
      void queryClient.invalidateQueries({ queryKey: ['member', memberId] });
    },
  });
}
