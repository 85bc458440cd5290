import { useQuery } from '@tanstack/react-query';

import { apiGet } from '@/shared/api/client';
import { listItems, type PageBody } from '@/shared/api/page';
import { CATALOG_STALE_MS } from '@/shared/api/stores';

import type { Department } from './types';

// The server lists departments in the order it first saw them. The filter sorts them A to Z.
const collator = new Intl.Collator('it', { numeric: true });

export async function getDepartments(signal?: AbortSignal): Promise<Department[]> {
  const body = await apiGet<PageBody<Department> | Department[]>('/departments', undefined, signal);
  return listItems(body, 'departments').sort((a, b) => collator.compare(a.name, b.name));
}

export function useDepartments() {
  return useQuery({
    queryKey: ['departments'],
    queryFn: ({ signal }) => getDepartments(signal),
    staleTime: CATALOG_STALE_MS,
  });
}
