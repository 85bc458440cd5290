import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { apiGet, apiSend } from '@/shared/api/client';
import type { Member, PurchaseSummary } from '@/shared/loyalty/types';

/** The fields a customer may change about themselves; absent fields stay as they are. */
export interface MemberSelfUpdate {
  email?: string;
  phone?: string;
  marketing_consent?: boolean;
  profiling_consent?: boolean;
}

export function getMe(signal?: AbortSignal): Promise<Member> {
  return apiGet<Member>('/me', undefined, signal);
}

export function updateMe(update: MemberSelfUpdate): Promise<Member> {
  return apiSend<Member>('PATCH', '/me', update);
}

export function getMyPurchases(signal?: AbortSignal): Promise<PurchaseSummary> {
  return apiGet<PurchaseSummary>('/me/purchases/summary', undefined, signal);
}

export function useMe() {
  return useQuery({ queryKey: ['me'], queryFn: ({ signal }) => getMe(signal) });
}

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMe,
    onSuccess: (member) => queryClient.setQueryData(['me'], member),
  });
}

export function useMyPurchases() {
  return useQuery({
    queryKey: ['me', 'purchases'],
    queryFn: ({ signal }) => getMyPurchases(signal),
  });
}
