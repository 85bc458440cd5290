import type { QueryParams } from '@/shared/api/http';
import { isIsoDate } from '@/shared/lib/calendar-date';
import { MEMBER_STATUSES, type MemberStatus } from '@/shared/loyalty/types';

/** The columns GET /members sorts by. */
export const MEMBER_SORTS = [
  'last_name',
  'first_name',
  'signup_date',
  'card_number',
  'email',
] as const;
export type MemberSort = (typeof MEMBER_SORTS)[number];
export type SortOrder = 'asc' | 'desc';

export const PAGE_SIZES = [25, 50, 100, 200] as const;
// The route takes pages of 1 to 500 members.
const MAX_PAGE_SIZE = 500;

/**
 * The members page's search, filters, order and page. It lives in the URL, with the API's own
 * parameter names, so a search can be shared and back returns to the previous one.
 */
export interface MemberFilters {
  q: string;
  stores: string[];
  signupFrom: string;
  signupTo: string;
  status: MemberStatus | null;
  sort: MemberSort;
  order: SortOrder;
  page: number;
  pageSize: number;
}

export const DEFAULT_MEMBER_FILTERS: MemberFilters = {
  q: '',
  stores: [],
  signupFrom: '',
  signupTo: '',
  status: null,
  sort: 'last_name',
  order: 'asc',
  page: 1,
  pageSize: 50,
};

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : null;
}

function positiveInteger(text: string | null, max: number): number | null {
  if (text === null || !/^\d+$/.test(text)) return null;
  const value = Number(text);
  return value >= 1 && value <= max ? value : null;
}

function day(params: URLSearchParams, name: string): string {
  const value = params.get(name) ?? '';
  return isIsoDate(value) ? value : '';
}

/**
 * Reads the filters from a URL query. A value that cannot be understood (an unknown status, a
 * malformed day, a page of 0) falls back to its default instead of breaking the page.
 */
export function parseMemberFilters(params: URLSearchParams): MemberFilters {
  const stores = params.getAll('store').map((code) => code.trim());
  return {
    q: params.get('q') ?? '',
    stores: [...new Set(stores.filter((code) => code !== ''))],
    signupFrom: day(params, 'signup_from'),
    signupTo: day(params, 'signup_to'),
    status: oneOf(MEMBER_STATUSES, params.get('status')),
    sort: oneOf(MEMBER_SORTS, params.get('sort')) ?? DEFAULT_MEMBER_FILTERS.sort,
    order: oneOf(['asc', 'desc'] as const, params.get('order')) ?? DEFAULT_MEMBER_FILTERS.order,
    page: positiveInteger(params.get('page'), Number.MAX_SAFE_INTEGER) ?? 1,
    pageSize:
      positiveInteger(params.get('page_size'), MAX_PAGE_SIZE) ?? DEFAULT_MEMBER_FILTERS.pageSize,
  };
}

/** Writes the filters as a URL query, leaving out every value that equals its default. */
export function serializeMemberFilters(filters: MemberFilters): URLSearchParams {
  const params = new URLSearchParams();
  const defaults = DEFAULT_MEMBER_FILTERS;
  if (filters.q.trim() !== '') params.set('q', filters.q);
  for (const store of filters.stores) params.append('store', store);
  if (filters.signupFrom) params.set('signup_from', filters.signupFrom);
  if (filters.signupTo) params.set('signup_to', filters.signupTo);
  if (filters.status) params.set('status', filters.status);
  if (filters.sort !== defaults.sort) params.set('sort', filters.sort);
  if (filters.order !== defaults.order) params.set('order', filters.order);
  if (filters.page !== defaults.page) params.set('page', String(filters.page));
  if (filters.pageSize !== defaults.pageSize) params.set('page_size', String(filters.pageSize));
  return params;
}

/**
 * Applies a change. Any change but a new page starts again from page 1, since the old page
 * number means nothing in a different list.
 */
export function changeMemberFilters(
  filters: MemberFilters,
  patch: Partial<MemberFilters>,
): MemberFilters {
  const next = { ...filters, ...patch };
  if (patch.page === undefined) next.page = 1;
  return next;
}

/** The search and filter parameters of GET /members and GET /members/export. */
export function memberSearchParams(filters: MemberFilters): QueryParams {
  return {
    q: filters.q.trim() || undefined,
    store: filters.stores,
    signup_from: filters.signupFrom || undefined,
    signup_to: filters.signupTo || undefined,
    status: filters.status ?? undefined,
    sort: filters.sort,
    order: filters.order,
  };
}

/** The parameters of one page of GET /members. */
export function memberPageParams(filters: MemberFilters): QueryParams {
  return { ...memberSearchParams(filters), page: filters.page, page_size: filters.pageSize };
}

/**
 * Keeps a store admin's store filter inside their own stores: a shared link that names another
 * store would only earn a 403. Other roles keep the filter as it is.
 */
export function restrictToStores(
  filters: MemberFilters,
  allowed: readonly string[] | null,
): MemberFilters {
  if (allowed === null) return filters;
  const stores = filters.stores.filter((code) => allowed.includes(code));
  return stores.length === filters.stores.length ? filters : { ...filters, stores };
}
