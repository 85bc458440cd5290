import { useState } from 'react';

import { useI18n } from '@/shared/i18n/i18n-context';
import { cardNumberProblem, compactCardNumber, groupCardNumber } from '@/shared/lib/ean13';
import { CardStatusBadge } from '@/shared/loyalty/status-badge';
import type { MemberCard } from '@/shared/loyalty/types';
import { CardNumberField } from '@/shared/ui/card-number-field';
import { ConfirmDialog } from '@/shared/ui/confirm-dialog';
import { DataTable, type Column } from '@/shared/ui/data-table';
import { ErrorState } from '@/shared/ui/states';

import { useBlockCard, useReplaceCard } from '../api/members';

type Action = { kind: 'block' | 'replace'; card: MemberCard };

interface CardDialogProps {
  memberId: number;
  card: MemberCard;
  onClose: () => void;
}

function BlockDialog({ memberId, card, onClose }: CardDialogProps) {
  const { t } = useI18n();
  const block = useBlockCard(memberId);
  const number = groupCardNumber(card.number);
  return (
    <ConfirmDialog
      title={t('cards.block.title', { number })}
      confirmLabel={t('cards.block')}
      busy={block.isPending}
      onCancel={onClose}
      onConfirm={() => block.mutate(card.number, { onSuccess: onClose })}
    >
      <p>{t('cards.block.body')}</p>
      {block.isError && <ErrorState error={block.error} />}
    </ConfirmDialog>
  );
}

function ReplaceDialog({ memberId, card, onClose }: CardDialogProps) {
  const { t } = useI18n();
  const replace = useReplaceCard(memberId);
  const [newNumber, setNewNumber] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const confirm = () => {
    const digits = compactCardNumber(newNumber);
    const problem = digits === '' ? null : cardNumberProblem(digits);
    if (problem) {
      setInvalid(t(`cardNumber.${problem}`));
      return;
    }
    replace.mutate({ number: card.number, newNumber: digits }, { onSuccess: onClose });
  };
  return (
    <ConfirmDialog
      title={t('cards.replace.title', { number: groupCardNumber(card.number) })}
      confirmLabel={t('cards.replace')}
      busy={replace.isPending}
      onCancel={onClose}
      onConfirm={confirm}
    >
      <p>{t('cards.replace.body')}</p>
      <CardNumberField
        label={t('cards.replace.newNumber')}
        help={t('cards.replace.newNumber.help')}
        value={newNumber}
        error={invalid}
        onChange={(value) => {
          setNewNumber(value);
          setInvalid(null);
        }}
      />
      {replace.isError && <ErrorState error={replace.error} />}
    </ConfirmDialog>
  );
}

/** Renders the member's cards with their status, and the buttons that block or replace one. */
export function MemberCards({ memberId, cards }: { memberId: number; cards: MemberCard[] }) {
  const { t, format } = useI18n();
  const [action, setAction] = useState<Action | null>(null);
  const columns: Column<MemberCard>[] = [
    {
      id: 'number',
      header: t('member.card'),
      rowHeader: true,
      cell: (card) => <span className="card-number">{groupCardNumber(card.number)}</span>,
    },
    {
      id: 'status',
      header: t('member.status'),
      cell: (card) => <CardStatusBadge status={card.status} />,
    },
    { id: 'issued', header: t('cards.issuedAt'), cell: (card) => format.dateTime(card.issued_at) },
    {
      id: 'changed',
      header: t('cards.statusChangedAt'),
      cell: (card) => format.dateTime(card.status_changed_at),
    },
    {
      id: 'replaced_by',
      header: t('cards.replacedBy'),
      cell: (card) => (card.replaced_by ? groupCardNumber(card.replaced_by) : ''),
    },
    {
      id: 'actions',
      header: t('cards.actions'),
      cell: (card) => (
        <span className="row-actions">
          {(card.status === 'active' || card.status === 'issued') && (
            <button
              type="button"
              className="button button--small button--secondary"
              onClick={() => setAction({ kind: 'block', card })}
            >
              {t('cards.block')}
            </button>
          )}
          {(card.status === 'active' || card.status === 'blocked') && (
            <button
              type="button"
              className="button button--small button--secondary"
              onClick={() => setAction({ kind: 'replace', card })}
            >
              {t('cards.replace')}
            </button>
          )}
        </span>
      ),
    },
  ];
  const close = () => setAction(null);
  return (
    <>
      <DataTable
        caption={t('cards.title')}
        columns={columns}
        rows={cards}
        rowKey={(card) => card.number}
      />
      {action?.kind === 'block' && (
        <BlockDialog memberId={memberId} card={action.card} onClose={close} />
      )}
      {action?.kind === 'replace' && (
        <ReplaceDialog memberId={memberId} card={action.card} onClose={close} />
      )}
    </>
  );
}
