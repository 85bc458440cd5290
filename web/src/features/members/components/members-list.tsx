import { Link, useLocation } from 'react-router';

import { useStores } from '@/shared/api/stores';
import { useAccount } from '@/shared/auth/use-session';
import { useI18n } from '@/shared/i18n/i18n-context';
import { groupCardNumber } from '@/shared/lib/ean13';
import { MemberStatusBadge } from '@/shared/loyalty/status-badge';
import { mainCard, type Member } from '@/shared/loyalty/types';
import type { Column, SortState } from '@/shared/ui/data-table';
import { ExportButtons } from '@/shared/ui/export-buttons';
import { PagedTable } from '@/shared/ui/paged-table';
import { Panel } from '@/shared/ui/panel';
import { TableSkeleton } from '@/shared/ui/skeleton';

import { exportMembers, useMembers } from '../api/members';
import { PAGE_SIZES, type MemberFilters, type MemberSort } from '../filters/member-filters';
import { useMemberFilters } from '../filters/use-member-filters';
import { MemberFilterBar } from './member-filter-bar';

/** The state a link to a member carries: the list's query, for the way back to the same list. */
export interface MemberLinkState {
  listSearch: string;
}

function useColumns(): Column<Member>[] {
  const { t, format } = useI18n();
  const { search } = useLocation();
  const linkState: MemberLinkState = { listSearch: search };
  const text = (value: string | null) => value || format.notAvailable();
  return [
    {
      id: 'last_name',
      header: t('member.lastName'),
      rowHeader: true,
      serverSortable: true,
      cell: (member) => (
        <Link to={`/members/${member.id}`} state={linkState}>
          {member.last_name}
        </Link>
      ),
    },
    {
      id: 'first_name',
      header: t('member.firstName'),
      serverSortable: true,
      cell: (m) => m.first_name,
    },
    {
      id: 'card_number',
      header: t('member.card'),
      serverSortable: true,
      cell: (member) => {
        const card = mainCard(member);
        return card ? (
          <span className="card-number">{groupCardNumber(card.number)}</span>
        ) : (
          text(null)
        );
      },
    },
    { id: 'email', header: t('member.email'), serverSortable: true, cell: (m) => text(m.email) },
    { id: 'phone', header: t('member.phone'), cell: (m) => text(m.phone) },
    { id: 'home_store', header: t('member.homeStore'), cell: (m) => text(m.home_store) },
    {
      id: 'signup_date',
      header: t('member.signupDate'),
      serverSortable: true,
      cell: (member) => format.date(member.signup_date, 'short'),
    },
    {
      id: 'status',
      header: t('member.status'),
      cell: (m) => <MemberStatusBadge status={m.status} />,
    },
  ];
}

function toSortState(filters: MemberFilters): SortState {
  return {
    columnId: filters.sort,
    direction: filters.order === 'asc' ? 'ascending' : 'descending',
  };
}

/**
 * Lists every member the user may see, 25 to 200 to a page, with search, filters, server-side
 * sort, the total count and CSV and Excel exports of the whole filtered list.
 */
export function MembersList() {
  const { t, tp } = useI18n();
  const account = useAccount();
  const allowed = account.role === 'store_admin' ? account.stores : null;
  const { filters, update, reset } = useMemberFilters(allowed);
  const stores = useStores();
  const members = useMembers(filters);
  const columns = useColumns();
  const title = t('members.title');
  const storeOptions = (stores.data ?? []).filter(
    (store) => !allowed || allowed.includes(store.code),
  );

  return (
    <div className="page">
      <header className="page__header">
        <div>
          <h1 className="page__title">{title}</h1>
          <p className="page__subtitle" aria-live="polite" data-testid="members-total">
            {members.data ? tp('members.total', members.data.total) : t('common.loading')}
          </p>
        </div>
        <ExportButtons subject={title} onExport={(format) => exportMembers(filters, format)} />
      </header>
      <MemberFilterBar filters={filters} stores={storeOptions} onChange={update} onReset={reset} />
      <Panel
        title={t('members.list')}
        actions={
          <label className="field field--inline">
            <span className="field__label">{t('members.pageSize')}</span>
            <select
              value={filters.pageSize}
              onChange={(event) => update({ pageSize: Number(event.target.value) })}
            >
              {[...new Set([...PAGE_SIZES, filters.pageSize])].map((size) => (
                <option key={size} value={size}>
                  {size}
                </option>
              ))}
            </select>
          </label>
        }
        state={{
          isLoading: members.isPending,
          error: members.error,
          isEmpty: members.data?.items.length === 0,
        }}
        skeleton={<TableSkeleton rows={10} columns={8} />}
        emptyText={t('members.none')}
        onRetry={() => void members.refetch()}
      >
        {members.data && (
          <PagedTable
            caption={title}
            columns={columns}
            page={members.data}
            rowKey={(member) => String(member.id)}
            sort={toSortState(filters)}
            onSortChange={(sort) =>
              update({
                sort: sort.columnId as MemberSort,
                order: sort.direction === 'ascending' ? 'asc' : 'desc',
              })
            }
            busy={members.isPlaceholderData}
            onPageChange={(page) => update({ page })}
          />
        )}
      </Panel>
    </div>
  );
}
