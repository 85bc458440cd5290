import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { apiGet, apiSend } from '@/shared/api/client';
import type { Page } from '@/shared/api/page';

import type { LedgerKind, LedgerWindow, LedgerEntry, PointsView, Redemption } from './types';

/** Whose points a page shows: the signed-in customer's own, or a member's for an admin. */
export type PointsOwner = 'me' | number;

/** Ledger rows per page. */
export const LEDGER_PAGE_SIZE = 20;

function pointsPath(owner: PointsOwner): string {
  return owner === 'me' ? '/me/points' : `/members/${owner}/points`;
}

/** Returns the cache key of every points query of `owner`, used to refresh them after a change. */
export function pointsQueryKey(owner: PointsOwner) {
  return ['points', owner] as const;
}

export function getPointsView(owner: PointsOwner, signal?: AbortSignal): Promise<PointsView> {
  return apiGet<PointsView>(pointsPath(owner), undefined, signal);
}

/** Fetches one page (counted from 1) of the ledger, newest first, of one kind or of all. */
export async function getLedgerPage(
  owner: PointsOwner,
  page: number,
  kind: LedgerKind | null,
  signal?: AbortSignal,
): Promise<Page<LedgerEntry>> {
  const body = await apiGet<LedgerWindow>(
    `${pointsPath(owner)}/ledger`,
    { offset: (page - 1) * LEDGER_PAGE_SIZE, limit: LEDGER_PAGE_SIZE, kind },
    signal,
  );
  return { items: body.rows, page, page_size: LEDGER_PAGE_SIZE, total: body.total };
}

export function usePointsView(owner: PointsOwner) {
  return useQuery({
    queryKey: [...pointsQueryKey(owner), 'view'],
    queryFn: ({ signal }) => getPointsView(owner, signal),
  });
}

/** Fetches a ledger page; the previous page stays on screen, dimmed, while the next one loads. */
export function useLedgerPage(owner: PointsOwner, page: number, kind: LedgerKind | null) {
  return useQuery({
    queryKey: [...pointsQueryKey(owner), 'ledger', page, kind],
    queryFn: ({ signal }) => getLedgerPage(owner, page, kind, signal),
    placeholderData: keepPreviousData,
  });
}

/** The cache key under which the admins' redemption lists (GET /redemptions) live. */
export const REDEMPTIONS_QUERY_KEY = ['redemptions'] as const;

/**
 * Marks a voucher used at the desk, or cancels it, which refunds its points. Then refreshes the
 * redemption lists and the member's points.
 */
export function useCloseRedemption() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: number; action: 'use' | 'cancel' }) =>
      apiSend<Redemption>('POST', `/redemptions/${id}/${action}`),
    onSuccess: (redemption) => {
      void queryClient.invalidateQueries({ queryKey: REDEMPTIONS_QUERY_KEY });
      void queryClient.invalidateQueries({ queryKey: pointsQueryKey(redemption.member_id) });
    },
  });
}
