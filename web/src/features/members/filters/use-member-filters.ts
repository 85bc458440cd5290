import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

import {
  changeMemberFilters,
  parseMemberFilters,
  restrictToStores,
  serializeMemberFilters,
  type MemberFilters,
} from './member-filters';

/**
 * Reads and writes the members page's filters in the URL. `allowedStores` is a store admin's
 * stores, null for a super admin. A change pushes a history entry unless `replace` is set, as
 * it is for a search typed letter by letter.
 */
export function useMemberFilters(allowedStores: readonly string[] | null) {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(
    () => restrictToStores(parseMemberFilters(params), allowedStores),
    [params, allowedStores],
  );

  const update = useCallback(
    (patch: Partial<MemberFilters>, options: { replace?: boolean } = {}) =>
      setParams(serializeMemberFilters(changeMemberFilters(filters, patch)), {
        replace: options.replace ?? false,
        flushSync: true,
      }),
    [filters, setParams],
  );
  const reset = useCallback(() => setParams(new URLSearchParams()), [setParams]);

  return { filters, update, reset };
}
