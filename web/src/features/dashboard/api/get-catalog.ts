import { useQuery } from '@tanstack/react-query';

import { apiGet } from '@/shared/api/client';
import { listItems, type PageBody } from '@/shared/api/page';

import type { Department, Store } from './types';

// The server lists stores and departments in the order it first saw them. The filter sorts them
// for reading: PV2 before PV10, departments A to Z.
const collator = new Intl.Collator('it', { numeric: true });

export async function getStores(signal?: AbortSignal): Promise<Store[]> {
  const body = await apiGet<PageBody<Store> | Store[]>('/stores', undefined, signal);
  return listItems(body, 'stores').sort((a, b) => collator.compare(a.code, b.code));
}

export async function getDepartments(signal?: AbortSignal): Promise<Department[]> {
  const body = await apiGet<PageBody<Department> | Department[]>('/departments', undefined, signal);
  return listItems(body, 'departments').sort((a, b) => collator.compare(a.name, b.name));
}

// Stores and departments change only with an import: a few minutes of caching is safe.
const CATALOG_STALE_MS = 5 * 60_000;

export function useStores() {
  return useQuery({
    queryKey: ['stores'],
    queryFn: ({ signal }) => getStores(signal),
    staleTime: CATALOG_STALE_MS,
  });
}

export function useDepartments() {
  return useQuery({
    queryKey: ['departments'],
    queryFn: ({ signal }) => getDepartments(signal),
    staleTime: CATALOG_STALE_MS,
  });
}
