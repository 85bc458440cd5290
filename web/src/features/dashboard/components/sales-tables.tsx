import { storeLabel } from '@/shared/api/stores';
import { useI18n } from '@/shared/i18n/i18n-context';
import { DataTable, type Column } from '@/shared/ui/data-table';

import type { DepartmentRow, ProductRow, PromotionRow, StoreRow } from '../api/types';
import { countColumn, moneyColumn, quantityColumn, textColumn } from './columns';

// The dashboard's tables. Rows arrive ranked by net revenue; the columns can re-sort them.

interface TableProps<Row> {
  rows: Row[];
  caption: string;
}

export function TopProductsTable({ rows, caption }: TableProps<ProductRow>) {
  const { t, format } = useI18n();
  const columns: Column<ProductRow>[] = [
    { id: 'rank', header: t('column.rank'), cell: (_, index) => format.integer(index + 1) },
    {
      id: 'name',
      header: t('column.product'),
      rowHeader: true,
      sortValue: (row) => row.name,
      cell: (row) => (
        <>
          <span className="cell-title">{row.name}</span>
          <span className="cell-code">{row.code}</span>
        </>
      ),
    },
    textColumn(
      'department',
      t('column.department'),
      (row) => row.department ?? t('department.none'),
    ),
    moneyColumn('net_revenue', t('column.net_revenue'), (row) => row.net_revenue, format),
    quantityColumn('units', t('column.units'), (row) => row.units, format),
    countColumn('receipts', t('column.receipts'), (row) => row.receipts, format),
  ];
  return <DataTable caption={caption} columns={columns} rows={rows} rowKey={(row) => row.code} />;
}

export function DepartmentsTable({ rows, caption }: TableProps<DepartmentRow>) {
  const { t, format } = useI18n();
  const columns: Column<DepartmentRow>[] = [
    textColumn('name', t('column.department'), (row) => row.name ?? t('department.none'), true),
    moneyColumn('net_revenue', t('column.net_revenue'), (row) => row.net_revenue, format),
    quantityColumn('units', t('column.units'), (row) => row.units, format),
    countColumn('receipts', t('column.receipts'), (row) => row.receipts, format),
  ];
  return (
    <DataTable caption={caption} columns={columns} rows={rows} rowKey={(row) => row.name ?? ''} />
  );
}

/** Returns a store's code, with its name when the export gave one that differs from the code. */
export function StoresTable({ rows, caption }: TableProps<StoreRow>) {
  const { t, format } = useI18n();
  const columns: Column<StoreRow>[] = [
    textColumn('store', t('column.store'), storeLabel, true),
    moneyColumn('net_revenue', t('column.net_revenue'), (row) => row.net_revenue, format),
    countColumn('receipts', t('column.receipts'), (row) => row.receipts, format),
    countColumn('customers', t('column.customers'), (row) => row.customers, format),
    moneyColumn('average', t('column.average_receipt'), (row) => row.average_receipt, format),
  ];
  return <DataTable caption={caption} columns={columns} rows={rows} rowKey={(row) => row.code} />;
}

export function PromotionsTable({ rows, caption }: TableProps<PromotionRow>) {
  const { t, format } = useI18n();
  const columns: Column<PromotionRow>[] = [
    textColumn('code', t('column.promotion'), (row) => row.code, true),
    moneyColumn('net_revenue', t('column.net_revenue'), (row) => row.net_revenue, format),
    moneyColumn('discount', t('column.discount'), (row) => row.discount, format),
    countColumn('receipts', t('column.receipts'), (row) => row.receipts, format),
  ];
  return <DataTable caption={caption} columns={columns} rows={rows} rowKey={(row) => row.code} />;
}
