// The signed-in account and the session the sign-in, sign-up and refresh routes return.

export const ROLES = ['super_admin', 'store_admin', 'customer'] as const;
export type Role = (typeof ROLES)[number];

/** Administrators see the back office; a store admin only the stores of `stores`. */
export const ADMIN_ROLES: readonly Role[] = ['super_admin', 'store_admin'];
export const CUSTOMER_ROLES: readonly Role[] = ['customer'];

export interface Account {
  id: number;
  role: Role;
  email: string | null;
  /** The member a customer account belongs to; null for administrators. */
  member_id: number | null;
  /** Store codes a store admin may see; empty for the other roles. */
  stores: string[];
  display_name: string;
}

/** The body of a successful sign-in, sign-up or refresh. Lifetimes are in seconds. */
export interface SessionBody {
  access_token: string;
  token_type: string;
  expires_in: number;
  refresh_token: string;
  refresh_expires_in: number;
  account: Account;
}

export function isAdmin(role: Role): boolean {
  return ADMIN_ROLES.includes(role);
}
