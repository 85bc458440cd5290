import { useI18n } from '@/shared/i18n/i18n-context';
import { DataTable, type Column } from '@/shared/ui/data-table';

import type { AuditEntry } from '../api/types';
import { describeAuditDetails } from './audit-details';

/** Renders the latest audit entries about the member, newest first. */
export function MemberAudit({ entries }: { entries: AuditEntry[] }) {
  const { t, format } = useI18n();
  const actorOf = (entry: AuditEntry) =>
    entry.actor ||
    (entry.actor_account_id !== null
      ? t('audit.account', { role: entry.actor_role, id: entry.actor_account_id })
      : entry.actor_role);
  const columns: Column<AuditEntry>[] = [
    { id: 'at', header: t('audit.at'), cell: (entry) => format.dateTime(entry.at) },
    { id: 'actor', header: t('audit.actor'), cell: actorOf },
    {
      id: 'action',
      header: t('audit.action'),
      rowHeader: true,
      cell: (entry) => <code>{entry.action}</code>,
    },
    {
      id: 'details',
      header: t('audit.details'),
      cell: (entry) => (
        <ul className="audit-details">
          {describeAuditDetails(entry.details).map((line, index) => (
            <li key={index}>{line}</li>
          ))}
        </ul>
      ),
    },
  ];
  return (
    <DataTable
      caption={t('audit.title')}
      columns={columns}
      rows={entries}
      rowKey={(entry) => String(entry.id)}
    />
  );
}
