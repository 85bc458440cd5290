import { useState, type FormEvent } from 'react';

import { isApiError } from '@/shared/api/api-error';
import { useI18n } from '@/shared/i18n/i18n-context';
import { isIsoDate } from '@/shared/lib/calendar-date';
import { useFormFields, type FieldProblems } from '@/shared/lib/use-form-fields';
import { usePointsView } from '@/shared/points/api';
import { LedgerHistory } from '@/shared/points/ledger-history';
import { PointsBalance, PointsBalanceSkeleton } from '@/shared/points/points-balance';
import { Panel } from '@/shared/ui/panel';
import { ErrorState } from '@/shared/ui/states';
import { TextField } from '@/shared/ui/text-field';

import { useAdjustPoints } from '../api/points';
import { DeskRedemption, MemberRedemptions } from './member-redemptions';

type Field = 'points' | 'reason' | 'expires_on';
type Problems = FieldProblems<Record<Field, string>>;

const SIGNED_WHOLE_NUMBER = /^[+-]?\d+$/;
const FIELDS: readonly string[] = ['points', 'reason', 'expires_on'];

/** Returns the form field a 4xx names, in the error's `field` or `parameter`; null for none. */
function rejectedFieldOf(error: unknown): Field | null {
  if (!isApiError(error) || error.status >= 500) return null;
  const field = error.field ?? error.parameter;
  return field !== undefined && FIELDS.includes(field) ? (field as Field) : null;
}

/** Credits or debits a member's points with a required reason; the server audits it. */
function AdjustmentForm({ memberId }: { memberId: number }) {
  const { t, format } = useI18n();
  const adjust = useAdjustPoints(memberId);
  const form = useFormFields<Record<Field, string>>(() => ({
    points: '',
    reason: '',
    expires_on: '',
  }));
  const { values, setValues, problems } = form;
  const [done, setDone] = useState<number | null>(null);

  const set = (field: Field, value: string) => {
    form.set(field, value);
    setDone(null);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Problems = {};
    const points = values.points.trim();
    if (!SIGNED_WHOLE_NUMBER.test(points) || Number(points) === 0) {
      found.points = t('adjust.error.points');
    }
    if (values.reason.trim() === '') found.reason = t('adjust.error.reason');
    if (values.expires_on !== '' && !isIsoDate(values.expires_on)) {
      found.expires_on = t('member.birthDate.invalid');
    } else if (values.expires_on !== '' && Number(points) < 0) {
      found.expires_on = t('adjust.error.expiryOnDebit');
    }
    if (!form.check(found)) return;
    const amount = Number(points);
    adjust.mutate(
      {
        points: amount,
        reason: values.reason.trim(),
        ...(values.expires_on ? { expires_on: values.expires_on } : {}),
      },
      {
        onSuccess: () => {
          setValues({ points: '', reason: '', expires_on: '' });
          setDone(amount);
        },
        onError: (error) => {
          const field = rejectedFieldOf(error);
          if (field) form.showRejection({ field, message: error.message });
        },
      },
    );
  };

  const shownOnField = adjust.isError && rejectedFieldOf(adjust.error) !== null;
  return (
    <form className="member-edit" onSubmit={submit} noValidate aria-label={t('adjust.title')}>
      <h3 className="panel__title">{t('adjust.title')}</h3>
      <div className="form-section--columns">
        <TextField
          label={t('adjust.points')}
          help={t('adjust.points.help')}
          inputMode="numeric"
          value={values.points}
          error={problems.points}
          onChange={(event) => set('points', event.target.value)}
        />
        <TextField
          label={t('adjust.reason')}
          required
          maxLength={500}
          value={values.reason}
          error={problems.reason}
          onChange={(event) => set('reason', event.target.value)}
        />
        <TextField
          label={t('adjust.expiresOn')}
          help={t('adjust.expiresOn.help')}
          type="date"
          value={values.expires_on}
          error={problems.expires_on}
          onChange={(event) => set('expires_on', event.target.value)}
        />
      </div>
      {adjust.isError && !shownOnField && (
        <ErrorState error={adjust.error} title={t('adjust.failed')} />
      )}
      {done !== null && (
        <p className="notice" role="status">
          {t('adjust.done', { points: `${done > 0 ? '+' : ''}${format.integer(done)}` })}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button" disabled={adjust.isPending}>
          {t('adjust.submit')}
        </button>
      </div>
    </form>
  );
}

/**
 * Renders a member's points for an admin: balance and tier, the adjustment form, the desk
 * redemption, the member's vouchers and the ledger.
 */
export function MemberPoints({ memberId }: { memberId: number }) {
  const { t } = useI18n();
  const view = usePointsView(memberId);
  return (
    <>
      <Panel
        title={t('points.title')}
        className="panel--wide"
        state={{ isLoading: view.isPending, error: view.error }}
        skeleton={<PointsBalanceSkeleton />}
        onRetry={() => void view.refetch()}
      >
        {view.data && <PointsBalance view={view.data} />}
        <AdjustmentForm memberId={memberId} />
        <DeskRedemption memberId={memberId} balance={view.data?.balance ?? null} />
      </Panel>
      <MemberRedemptions memberId={memberId} />
      <LedgerHistory owner={memberId} title={t('ledger.title')} />
    </>
  );
}
