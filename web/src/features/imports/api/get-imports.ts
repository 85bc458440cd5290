import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';

import { apiGet } from '@/shared/api/client';

import { toPage, type Page, type PageBody } from '@/shared/api/page';

import type { ImportRecord, RejectedRow } from './types';

// How often a queued or running import is asked for its progress.
export const PROGRESS_POLL_MS = 1000;

export function isUnfinished(record: ImportRecord): boolean {
  return record.status === 'queued' || record.status === 'running';
}

export async function getImports(
  page: number,
  pageSize: number,
  signal?: AbortSignal,
): Promise<Page<ImportRecord>> {
  const body = await apiGet<PageBody<ImportRecord> | ImportRecord[]>(
    '/imports',
    { page, page_size: pageSize },
    signal,
  );
  return toPage(body, 'imports', page, pageSize);
}

export function getImport(id: number, signal?: AbortSignal): Promise<ImportRecord> {
  return apiGet<ImportRecord>(`/imports/${id}`, undefined, signal);
}

export async function getRejects(
  id: number,
  page: number,
  pageSize: number,
  signal?: AbortSignal,
): Promise<Page<RejectedRow>> {
  const body = await apiGet<PageBody<RejectedRow> | RejectedRow[]>(
    `/imports/${id}/rejects`,
    { page, page_size: pageSize },
    signal,
  );
  return toPage(body, 'rejects', page, pageSize);
}

export function useImports(page: number, pageSize: number) {
  return useQuery({
    queryKey: ['imports', page, pageSize],
    queryFn: ({ signal }) => getImports(page, pageSize, signal),
    refetchInterval: (query) =>
      query.state.data?.items.some(isUnfinished) ? PROGRESS_POLL_MS : false,
  });
}

/**
 * Returns one import and polls it while it is queued or running. When it ends, the lists, the
 * dashboard and the filter choices are refetched, since the import changed them.
 */
export function useImport(id: number) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: ['import', id],
    queryFn: ({ signal }) => getImport(id, signal),
    refetchInterval: (current) =>
      current.state.data && isUnfinished(current.state.data) ? PROGRESS_POLL_MS : false,
  });
  const finished = query.data !== undefined && !isUnfinished(query.data);
  useEffect(() => {
    if (finished) {
      for (const key of ['imports', 'rejects', 'dashboard', 'coverage', 'stores', 'departments']) {
        void queryClient.invalidateQueries({ queryKey: [key] });
      }
    }
  }, [finished, queryClient]);
  return query;
}

export function useRejects(id: number, page: number, pageSize: number, enabled: boolean) {
  return useQuery({
    queryKey: ['rejects', id, page, pageSize],
    queryFn: ({ signal }) => getRejects(id, page, pageSize, signal),
    enabled,
  });
}
