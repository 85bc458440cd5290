import { useQuery } from '@tanstack/react-query';

import { apiGet } from './client';
import { listItems, type PageBody } from './page';

export interface Store {
  code: string;
  name: string;
}

/** Stores and departments change only with an import: a few minutes of caching is safe. */
export const CATALOG_STALE_MS = 5 * 60_000;

// The server lists stores in the order it first saw them. Lists sort them for reading: PV2
// before PV10.
const collator = new Intl.Collator('it', { numeric: true });

export async function getStores(signal?: AbortSignal): Promise<Store[]> {
  const body = await apiGet<PageBody<Store> | Store[]>('/stores', undefined, signal);
  return listItems(body, 'stores').sort((a, b) => collator.compare(a.code, b.code));
}

export function useStores() {
  return useQuery({
    queryKey: ['stores'],
    queryFn: ({ signal }) => getStores(signal),
    staleTime: CATALOG_STALE_MS,
  });
}

/** "PV07 · Bologna Centro", or the code alone when the store has no name of its own. */
export function storeLabel(store: Store): string {
  return store.name && store.name !== store.code ? `${store.code} · ${store.name}` : store.code;
}
