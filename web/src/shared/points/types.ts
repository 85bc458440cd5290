// The JSON shapes of a member's points, ledger and redemptions, shared by the customer's pages
// (/me routes) and the admins' member pages (/members/{id} routes). Points are whole numbers;
// euros are decimal strings ("12.30"); days are "YYYY-MM-DD" and instants ISO 8601 UTC.

export const LEDGER_KINDS = [
  'award',
  'reversal',
  'redemption',
  'refund',
  'expiry',
  'adjustment',
  'transfer',
  'opening',
] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

export interface ExpiringPoints {
  /** null for points that never expire. */
  expires_on: string | null;
  points: number;
}

/** The next tier level and how far the member is from it, in points or euros of spend. */
export interface NextTier {
  name: string;
  threshold: number | string;
  missing: number | string;
}

export interface PointsTier {
  /** Null before the member reaches the first level. */
  name: string | null;
  since: string | null;
  /** The earning multiplier of the level, as a decimal string ("1.25"). */
  multiplier: string;
  basis: 'points' | 'spend';
  window_days: number;
  /** Points, or euros of spend, over the rolling window. */
  qualifying_total: number | string;
  next: NextTier | null;
}

export interface PointsSeason {
  name: string;
  start: string;
  end: string;
  /** The reset day, from which the season's unused points are gone. */
  expires: string;
  claim_until: string;
}

/** GET /me/points and GET /members/{id}/points. */
export interface PointsView {
  /** The ledger sum; negative when the member owes points. */
  balance: number;
  available: number;
  owed: number;
  earned: number;
  spent: number;
  expired: number;
  expiring: ExpiringPoints[];
  expiring_soon: { points: number; expires_on: string | null };
  tier: PointsTier;
  season: PointsSeason | null;
  point_value: string;
  /** The balance in euros at the point value. */
  value: string;
}

export interface LedgerEntry {
  id: number;
  kind: LedgerKind;
  /** Positive for a credit, negative for a debit. */
  points: number;
  at: string;
  expires_on: string | null;
  source_type: string;
  source_ref: string;
  reason: string;
  remaining: number;
}

/** GET .../points/ledger: one window of the ledger, newest first. */
export interface LedgerWindow {
  total: number;
  offset: number;
  limit: number;
  rows: LedgerEntry[];
}

/** The fields of a reward that the customers' and the admins' routes both return. */
export interface Reward {
  id: number;
  name: string;
  description: string;
  image_url: string | null;
  category: string;
  points_cost: number;
  /** Euros paid at the desk besides the points, "0.00" when none. */
  copay: string;
  /** Null: unlimited. */
  stock: number | null;
  per_member_limit: number | null;
  valid_from: string | null;
  valid_to: string | null;
}

/** A reward as the admins' routes read and write it (GET /rewards, POST /rewards). */
export interface AdminReward extends Reward {
  active: boolean;
}

export const REDEMPTION_STATUSES = ['issued', 'used', 'cancelled'] as const;
export type RedemptionStatus = (typeof REDEMPTION_STATUSES)[number];

export interface Redemption {
  id: number;
  member_id: number;
  reward_id: number;
  reward_name: string;
  points: number;
  copay: string;
  /** EAN-13 with the chain's voucher prefix 99. */
  voucher_code: string;
  status: RedemptionStatus;
  channel: string;
  created_at: string;
  closed_at: string | null;
  /** The route of the voucher's barcode SVG, which needs the access token. */
  barcode_url: string;
}

export interface RedemptionWindow {
  total: number;
  rows: Redemption[];
}

/**
 * Reads a decimal string of the API ("12.30") or a number as a number, for display only. Null
 * and text that is not a number stay null, so they show as "n/d" and never as 0.
 */
export function decimalValue(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const number = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(number) ? number : null;
}
