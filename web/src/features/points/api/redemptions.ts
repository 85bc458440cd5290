import { keepPreviousData, useQuery } from '@tanstack/react-query';

import { apiGet } from '@/shared/api/client';
import type { Page } from '@/shared/api/page';
import { REDEMPTIONS_QUERY_KEY } from '@/shared/points/api';
import type { Redemption, RedemptionStatus, RedemptionWindow } from '@/shared/points/types';

/** Redemptions per page of the vouchers page. */
export const REDEMPTION_PAGE_SIZE = 25;

export interface RedemptionSearch {
  /** A whole voucher code, digits only; empty for every voucher. */
  voucher: string;
  status: RedemptionStatus | null;
  page: number;
}

export async function searchRedemptions(
  search: RedemptionSearch,
  signal?: AbortSignal,
): Promise<Page<Redemption>> {
  const body = await apiGet<RedemptionWindow>(
    '/redemptions',
    {
      voucher: search.voucher || null,
      status: search.status,
      offset: (search.page - 1) * REDEMPTION_PAGE_SIZE,
      limit: REDEMPTION_PAGE_SIZE,
    },
    signal,
  );
  return {
    items: body.rows,
    page: search.page,
    page_size: REDEMPTION_PAGE_SIZE,
    total: body.total,
  };
}

export function useRedemptions(search: RedemptionSearch) {
  return useQuery({
    queryKey: [...REDEMPTIONS_QUERY_KEY, search],
    queryFn: ({ signal }) => searchRedemptions(search, signal),
    placeholderData: keepPreviousData,
  });
}
