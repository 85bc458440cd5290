import { describe, expect, it } from 'vitest';

import { pageCount, toPage } from './page';

describe('toPage', () => {
  it('reads the items envelope', () => {
    const page = toPage({ items: [1, 2], page: 2, page_size: 2, total: 5 }, 'imports', 1, 20);
    expect(page).toEqual({ items: [1, 2], page: 2, page_size: 2, total: 5 });
    expect(pageCount(page)).toBe(3);
  });

  it('reads rows under the resource name', () => {
    expect(toPage({ rejects: ['a'], total: 1 }, 'rejects', 1, 50).items).toEqual(['a']);
  });

  it('reads a bare array', () => {
    expect(toPage(['a', 'b'], 'imports', 1, 20)).toEqual({
      items: ['a', 'b'],
      page: 1,
      page_size: 20,
      total: 2,
    });
  });

  it('counts at least one page', () => {
    expect(pageCount({ items: [], page: 1, page_size: 20, total: 0 })).toBe(1);
  });
});
