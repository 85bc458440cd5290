import type { Member, MemberCard, MemberStatus, PurchaseSummary } from '@/shared/loyalty/types';

/** One entry of the audit log: who did what to the member, and when. */
export interface AuditEntry {
  id: number;
  /** ISO 8601 UTC. */
  at: string;
  actor_account_id: number | null;
  /** A role name, or "anonymous" and "system" for events without an account. */
  actor_role: string;
  /** The actor's e-mail or name, when the server adds it. */
  actor?: string | null;
  /** Such as "member.update", "card.block", "card.replace", "sign_in". */
  action: string;
  target_type: string;
  target_id: string;
  /** Changed fields with their old and new values, or other facts of the action. */
  details: Record<string, unknown> | string | null;
}

/** GET /members/{id}: the member with cards, purchases and the latest 50 audit entries. */
export interface MemberDetail extends Member {
  cards: MemberCard[];
  /** Null while the server is still loading the sales data. */
  purchases: PurchaseSummary | null;
  audit: AuditEntry[];
}

/** The fields an admin may change; absent fields stay as they are. */
export interface MemberUpdate {
  first_name?: string;
  last_name?: string;
  email?: string;
  phone?: string;
  birth_date?: string;
  home_store?: string;
  status?: MemberStatus;
}
