import { useState } from 'react';
import { Link } from 'react-router';

import { useI18n } from '@/shared/i18n/i18n-context';
import type { Column } from '@/shared/ui/data-table';
import { PagedTable } from '@/shared/ui/paged-table';
import { Panel } from '@/shared/ui/panel';
import { TableSkeleton } from '@/shared/ui/skeleton';

import { useImports } from '../api/get-imports';
import type { ImportRecord } from '../api/types';
import { StatusBadge } from './status-badge';

const PAGE_SIZE = 20;

/** Past imports, newest first, each linking to its page. */
export function ImportHistory() {
  const { t, format } = useI18n();
  const [page, setPage] = useState(1);
  const query = useImports(page, PAGE_SIZE);
  const title = t('imports.history');
  const count = (id: string, header: string, value: (row: ImportRecord) => number) => ({
    id,
    header,
    numeric: true,
    cell: (row: ImportRecord) => format.integer(value(row)),
  });

  const columns: Column<ImportRecord>[] = [
    { id: 'id', header: t('imports.column.id'), numeric: true, cell: (row) => row.id },
    {
      id: 'file',
      header: t('imports.column.file'),
      rowHeader: true,
      cell: (row) => <Link to={`/imports/${row.id}`}>{row.source_name}</Link>,
    },
    { id: 'started', header: t('imports.started'), cell: (row) => format.dateTime(row.started_at) },
    { id: 'status', header: t('imports.status'), cell: (row) => <StatusBadge record={row} /> },
    count('lines_read', t('imports.linesRead'), (row) => row.lines_read),
    count('imported', t('imports.imported'), (row) => row.imported),
    count('duplicates', t('imports.duplicates'), (row) => row.duplicates),
    count('rejected', t('imports.rejected'), (row) => row.rejected),
  ];

  return (
    <Panel
      title={title}
      state={{
        isLoading: query.isPending,
        error: query.error,
        isEmpty: query.data?.items.length === 0 && page === 1,
      }}
      skeleton={<TableSkeleton rows={5} columns={8} />}
      emptyText={t('imports.history.none')}
      onRetry={() => void query.refetch()}
    >
      {query.data && (
        <PagedTable
          caption={title}
          columns={columns}
          page={query.data}
          rowKey={(row) => String(row.id)}
          onPageChange={setPage}
        />
      )}
    </Panel>
  );
}
