import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';

import { useI18n } from '@/shared/i18n/i18n-context';
import { cardNumberProblem, compactCardNumber } from '@/shared/lib/ean13';
import {
  CloseRedemptionDialog,
  useRedemptionColumns,
  type RedemptionAction,
} from '@/shared/points/redemption-actions';
import { REDEMPTION_STATUSES, type Redemption, type RedemptionStatus } from '@/shared/points/types';
import type { Column } from '@/shared/ui/data-table';
import { PagedTable } from '@/shared/ui/paged-table';
import { Panel } from '@/shared/ui/panel';
import { TableSkeleton } from '@/shared/ui/skeleton';
import { TextField } from '@/shared/ui/text-field';

import { useRedemptions, type RedemptionSearch } from '../api/redemptions';

function SearchForm({
  search,
  onChange,
}: {
  search: RedemptionSearch;
  onChange: (search: RedemptionSearch) => void;
}) {
  const { t } = useI18n();
  const [voucher, setVoucher] = useState(search.voucher);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const digits = compactCardNumber(voucher);
    const found = digits === '' ? null : cardNumberProblem(digits);
    // Voucher codes are EAN-13 like the cards, but start with 99: only the form is checked here.
    const wrongForm = found !== null && found !== 'card_outside_chain';
    setProblem(wrongForm ? t('vouchers.codeInvalid') : null);
    if (!wrongForm) onChange({ ...search, voucher: digits, page: 1 });
  };
  return (
    <form className="filter-bar" onSubmit={submit} noValidate role="search">
      <TextField
        label={t('vouchers.code')}
        inputMode="numeric"
        autoComplete="off"
        placeholder="99xx xxxx xxxx x"
        value={voucher}
        error={problem}
        onChange={(event) => setVoucher(event.target.value)}
      />
      <label className="field">
        <span className="field__label">{t('member.status')}</span>
        <select
          value={search.status ?? ''}
          onChange={(event) =>
            onChange({
              ...search,
              status: event.target.value === '' ? null : (event.target.value as RedemptionStatus),
              page: 1,
            })
          }
        >
          <option value="">{t('filters.all')}</option>
          {REDEMPTION_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`redemptionStatus.${status}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="button">
        {t('members.search')}
      </button>
    </form>
  );
}

/** Renders the redemptions for the service desk: search by voucher code, mark used, cancel. */
export function VouchersAdmin() {
  const { t, tp } = useI18n();
  const [search, setSearch] = useState<RedemptionSearch>({ voucher: '', status: null, page: 1 });
  const redemptions = useRedemptions(search);
  const [action, setAction] = useState<RedemptionAction | null>(null);

  const memberColumn: Column<Redemption> = {
    id: 'member',
    header: t('vouchers.member'),
    cell: (row) => (
      <Link to={`/members/${row.member_id}`}>
        {t('vouchers.memberNumber', { id: row.member_id })}
      </Link>
    ),
  };
  const columns = useRedemptionColumns(setAction, [memberColumn]);

  return (
    <>
      <SearchForm search={search} onChange={setSearch} />
      <Panel
        title={t('vouchers.title')}
        subtitle={redemptions.data ? tp('vouchers.total', redemptions.data.total) : undefined}
        className="panel--wide"
        state={{
          isLoading: redemptions.isPending,
          error: redemptions.error,
          isEmpty: redemptions.data?.total === 0,
        }}
        emptyText={search.voucher ? t('vouchers.notFound') : t('vouchers.none')}
        skeleton={<TableSkeleton rows={5} columns={6} />}
        onRetry={() => void redemptions.refetch()}
      >
        {redemptions.data && (
          <PagedTable
            caption={t('vouchers.title')}
            columns={columns}
            page={redemptions.data}
            rowKey={(row) => String(row.id)}
            onPageChange={(page) => setSearch((current) => ({ ...current, page }))}
            busy={redemptions.isPlaceholderData}
          />
        )}
      </Panel>
      {action && <CloseRedemptionDialog action={action} onClose={() => setAction(null)} />}
    </>
  );
}
