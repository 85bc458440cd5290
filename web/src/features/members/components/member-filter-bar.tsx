import { storeLabel, type Store } from '@/shared/api/stores';
import { useI18n } from '@/shared/i18n/i18n-context';
import { MEMBER_STATUSES, type MemberStatus } from '@/shared/loyalty/types';
import { MultiSelect } from '@/shared/ui/multi-select';

import type { MemberFilters } from '../filters/member-filters';
import { MemberSearchBox } from './member-search-box';

interface MemberFilterBarProps {
  filters: MemberFilters;
  /** The stores the user may filter by: all of them, or a store admin's own. */
  stores: Store[];
  onChange: (patch: Partial<MemberFilters>, options?: { replace?: boolean }) => void;
  onReset: () => void;
}

/** Search, home store, sign-up period and status of the members list. */
export function MemberFilterBar({ filters, stores, onChange, onReset }: MemberFilterBarProps) {
  const { t } = useI18n();
  const storeOptions = stores.map((store) => ({ value: store.code, label: storeLabel(store) }));
  return (
    <section className="filter-bar" aria-label={t('filters.label')}>
      <MemberSearchBox value={filters.q} onSearch={(q) => onChange({ q }, { replace: true })} />
      <MultiSelect
        label={t('filters.stores')}
        options={storeOptions}
        selected={filters.stores}
        onChange={(selected) => onChange({ stores: selected })}
      />
      <label className="field">
        <span className="field__label">{t('members.signupFrom')}</span>
        <input
          type="date"
          value={filters.signupFrom}
          max={filters.signupTo || undefined}
          onChange={(event) => onChange({ signupFrom: event.target.value })}
        />
      </label>
      <label className="field">
        <span className="field__label">{t('members.signupTo')}</span>
        <input
          type="date"
          value={filters.signupTo}
          min={filters.signupFrom || undefined}
          onChange={(event) => onChange({ signupTo: event.target.value })}
        />
      </label>
      <label className="field">
        <span className="field__label">{t('members.status')}</span>
        <select
          value={filters.status ?? ''}
          onChange={(event) =>
            onChange({ status: (event.target.value || null) as MemberStatus | null })
          }
        >
          <option value="">{t('filters.all')}</option>
          {MEMBER_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`memberStatus.${status}`)}
            </option>
          ))}
        </select>
      </label>
      <div className="filter-bar__reset">
        <button type="button" className="link-button" onClick={onReset}>
          {t('filters.reset')}
        </button>
      </div>
    </section>
  );
}
