import type {
  AdminReward,
  PointsSummary,
  RuleSetVersion,
  Simulation,
} from '@/features/points/api/types';
import type { LedgerEntry, PointsView, Redemption } from '@/shared/points/types';

// Points, ledger, rewards and redemptions as the points routes return them, with figures that
// differ from each other so that a test which reads the wrong field fails.

const season2026 = {
  name: 'Raccolta 2026',
  start: '2026-01-01',
  end: '2026-12-31',
  expires: '2027-01-31',
  claim_until: '2027-01-15',
};

// The fields that the customers' catalogue and the admins' list share for the same reward.
const mug = {
  id: 3,
  name: 'Tazza mug',
  description: 'Tazza in ceramica da 350 ml',
  image_url: null,
  category: 'Casa',
  points_cost: 400,
  stock: 25,
  valid_to: '2027-01-15',
};

export function pointsView(overrides: Partial<PointsView> = {}): PointsView {
  return {
    balance: 1234,
    available: 1234,
    owed: 0,
    earned: 2410,
    spent: 1050,
    expired: 126,
    expiring: [
      { expires_on: '2026-12-31', points: 120 },
      { expires_on: '2027-06-30', points: 1114 },
    ],
    expiring_soon: { points: 120, expires_on: '2026-12-31' },
    tier: {
      name: 'Silver',
      since: '2026-03-01',
      multiplier: '1.25',
      basis: 'points',
      window_days: 365,
      qualifying_total: 2234,
      next: { name: 'Gold', threshold: 3000, missing: 766 },
    },
    season: { ...season2026 },
    point_value: '0.01',
    value: '12.34',
    ...overrides,
  };
}

export function ledgerEntry(overrides: Partial<LedgerEntry> = {}): LedgerEntry {
  return {
    id: 501,
    kind: 'award',
    points: 37,
    at: '2026-11-28T10:15:00Z',
    expires_on: '2027-01-31',
    source_type: 'receipt',
    source_ref: 'PV01-2026-11-28-0042',
    reason: '',
    remaining: 37,
    ...overrides,
  };
}

export function ledgerWindow(rows: LedgerEntry[], total = rows.length, offset = 0, limit = 20) {
  return { total, offset, limit, rows };
}

export function redemption(overrides: Partial<Redemption> = {}): Redemption {
  return {
    id: 9,
    member_id: 41,
    reward_id: 3,
    reward_name: 'Tazza mug',
    points: 400,
    copay: '0.00',
    voucher_code: '9912345678909',
    status: 'issued',
    channel: 'app',
    created_at: '2026-11-30T09:00:00Z',
    closed_at: null,
    barcode_url: '/api/v1/me/redemptions/9/barcode.svg',
    ...overrides,
  };
}

export function catalogReward(overrides: Record<string, unknown> = {}) {
  return {
    ...mug,
    copay: '0.00',
    per_member_limit: null,
    valid_from: null,
    affordable: true,
    redeemed: 0,
    ...overrides,
  };
}

export function adminReward(overrides: Partial<AdminReward> = {}): AdminReward {
  return {
    ...mug,
    copay: '2.50',
    per_member_limit: 2,
    valid_from: '2026-01-01',
    active: true,
    ...overrides,
  };
}

export const pointsSummary: PointsSummary = {
  liability: {
    outstanding_points: 1523400,
    value: '15234.00',
    owed_points: 860,
    members_with_points: 4211,
    members_owing: 7,
    by_expiry: [{ expires_on: '2027-01-31', points: 1523400 }],
  },
  flows: {
    granularity: 'month',
    rows: [
      { period: '2026-10', issued: 210500, redeemed: 80400, expired: 0, reversed: 1200 },
      { period: '2026-11', issued: 198300, redeemed: 91200, expired: 3100, reversed: 950 },
    ],
    totals: { issued: 408800, redeemed: 171600, expired: 3100, reversed: 2150 },
  },
  tiers: [
    { name: 'Bronze', members: 3120 },
    { name: 'Silver', members: 905 },
    { name: 'Gold', members: 186 },
  ],
  redemptions: { issued: 312, used: 1804, cancelled: 41 },
};

export const ruleDocument = {
  name: 'Raccolta 2026',
  earn: { mode: 'per_threshold', threshold: '10.00', points: 1, rounding: 'down' },
  rules: [
    {
      name: 'Doppi punti ortofrutta',
      kind: 'multiplier',
      multiplier: '2',
      match: { departments: ['Ortofrutta'] },
    },
  ],
  seasons: [{ ...season2026 }],
  point_value: '0.01',
};

export function ruleSetVersion(overrides: Partial<RuleSetVersion> = {}): RuleSetVersion {
  return {
    version: 2,
    name: 'Raccolta 2026',
    status: 'active',
    effective_from: '2026-01-01T00:00:00Z',
    created_at: '2025-12-20T10:00:00Z',
    activated_at: '2025-12-21T08:00:00Z',
    ...overrides,
  };
}

export const ruleSetVersions = [
  ruleSetVersion({ version: 1, name: 'Raccolta 2025', status: 'retired' }),
  ruleSetVersion(),
  ruleSetVersion({
    version: 3,
    name: 'Prova estate',
    status: 'draft',
    effective_from: null,
    activated_at: null,
  }),
];

export const simulation: Simulation = {
  from: '2026-10-01',
  to: '2026-10-31',
  receipts: 5321,
  receipts_earning: 4870,
  members: 2311,
  points: 210500,
  value: '2105.00',
  eligible_amount: '98765.40',
  by_rule: [{ name: 'Doppi punti ortofrutta', receipts: 1432 }],
  distribution: {
    buckets: [
      { from: 0, to: 99, members: 1500 },
      { from: 100, to: 199, members: 700 },
      { from: 200, to: 999, members: 111 },
    ],
    p50: 64,
    p90: 180,
    p99: 420,
    max: 912,
  },
  current: { version: 2, points: 200000, value: '2000.00' },
};
