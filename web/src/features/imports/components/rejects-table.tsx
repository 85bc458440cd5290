import { useState } from 'react';

import { useI18n } from '@/shared/i18n/i18n-context';
import type { Column } from '@/shared/ui/data-table';
import { PagedTable } from '@/shared/ui/paged-table';
import { Panel } from '@/shared/ui/panel';
import { TableSkeleton } from '@/shared/ui/skeleton';

import { useRejects } from '../api/get-imports';
import type { RejectedRow } from '../api/types';

const PAGE_SIZE = 50;

/** Renders the rows an import did not store, a page at a time: line, column, value, reason. */
export function RejectsTable({ importId, rejected }: { importId: number; rejected: number }) {
  const { t, tp, format } = useI18n();
  const [page, setPage] = useState(1);
  const query = useRejects(importId, page, PAGE_SIZE, rejected > 0);
  const title = t('rejects.title');

  const columns: Column<RejectedRow>[] = [
    {
      id: 'line',
      header: t('rejects.line'),
      numeric: true,
      cell: (row) => (row.line > 0 ? format.integer(row.line) : format.notAvailable()),
    },
    { id: 'column', header: t('rejects.column'), cell: (row) => row.column },
    { id: 'value', header: t('rejects.value'), cell: (row) => <code>{row.value}</code> },
    { id: 'reason', header: t('rejects.reason'), cell: (row) => row.reason },
  ];

  const state = {
    isLoading: rejected > 0 && query.isPending,
    error: query.error,
    isEmpty: rejected === 0 || query.data?.items.length === 0,
  };
  return (
    <Panel
      title={title}
      subtitle={query.data && tp('common.rows', query.data.total)}
      state={state}
      skeleton={<TableSkeleton rows={5} columns={4} />}
      emptyText={t('rejects.none')}
      onRetry={() => void query.refetch()}
    >
      {query.data && (
        <PagedTable
          caption={title}
          columns={columns}
          page={query.data}
          rowKey={(row, index) => `${row.line}-${row.column}-${index}`}
          onPageChange={setPage}
        />
      )}
    </Panel>
  );
}
