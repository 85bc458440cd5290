import { useState } from 'react';
import { Link, useLocation } from 'react-router';

import { isApiError } from '@/shared/api/api-error';
import { useStores } from '@/shared/api/stores';
import { useI18n } from '@/shared/i18n/i18n-context';
import { useDocumentTitle } from '@/shared/lib/use-document-title';
import { PurchaseSummaryView } from '@/shared/loyalty/purchase-summary';
import { MemberStatusBadge } from '@/shared/loyalty/status-badge';
import { fullName, type Member } from '@/shared/loyalty/types';
import { Panel } from '@/shared/ui/panel';
import { TableSkeleton } from '@/shared/ui/skeleton';
import { EmptyState, ErrorState } from '@/shared/ui/states';

import { useMember } from '../api/members';
import type { MemberDetail } from '../api/types';
import { MemberAudit } from './member-audit';
import { MemberCards } from './member-cards';
import { MemberEditForm } from './member-edit-form';
import { MemberPoints } from './member-points';
import type { MemberLinkState } from './members-list';

function ProfileDetails({ member }: { member: Member }) {
  const { t, format } = useI18n();
  const text = (value: string | null) => value || format.notAvailable();
  const rows: [string, string][] = [
    [t('member.firstName'), member.first_name],
    [t('member.lastName'), member.last_name],
    [t('member.email'), text(member.email)],
    [t('member.phone'), text(member.phone)],
    [t('member.birthDate'), format.date(member.birth_date || null)],
    [t('member.signupDate'), format.date(member.signup_date || null)],
    [t('member.homeStore'), text(member.home_store)],
  ];
  return (
    <dl className="details-list">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function ProfilePanel({ member }: { member: MemberDetail }) {
  const { t } = useI18n();
  const stores = useStores();
  const [editing, setEditing] = useState(false);
  return (
    <Panel
      title={t('member.profile')}
      state={{ isLoading: false, error: null }}
      skeleton={null}
      actions={
        !editing && (
          <button
            type="button"
            className="button button--small button--secondary"
            onClick={() => setEditing(true)}
          >
            {t('member.edit')}
          </button>
        )
      }
    >
      {editing ? (
        <MemberEditForm
          member={member}
          stores={stores.data ?? []}
          onDone={() => setEditing(false)}
        />
      ) : (
        <ProfileDetails member={member} />
      )}
    </Panel>
  );
}

function MemberPanels({ member }: { member: MemberDetail }) {
  const { t } = useI18n();
  const none = { isLoading: false, error: null };
  return (
    <div className="member-grid">
      <ProfilePanel member={member} />
      <Panel
        title={t('member.purchases')}
        subtitle={t('purchases.memberAllTime')}
        state={none}
        skeleton={null}
      >
        {member.purchases ? (
          <PurchaseSummaryView summary={member.purchases} />
        ) : (
          <p className="muted">{t('purchases.salesLoading')}</p>
        )}
      </Panel>
      <Panel
        title={t('cards.title')}
        className="panel--wide"
        state={{ ...none, isEmpty: member.cards.length === 0 }}
        skeleton={null}
      >
        <MemberCards memberId={member.id} cards={member.cards} />
      </Panel>
      <MemberPoints memberId={member.id} />
      <Panel
        title={t('audit.title')}
        className="panel--wide"
        state={{ ...none, isEmpty: member.audit.length === 0 }}
        emptyText={t('audit.none')}
        skeleton={null}
      >
        <MemberAudit entries={member.audit} />
      </Panel>
    </div>
  );
}

/**
 * Renders one member for an admin: profile and its edit form, purchases, cards, points and
 * history.
 */
export function MemberDetailView({ id }: { id: number }) {
  const { t } = useI18n();
  const member = useMember(id);
  const linkState = useLocation().state as MemberLinkState | null;
  const title = member.data ? fullName(member.data) : t('members.title');
  useDocumentTitle(title, t('app.name'));

  let body;
  if (member.isPending) {
    body = (
      <div aria-busy="true">
        <span className="visually-hidden">{t('common.loading')}</span>
        <TableSkeleton rows={6} columns={2} />
      </div>
    );
  } else if (isApiError(member.error) && member.error.status === 404) {
    body = <EmptyState title={t('member.notFound')} body={member.error.message} />;
  } else if (member.isError) {
    body = <ErrorState error={member.error} onRetry={() => void member.refetch()} />;
  } else {
    body = <MemberPanels member={member.data} />;
  }

  return (
    <div className="page">
      <header className="page__header">
        <div>
          <p className="page__meta">
            <Link to={`/members${linkState?.listSearch ?? ''}`}>← {t('member.back')}</Link>
          </p>
          <h1 className="page__title">{title}</h1>
        </div>
        {member.data && <MemberStatusBadge status={member.data.status} />}
      </header>
      {body}
    </div>
  );
}
