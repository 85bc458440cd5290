import { describe, expect, it } from 'vitest';

import {
  changeMemberFilters,
  DEFAULT_MEMBER_FILTERS,
  memberPageParams,
  parseMemberFilters,
  restrictToStores,
  serializeMemberFilters,
} from './member-filters';

const parse = (query: string) => parseMemberFilters(new URLSearchParams(query));

describe('member filters in the URL', () => {
  it('reads defaults from an empty query', () => {
    expect(parse('')).toEqual(DEFAULT_MEMBER_FILTERS);
  });

  it('round-trips every filter', () => {
    const query =
      'q=d%27angelo&store=PV01&store=PV02&signup_from=2025-01-01&signup_to=2025-12-31' +
      '&status=suspended&sort=signup_date&order=desc&page=3&page_size=100';
    const filters = parse(query);
    expect(filters).toEqual({
      q: "d'angelo",
      stores: ['PV01', 'PV02'],
      signupFrom: '2025-01-01',
      signupTo: '2025-12-31',
      status: 'suspended',
      sort: 'signup_date',
      order: 'desc',
      page: 3,
      pageSize: 100,
    });
    expect(parse(serializeMemberFilters(filters).toString())).toEqual(filters);
  });

  it('falls back on values it cannot read', () => {
    const filters = parse(
      'status=lost&sort=password&order=up&page=0&page_size=501&signup_from=2025-02-30&store=',
    );
    expect(filters).toEqual(DEFAULT_MEMBER_FILTERS);
  });

  it('leaves defaults out of the URL', () => {
    expect(serializeMemberFilters(DEFAULT_MEMBER_FILTERS).toString()).toBe('');
  });
});

describe('changeMemberFilters', () => {
  it('returns to page 1 on any change but the page', () => {
    const onPage4 = { ...DEFAULT_MEMBER_FILTERS, page: 4 };
    expect(changeMemberFilters(onPage4, { q: 'rossi' }).page).toBe(1);
    expect(changeMemberFilters(onPage4, { page: 5 }).page).toBe(5);
  });
});

describe('memberPageParams', () => {
  it('names the parameters as the API does', () => {
    const params = memberPageParams({
      ...DEFAULT_MEMBER_FILTERS,
      q: '  347 123 ',
      stores: ['PV01'],
      signupFrom: '2025-01-01',
    });
    expect(params).toEqual({
      q: '347 123',
      store: ['PV01'],
      signup_from: '2025-01-01',
      signup_to: undefined,
      status: undefined,
      sort: 'last_name',
      order: 'asc',
      page: 1,
      page_size: 50,
    });
  });
});

describe('restrictToStores', () => {
  it("drops stores outside a store admin's own", () => {
    const filters = { ...DEFAULT_MEMBER_FILTERS, stores: ['PV01', 'PV09'] };
    expect(restrictToStores(filters, ['PV01']).stores).toEqual(['PV01']);
    expect(restrictToStores(filters, null)).toBe(filters);
  });
});
