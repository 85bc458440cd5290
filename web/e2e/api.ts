import type { Credentials } from './server';

// Reads the API directly, beside the browser, so that tests compare what the page shows with
// what the server computed.

export interface DashboardKpis {
  net_revenue: number;
  receipts: number;
  lines: number;
}

export interface DashboardResponse {
  filter: { from: string; to: string };
  kpis: DashboardKpis;
  stores: { code: string }[];
}

/** Signs in through the API and returns the access token, for reads beside the browser. */
export async function signInToApi(baseUrl: string, credentials: Credentials): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  if (!response.ok) {
    throw new Error(
      `sign-in of ${credentials.identifier}: ${response.status} ${await response.text()}`,
    );
  }
  return ((await response.json()) as { access_token: string }).access_token;
}

export async function getJson<T>(baseUrl: string, path: string, accessToken: string): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    headers: { Authorization: `Bearer ${accessToken}` },
  });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export function dashboardPath(params: Record<string, string | string[]>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    for (const item of Array.isArray(value) ? value : [value]) query.append(name, item);
  }
  return `/api/v1/analytics/dashboard?${query}`;
}

/** Euros as the page must show them, written out by Intl here, apart from the app's code. */
export function expectedMoney(value: number, locale: 'it-IT' | 'en-US'): string {
  return plainSpaces(
    new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: 'EUR',
      useGrouping: 'always',
    }).format(value),
  );
}

/** Intl puts no-break spaces around €; Chromium and Node may differ in which kind. */
export function plainSpaces(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ').trim();
}

/** Reads "1.234,56 €" or "€1,234.56" back into a number of euros. */
export function parseMoney(text: string, locale: 'it-IT' | 'en-US'): number {
  const digits = text.replace(/[^\d,.-]/g, '');
  const normal =
    locale === 'it-IT' ? digits.replace(/\./g, '').replace(',', '.') : digits.replace(/,/g, '');
  return Number(normal);
}

/** POSTs JSON, with `accessToken` when given, and returns the JSON response; throws on a non-2xx. */
export async function postJson<T>(
  baseUrl: string,
  path: string,
  body: unknown,
  accessToken?: string,
): Promise<T> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (accessToken) headers.Authorization = `Bearer ${accessToken}`;
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}
