// The JSON shapes of the analytics routes. Money is in euros rounded to cents, units have up to
// three decimals, days are "YYYY-MM-DD" in the server's time zone; null means "not available".

export interface Kpis {
  net_revenue: number;
  gross_sales: number;
  returns: number;
  discount: number;
  receipts: number;
  return_receipts: number;
  average_receipt: number | null;
  units: number;
  customers: number;
  products: number;
  lines: number;
  card_share: number | null;
  promo_share: number | null;
}

export type KpiName = keyof Kpis;

export type Granularity = 'day' | 'week' | 'month';

export interface SeriesPoint {
  start: string;
  net_revenue: number;
  receipts: number;
}

export interface ProductRow {
  code: string;
  name: string;
  /** The latest department of the product; null when the export gave none. */
  department: string | null;
  net_revenue: number;
  units: number;
  receipts: number;
}

export interface DepartmentRow {
  /** Null for the lines whose export named no department. */
  name: string | null;
  net_revenue: number;
  units: number;
  receipts: number;
}

export interface StoreRow {
  code: string;
  name: string;
  net_revenue: number;
  receipts: number;
  customers: number;
  average_receipt: number | null;
}

export interface PromotionRow {
  code: string;
  net_revenue: number;
  discount: number;
  receipts: number;
}

export interface DashboardResponse {
  filter: {
    from: string;
    to: string;
    stores: string[];
    departments: string[];
    cards_only: boolean;
    promo_only: boolean;
  };
  previous_period: { from: string; to: string };
  currency: string;
  time_zone: string;
  kpis: Kpis;
  previous_kpis: Kpis;
  /** Relative changes, (current − previous) / previous; null on a zero or negative base. */
  changes: Partial<Record<KpiName, number | null>>;
  series: { granularity: Granularity; points: SeriesPoint[] };
  top_products: ProductRow[];
  departments: DepartmentRow[];
  stores: StoreRow[];
  promotions: PromotionRow[];
  /** Net revenue by ISO weekday (index 0 = Monday) and local hour 0-23. */
  weekday_hour: number[][];
}

export interface Coverage {
  /** First and last day with sales; null while the database contains no line. */
  first_day: string | null;
  last_day: string | null;
  lines: number;
  time_zone: string;
}

export interface Department {
  name: string;
}

/** The tables GET /analytics/export writes. */
export type ExportTable =
  | 'kpis'
  | 'series'
  | 'top_products'
  | 'products'
  | 'departments'
  | 'stores'
  | 'promotions'
  | 'weekday_hour';

export type { ExportFormat } from '@/shared/ui/export-buttons';
