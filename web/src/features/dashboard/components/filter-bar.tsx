import { storeLabel, useStores } from '@/shared/api/stores';
import { useI18n } from '@/shared/i18n/i18n-context';
import { MultiSelect } from '@/shared/ui/multi-select';
import { Switch } from '@/shared/ui/switch';

import { useDepartments } from '../api/get-catalog';
import type { DashboardFilters } from '../filters/filter-state';
import { PERIOD_PRESETS, type DateRange, type Period } from '../filters/periods';
import { CustomRangeForm } from './custom-range-form';

interface FilterBarProps {
  filters: DashboardFilters;
  /** The days the filters cover now. */
  range: DateRange;
  onChange: (patch: Partial<DashboardFilters>) => void;
  onReset: () => void;
}

/** Period, stores, departments and the two toggles; every change goes to the page URL. */
export function FilterBar({ filters, range, onChange, onReset }: FilterBarProps) {
  const { t } = useI18n();
  const stores = useStores();
  const departments = useDepartments();
  const storeOptions = (stores.data ?? []).map((store) => ({
    value: store.code,
    label: storeLabel(store),
  }));
  const departmentOptions = (departments.data ?? []).map((department) => ({
    value: department.name,
    label: department.name,
  }));

  const changePeriod = (period: Period) => {
    if (period === 'custom') onChange({ period, custom: range });
    else onChange({ period, custom: null });
  };

  return (
    <section className="filter-bar" aria-label={t('filters.label')}>
      <label className="field">
        <span className="field__label">{t('filters.period')}</span>
        <select
          value={filters.period}
          onChange={(event) => changePeriod(event.target.value as Period)}
        >
          {PERIOD_PRESETS.map((preset) => (
            <option key={preset} value={preset}>
              {t(`period.${preset}`)}
            </option>
          ))}
          <option value="custom">{t('period.custom')}</option>
        </select>
      </label>
      {filters.period === 'custom' && (
        <CustomRangeForm range={range} onApply={(custom) => onChange({ custom })} />
      )}
      <MultiSelect
        label={t('filters.stores')}
        options={storeOptions}
        selected={filters.stores}
        onChange={(selected) => onChange({ stores: selected })}
        disabled={stores.isPending}
      />
      <MultiSelect
        label={t('filters.departments')}
        options={departmentOptions}
        selected={filters.departments}
        onChange={(selected) => onChange({ departments: selected })}
        disabled={departments.isPending}
      />
      <div className="filter-bar__toggles">
        <Switch
          label={t('filters.cardsOnly')}
          checked={filters.cardsOnly}
          onChange={(cardsOnly) => onChange({ cardsOnly })}
        />
        <Switch
          label={t('filters.promoOnly')}
          checked={filters.promoOnly}
          onChange={(promoOnly) => onChange({ promoOnly })}
        />
      </div>
      <button type="button" className="link-button filter-bar__reset" onClick={onReset}>
        {t('filters.reset')}
      </button>
    </section>
  );
}
