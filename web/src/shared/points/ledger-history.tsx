import { useId, useState } from 'react';

import { useI18n } from '@/shared/i18n/i18n-context';
import type { MessageKey } from '@/shared/i18n/translate';
import type { Column } from '@/shared/ui/data-table';
import { PagedTable } from '@/shared/ui/paged-table';
import { Panel } from '@/shared/ui/panel';
import { TableSkeleton } from '@/shared/ui/skeleton';

import { useLedgerPage, type PointsOwner } from './api';
import { LEDGER_KINDS, type LedgerEntry, type LedgerKind } from './types';

const SOURCE_LABELS: Record<string, MessageKey> = {
  receipt: 'ledger.source.receipt',
  return: 'ledger.source.return',
  reward: 'ledger.source.reward',
  import: 'ledger.source.import',
};

/** Returns a function that describes where an entry came from: the receipt, the reward, the reason. */
function useEntryDetails(): (entry: LedgerEntry) => string {
  const { t } = useI18n();
  return (entry) => {
    const label = SOURCE_LABELS[entry.source_type];
    const source = label && entry.source_ref ? t(label, { ref: entry.source_ref }) : '';
    return [source, entry.reason].filter(Boolean).join(' · ');
  };
}

/** Renders signed points: +120 for a credit, −40 for a debit. */
export function SignedPoints({ points }: { points: number }) {
  const { format } = useI18n();
  const text = points > 0 ? `+${format.integer(points)}` : `−${format.integer(-points)}`;
  return <span className={points < 0 ? 'tone--bad' : 'tone--good'}>{text}</span>;
}

/**
 * Renders the ledger of `owner` one page at a time, newest first, with its kinds in words and a
 * filter by kind.
 */
export function LedgerHistory({ owner, title }: { owner: PointsOwner; title: string }) {
  const { t, format } = useI18n();
  const filterId = useId();
  const [page, setPage] = useState(1);
  const [kind, setKind] = useState<LedgerKind | null>(null);
  const ledger = useLedgerPage(owner, page, kind);
  const details = useEntryDetails();

  const columns: Column<LedgerEntry>[] = [
    { id: 'at', header: t('ledger.at'), cell: (entry) => format.dateTime(entry.at) },
    {
      id: 'kind',
      header: t('ledger.kind'),
      rowHeader: true,
      cell: (entry) => <span data-ledger-kind={entry.kind}>{t(`ledgerKind.${entry.kind}`)}</span>,
    },
    {
      id: 'points',
      header: t('ledger.points'),
      numeric: true,
      cell: (entry) => <SignedPoints points={entry.points} />,
    },
    { id: 'details', header: t('ledger.details'), cell: details },
    {
      id: 'expires_on',
      header: t('ledger.expiresOn'),
      cell: (entry) => (entry.expires_on ? format.date(entry.expires_on) : ''),
    },
  ];

  const filter = (
    <label className="field field--inline" htmlFor={filterId}>
      <span className="field__label">{t('ledger.filter')}</span>
      <select
        id={filterId}
        value={kind ?? ''}
        onChange={(event) => {
          setKind(event.target.value === '' ? null : (event.target.value as LedgerKind));
          setPage(1);
        }}
      >
        <option value="">{t('ledger.allKinds')}</option>
        {LEDGER_KINDS.map((option) => (
          <option key={option} value={option}>
            {t(`ledgerKind.${option}`)}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <Panel
      title={title}
      className="panel--wide"
      actions={filter}
      state={{
        isLoading: ledger.isPending,
        error: ledger.error,
        isEmpty: ledger.data?.total === 0,
      }}
      emptyText={t('ledger.empty')}
      skeleton={<TableSkeleton rows={5} columns={5} />}
      onRetry={() => void ledger.refetch()}
    >
      {ledger.data && (
        <PagedTable
          caption={title}
          columns={columns}
          page={ledger.data}
          rowKey={(entry) => String(entry.id)}
          onPageChange={setPage}
          busy={ledger.isPlaceholderData}
        />
      )}
    </Panel>
  );
}
