import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { apiDownload, apiGet, apiSend } from '@/shared/api/client';
import { toPage, type Page, type PageBody } from '@/shared/api/page';
import { saveFile } from '@/shared/lib/save-file';
import type { Member, MemberCard } from '@/shared/loyalty/types';
import type { ExportFormat } from '@/shared/ui/export-buttons';

import {
  memberPageParams,
  memberSearchParams,
  type MemberFilters,
} from '../filters/member-filters';
import type { MemberDetail, MemberUpdate } from './types';

export async function searchMembers(
  filters: MemberFilters,
  signal?: AbortSignal,
): Promise<Page<Member>> {
  const body = await apiGet<PageBody<Member>>('/members', memberPageParams(filters), signal);
  return toPage(body, 'members', filters.page, filters.pageSize);
}

/**
 * Fetches one page of members. While the next page or search loads, the previous rows stay on
 * screen, marked busy, so the table does not flash empty at every keystroke of a search.
 */
export function useMembers(filters: MemberFilters) {
  return useQuery({
    queryKey: ['members', filters],
    queryFn: ({ signal }) => searchMembers(filters, signal),
    placeholderData: keepPreviousData,
  });
}

/** Downloads every member that matches the filters, as CSV or XLSX, and saves the file. */
export async function exportMembers(filters: MemberFilters, format: ExportFormat): Promise<void> {
  const params = { ...memberSearchParams(filters), format };
  const file = await apiDownload('/members/export', params, `imagross-members.${format}`);
  saveFile(file.blob, file.filename);
}

export function getMember(id: number, signal?: AbortSignal): Promise<MemberDetail> {
  return apiGet<MemberDetail>(`/members/${id}`, undefined, signal);
}

export function useMember(id: number) {
  return useQuery({ queryKey: ['member', id], queryFn: ({ signal }) => getMember(id, signal) });
}

/** Refreshes the member and every list after a change, and the audit entry it added. */
function useAfterChange(id: number) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['member', id] });
    void queryClient.invalidateQueries({ queryKey: ['members'] });
  };
}

export function useUpdateMember(id: number) {
  const refresh = useAfterChange(id);
  return useMutation({
    mutationFn: (update: MemberUpdate) => apiSend<Member>('PATCH', `/members/${id}`, update),
    onSuccess: refresh,
  });
}

function cardPath(id: number, number: string, action: 'block' | 'replace'): string {
  return `/members/${id}/cards/${encodeURIComponent(number)}/${action}`;
}

export function useBlockCard(id: number) {
  const refresh = useAfterChange(id);
  return useMutation({
    mutationFn: (number: string) => apiSend<MemberCard>('POST', cardPath(id, number, 'block')),
    onSuccess: refresh,
  });
}

/** Replaces a card by `newNumber`, or by the next free issued card when it is empty. */
export function useReplaceCard(id: number) {
  const refresh = useAfterChange(id);
  return useMutation({
    mutationFn: ({ number, newNumber }: { number: string; newNumber: string }) =>
      apiSend<MemberCard>(
        'POST',
        cardPath(id, number, 'replace'),
        newNumber ? { new_number: newNumber } : {},
      ),
    onSuccess: refresh,
  });
}
