import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';

import { getJson, plainSpaces, postJson, signInToApi } from './api';
import { openBrowser, signInInBrowser, type Browser } from './browser';

const baseUrl = inject('baseUrl');
const admin = inject('admin');
// The third issued card is this file's own; the sign-up and members tests use the first two.
const cardNumber = inject('issuedCards')[2]!;
const customer = { identifier: cardNumber, password: 'papaveri-di-Maggio-5' };
const GRANTED_POINTS = 500;
const MUG_COST = 300;
let browser: Browser;
let page: Page;
let customerToken: string;

interface PointsView {
  balance: number;
}

interface Redemption {
  voucher_code: string;
  reward_name: string;
  status: string;
}

/**
 * Signs the customer up, credits them with points by an admin's adjustment and adds two rewards:
 * one the points cover and one they do not.
 */
async function prepareCustomerAndRewards(): Promise<void> {
  const session = await postJson<{ access_token: string; account: { member_id: number } }>(
    baseUrl,
    '/api/v1/auth/signup',
    {
      first_name: 'Chiara',
      last_name: 'Gualandi',
      email: 'chiara.gualandi@e2e.imagross.test',
      phone: '',
      password: customer.password,
      card_number: cardNumber,
      privacy_accepted: true,
      marketing_consent: false,
      profiling_consent: false,
    },
  );
  customerToken = session.access_token;
  const adminToken = await signInToApi(baseUrl, admin);
  await postJson(
    baseUrl,
    `/api/v1/members/${session.account.member_id}/points/adjustments`,
    { points: GRANTED_POINTS, reason: 'Benvenuto, test del browser' },
    adminToken,
  );
  const reward = {
    description: '',
    image_url: null,
    category: 'Casa',
    copay: '0.00',
    stock: 10,
    per_member_limit: null,
    valid_from: null,
    valid_to: null,
    active: true,
  };
  await postJson(
    baseUrl,
    '/api/v1/rewards',
    { ...reward, name: 'Tazza E2E', points_cost: MUG_COST },
    adminToken,
  );
  await postJson(
    baseUrl,
    '/api/v1/rewards',
    { ...reward, name: 'Bicicletta E2E', points_cost: 100_000 },
    adminToken,
  );
}

beforeAll(async () => {
  await prepareCustomerAndRewards();
  browser = await openBrowser();
  page = await browser.context.newPage();
  await signInInBrowser(page, baseUrl, customer);
});

afterAll(async () => {
  await browser?.close();
});

/** Reads a figure of the points page: the text of its value. */
async function pointsFigure(name: string): Promise<string> {
  const cell = page.locator(`[data-points="${name}"] dd`);
  await cell.waitFor();
  return plainSpaces(await cell.innerText());
}

describe('points and rewards in Chromium', () => {
  it('shows the balance the API computes', async () => {
    await page.getByRole('link', { name: 'I miei punti' }).click();
    await page.waitForURL(`${baseUrl}/my-points`);
    const view = await getJson<PointsView>(baseUrl, '/api/v1/me/points', customerToken);
    expect(view.balance).toBe(GRANTED_POINTS);
    expect(await pointsFigure('balance')).toBe('500');
    expect(await pointsFigure('value')).toMatch(/€/);
    const history = page.getByRole('table', { name: 'Movimenti' });
    await history.getByText('Rettifica').waitFor();
    expect(await history.getByText('+500').count()).toBe(1);
  });

  it('redeems an affordable reward and shows its voucher', async () => {
    await page.getByRole('link', { name: 'Premi' }).click();
    await page.waitForURL(`${baseUrl}/rewards`);
    const bike = page.getByRole('article', { name: 'Bicicletta E2E' });
    expect(await bike.getByRole('button').isDisabled()).toBe(true);

    await page.getByRole('button', { name: 'Richiedi Tazza E2E' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Conferma la richiesta' }).click();
    const notice = page.locator('[data-issued-voucher]');
    await notice.waitFor();
    const code = await notice.getAttribute('data-issued-voucher');
    expect(code).toMatch(/^99\d{11}$/);

    const mine = await getJson<{ rows: Redemption[] }>(
      baseUrl,
      '/api/v1/me/redemptions',
      customerToken,
    );
    expect(mine.rows.map((row) => row.voucher_code)).toEqual([code]);
    const after = await getJson<PointsView>(baseUrl, '/api/v1/me/points', customerToken);
    expect(after.balance).toBe(GRANTED_POINTS - MUG_COST);

    await page.getByRole('link', { name: 'Vai ai buoni' }).click();
    await page.waitForURL(`${baseUrl}/vouchers`);
    const voucher = page.locator(`[data-voucher="${code}"]`);
    await voucher.waitFor();
    expect(await voucher.getByText('Da ritirare').count()).toBe(1);
    const selector = `img[data-voucher-image="${code}"]`;
    await page.waitForFunction((css) => {
      const image = document.querySelector<HTMLImageElement>(css);
      return image !== null && image.complete && image.naturalWidth > 0;
    }, selector);
    const size = await page.locator(selector).evaluate((image: HTMLImageElement) => ({
      width: image.naturalWidth,
      height: image.naturalHeight,
    }));
    expect(size.width).toBeGreaterThan(size.height);
  });
});
