import { describe, expect, it } from 'vitest';

import { homeOf, pageAfterSignIn } from './guards';

describe('pageAfterSignIn', () => {
  it('returns to a page of the app', () => {
    expect(pageAfterSignIn('/members?q=rossi', 'super_admin')).toBe('/members?q=rossi');
  });

  it('goes home without a page', () => {
    expect(pageAfterSignIn(null, 'customer')).toBe('/card');
    expect(pageAfterSignIn(null, 'store_admin')).toBe('/');
  });

  it('never leaves for another site', () => {
    for (const next of ['//evil.example/x', 'https://evil.example/', 'javascript:alert(1)']) {
      expect(pageAfterSignIn(next, 'customer')).toBe(homeOf('customer'));
    }
  });
});
