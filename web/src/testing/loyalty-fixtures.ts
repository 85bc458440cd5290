import type { Member, MemberCard, PurchaseSummary } from '@/shared/loyalty/types';

// Members, cards and purchase summaries as the /members and /me routes return them.

export function memberCard(overrides: Partial<MemberCard> = {}): MemberCard {
  return {
    number: '2991000000016',
    status: 'active',
    issued_at: '2025-03-01T08:00:00Z',
    status_changed_at: '2025-03-02T10:30:00Z',
    replaced_by: null,
    ...overrides,
  };
}

export function member(overrides: Partial<Member> = {}): Member {
  return {
    id: 41,
    first_name: 'Maria',
    last_name: 'Rossi',
    email: 'maria.rossi@example.it',
    phone: '+393471234567',
    birth_date: '1980-05-17',
    signup_date: '2025-03-02',
    home_store: 'PV01',
    status: 'active',
    cards: [memberCard()],
    ...overrides,
  };
}

export const purchases: PurchaseSummary = {
  net_revenue: 1234.5,
  receipts: 37,
  last_visit: '2026-11-28',
  favourite_departments: [
    { name: 'Ortofrutta', net_revenue: 410.2 },
    { name: 'Latticini', net_revenue: 220 },
  ],
};

export function memberPage(items: Member[], total = items.length, page = 1, pageSize = 50) {
  return { items, page, page_size: pageSize, total, pages: Math.ceil(total / pageSize) };
}

export function memberDetail(overrides: Partial<Member> = {}) {
  return {
    ...member(overrides),
    purchases,
    audit: [
      {
        id: 7,
        at: '2026-11-30T15:04:00Z',
        actor_account_id: 1,
        actor_role: 'super_admin',
        action: 'member.update',
        target_type: 'member',
        target_id: '41',
        details: { phone: { old: '+393470000000', new: '+393471234567' } },
      },
    ],
  };
}

export const digitalCard = {
  number: '2991000000016',
  status: 'active',
  holder: 'Maria Rossi',
  issued_at: '2025-03-01T08:00:00Z',
  barcode: { svg: '/api/v1/me/card/barcode.svg', png: '/api/v1/me/card/barcode.png' },
  qr: { svg: '/api/v1/me/card/qr.svg', png: '/api/v1/me/card/qr.png' },
};
