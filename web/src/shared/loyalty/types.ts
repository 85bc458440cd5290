// The JSON shapes of members, cards and purchase summaries, shared by the customer's own pages
// (/me routes) and the admin's member pages (/members routes). Days are "YYYY-MM-DD", instants
// ISO 8601 UTC; a value the member never gave is null or an empty string.

export const CARD_STATUSES = ['issued', 'active', 'blocked', 'replaced'] as const;
export type CardStatus = (typeof CARD_STATUSES)[number];

export const MEMBER_STATUSES = ['active', 'suspended', 'closed'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

/** A consent as given: whether, when, and under which version of the notice. */
export interface Consent {
  granted: boolean;
  at: string | null;
  notice_version: string | null;
}

export interface Consents {
  privacy: Consent;
  marketing: Consent;
  profiling: Consent;
}

export interface MemberCard {
  number: string;
  status: CardStatus;
  issued_at: string | null;
  status_changed_at: string | null;
  /** The card number that replaced this card. */
  replaced_by: string | null;
}

export interface Member {
  id: number;
  first_name: string;
  last_name: string;
  email: string | null;
  phone: string | null;
  birth_date: string | null;
  signup_date: string | null;
  home_store: string | null;
  status: MemberStatus;
  consents?: Consents;
  /** Present in the responses of the admin routes. */
  cards?: MemberCard[];
}

export interface FavouriteDepartment {
  /** Null for lines whose export named no department. */
  name: string | null;
  net_revenue: number | null;
}

/** A member's purchases over all time, from the sales engine. */
export interface PurchaseSummary {
  net_revenue: number;
  receipts: number;
  /** The day of the latest receipt; null before the first purchase. */
  last_visit: string | null;
  /** At most three, by net revenue. */
  favourite_departments: (FavouriteDepartment | string)[];
}

/** Returns the member's active card, else the newest one, for lists that show one number. */
export function mainCard(member: Member): MemberCard | undefined {
  const cards = member.cards ?? [];
  return cards.find((card) => card.status === 'active') ?? cards[cards.length - 1];
}

export function fullName(member: Pick<Member, 'first_name' | 'last_name'>): string {
  return `${member.first_name} ${member.last_name}`.trim();
}
