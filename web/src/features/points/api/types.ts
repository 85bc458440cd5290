import type { AdminReward } from '@/shared/points/types';

export type { AdminReward };

// The JSON shapes of the admins' points routes. Points are whole numbers, euros decimal strings
// ("12.30"), days "YYYY-MM-DD" and instants ISO 8601 UTC.

export type { PointsFlowRow, PointsSummary } from '@/shared/points/summary';

export type RuleSetStatus = 'draft' | 'active' | 'retired';

export interface RuleSetVersion {
  version: number;
  name: string;
  status: RuleSetStatus;
  effective_from: string | null;
  created_at: string;
  activated_at: string | null;
}

export interface RuleSetDetail extends RuleSetVersion {
  /** The rule set document, as docs/POINTS.md defines it. */
  document: unknown;
}

/** POST /points/simulations: what a rule set would have awarded over a period of sales. */
export interface Simulation {
  from: string;
  to: string;
  receipts: number;
  receipts_earning: number;
  members: number;
  points: number;
  value: string;
  eligible_amount: string;
  by_rule: { name: string; receipts: number }[];
  distribution: {
    buckets: { from: number; to: number; members: number }[];
    p50: number;
    p90: number;
    p99: number;
    max: number;
  };
  /** The same totals under the rule set in force now; version null when none is. */
  current: { version: number | null; points: number; value: string };
}

export type RewardInput = Omit<AdminReward, 'id'>;
