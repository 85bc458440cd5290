import type { Coverage, DashboardResponse, Kpis } from '@/features/dashboard/api/types';
import type { ImportRecord } from '@/features/imports/api/types';

// Responses shaped like the server's, with figures that differ from each other so that a test
// which reads the wrong field fails.

export const coverage: Coverage = {
  first_day: '2024-11-02',
  last_day: '2026-11-01',
  lines: 20000,
  time_zone: 'Europe/Rome',
};

export const emptyCoverage: Coverage = {
  first_day: null,
  last_day: null,
  lines: 0,
  time_zone: 'Europe/Rome',
};

export const stores = {
  items: [
    { code: 'PV07', name: 'Bologna Centro' },
    { code: 'PV01', name: 'PV01' },
  ],
};
export const departments = { items: [{ name: 'Ortofrutta' }, { name: 'Latticini' }] };

export const kpis: Kpis = {
  net_revenue: 123456.78,
  gross_sales: 130000.12,
  returns: 1200.5,
  discount: 5342.84,
  receipts: 5321,
  return_receipts: 12,
  average_receipt: 23.43,
  units: 40211.532,
  customers: 2311,
  products: 4120,
  lines: 51234,
  card_share: 0.712,
  promo_share: 0.181,
};

export const previousKpis: Kpis = {
  ...kpis,
  net_revenue: 117245.1,
  receipts: 5385,
  returns: 900.25,
  average_receipt: null,
  customers: 0,
};

export function dashboard(overrides: Partial<DashboardResponse> = {}): DashboardResponse {
  return {
    filter: {
      from: '2026-10-03',
      to: '2026-11-01',
      stores: [],
      departments: [],
      cards_only: false,
      promo_only: false,
    },
    previous_period: { from: '2026-09-03', to: '2026-10-02' },
    currency: 'EUR',
    time_zone: 'Europe/Rome',
    kpis,
    previous_kpis: previousKpis,
    changes: {
      net_revenue: 0.053,
      receipts: -0.012,
      returns: 0.3335,
      average_receipt: null,
      customers: null,
    },
    series: {
      granularity: 'day',
      points: [
        { start: '2026-10-31', net_revenue: 4123.5, receipts: 180 },
        { start: '2026-11-01', net_revenue: 3980.25, receipts: 171 },
      ],
    },
    top_products: [
      {
        code: '8001234567890',
        name: 'Latte intero 1 l',
        department: 'Latticini',
        net_revenue: 2310.4,
        units: 1540,
        receipts: 1311,
      },
      {
        code: '8000000000017',
        name: 'Mele Golden al kg',
        department: 'Ortofrutta',
        net_revenue: 1999.99,
        units: 812.345,
        receipts: 902,
      },
    ],
    departments: [
      { name: 'Ortofrutta', net_revenue: 20311.2, units: 9321.441, receipts: 3120 },
      { name: 'Latticini', net_revenue: 18000.1, units: 7000, receipts: 2900 },
    ],
    stores: [
      {
        code: 'PV07',
        name: 'Bologna Centro',
        net_revenue: 123456.78,
        receipts: 5321,
        customers: 2311,
        average_receipt: 23.43,
      },
    ],
    promotions: [{ code: 'VOL3X2', net_revenue: 3120, discount: 810.3, receipts: 411 }],
    weekday_hour: Array.from({ length: 7 }, (_, day) =>
      Array.from({ length: 24 }, (_, hour) => (hour >= 8 && hour < 20 ? (day + 1) * hour : 0)),
    ),
    ...overrides,
  };
}

export function emptyDashboard(): DashboardResponse {
  const zero: Kpis = {
    net_revenue: 0,
    gross_sales: 0,
    returns: 0,
    discount: 0,
    receipts: 0,
    return_receipts: 0,
    average_receipt: null,
    units: 0,
    customers: 0,
    products: 0,
    lines: 0,
    card_share: null,
    promo_share: null,
  };
  return dashboard({
    kpis: zero,
    previous_kpis: zero,
    changes: {},
    series: { granularity: 'day', points: [] },
    top_products: [],
    departments: [],
    stores: [],
    promotions: [],
    weekday_hour: Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0)),
  });
}

export function importRecord(overrides: Partial<ImportRecord> = {}): ImportRecord {
  return {
    id: 7,
    source_name: 'vendite-ottobre.csv',
    format: 'csv',
    status: 'completed',
    started_at: '2026-11-02T08:15:00Z',
    finished_at: '2026-11-02T08:15:04Z',
    percent: 100,
    bytes_total: 4096,
    bytes_read: 4096,
    lines_read: 120,
    imported: 115,
    duplicates: 3,
    rejected: 2,
    error: null,
    dry_run: false,
    ...overrides,
  };
}
