import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { I18nProvider } from '@/shared/i18n/i18n-provider';

import { DataTable, sortRows, type Column } from './data-table';

interface Row {
  name: string;
  revenue: number | null;
}

const rows: Row[] = [
  { name: 'Bevande', revenue: 50 },
  { name: 'animali', revenue: null },
  { name: 'Ortofrutta', revenue: 200 },
  { name: 'Enoteca', revenue: -10 },
];

const columns: Column<Row>[] = [
  { id: 'name', header: 'Reparto', rowHeader: true, sortValue: (r) => r.name, cell: (r) => r.name },
  {
    id: 'revenue',
    header: 'Fatturato',
    numeric: true,
    sortValue: (r) => r.revenue,
    cell: (r) => String(r.revenue ?? 'n/d'),
  },
];

const collator = new Intl.Collator('it', { numeric: true });

describe('sortRows', () => {
  it('sorts numbers and keeps missing values last both ways', () => {
    const names = (list: Row[]) => list.map((row) => row.name);
    expect(names(sortRows(rows, (r) => r.revenue, 'descending', collator))).toEqual([
      'Ortofrutta',
      'Bevande',
      'Enoteca',
      'animali',
    ]);
    expect(names(sortRows(rows, (r) => r.revenue, 'ascending', collator))).toEqual([
      'Enoteca',
      'Bevande',
      'Ortofrutta',
      'animali',
    ]);
  });

  it('sorts text alphabetically regardless of case', () => {
    const names = sortRows(rows, (r) => r.name, 'ascending', collator).map((row) => row.name);
    expect(names).toEqual(['animali', 'Bevande', 'Enoteca', 'Ortofrutta']);
  });
});

describe('DataTable', () => {
  const firstColumn = () => screen.getAllByRole('rowheader').map((cell) => cell.textContent);

  it('keeps the server order until a header is clicked', async () => {
    render(
      <I18nProvider initialLanguage="it">
        <DataTable caption="Reparti" columns={columns} rows={rows} rowKey={(r) => r.name} />
      </I18nProvider>,
    );
    expect(firstColumn()).toEqual(['Bevande', 'animali', 'Ortofrutta', 'Enoteca']);

    const revenueHeader = screen.getByRole('columnheader', { name: /Fatturato/ });
    await userEvent.click(within(revenueHeader).getByRole('button'));
    expect(revenueHeader).toHaveAttribute('aria-sort', 'descending');
    expect(firstColumn()).toEqual(['Ortofrutta', 'Bevande', 'Enoteca', 'animali']);

    await userEvent.click(within(revenueHeader).getByRole('button'));
    expect(revenueHeader).toHaveAttribute('aria-sort', 'ascending');
    expect(firstColumn()).toEqual(['Enoteca', 'Bevande', 'Ortofrutta', 'animali']);
  });

  it('sorts from the keyboard', async () => {
    const user = userEvent.setup();
    render(
      <I18nProvider initialLanguage="it">
        <DataTable caption="Reparti" columns={columns} rows={rows} rowKey={(r) => r.name} />
      </I18nProvider>,
    );
    screen.getByRole('button', { name: /Reparto/ }).focus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('columnheader', { name: /Reparto/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    expect(firstColumn()[0]).toBe('animali');
  });
});
