import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

import { parseFilters, serializeFilters, type DashboardFilters } from './filter-state';

/**
 * Reads and writes the filters of the page URL. Every change pushes a history entry, so back and forward step
 * through the views the user has seen.
 */
export function useDashboardFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseFilters(params), [params]);

  // flushSync applies the new URL within the event, so that a controlled checkbox never shows its
  // old state for a moment while the router updates.
  const update = useCallback(
    (patch: Partial<DashboardFilters>) =>
      setParams(serializeFilters({ ...filters, ...patch }), { flushSync: true }),
    [filters, setParams],
  );
  const reset = useCallback(
    () => setParams(new URLSearchParams(), { flushSync: true }),
    [setParams],
  );

  return { filters, update, reset };
}
