import { describe, expect, it } from 'vitest';

import { ApiError } from '@/shared/api/api-error';
import { bindFormat } from '@/shared/format/bound-format';
import { pointsSummary, ruleSetVersion } from '@/testing/points-fixtures';

import { bucketLabel } from './points-histogram-chart';
import { buildFlowsOption, periodLabel } from './points-flows-chart';
import { defaultSummaryPeriod } from './points-overview';
import { formValuesOf, rewardInputOf } from './reward-form';
import { ruleSetProblemOf } from './rule-set-error';
import { defaultVersion } from './rule-sets-page';

const italian = bindFormat('it');

function rejection(message: string, field?: string, status = 422) {
  return new ApiError({ status, code: 'invalid_rule_set', message, field });
}

describe('ruleSetProblemOf', () => {
  it('reads the path before the colon', () => {
    expect(ruleSetProblemOf(rejection('seasons[1].end: "2026-01-01" is before the start'))).toEqual(
      {
        path: 'seasons[1].end',
        message: '"2026-01-01" is before the start',
      },
    );
  });

  it('prefers a field inside the document', () => {
    expect(ruleSetProblemOf(rejection('bad value', 'document.tiers.levels[0]'))).toEqual({
      path: 'tiers.levels[0]',
      message: 'bad value',
    });
  });

  it('keeps a message without a path whole', () => {
    expect(ruleSetProblemOf(rejection('expected a JSON object {...}, got [].'))).toEqual({
      path: '',
      message: 'expected a JSON object {...}, got [].',
    });
  });

  it('ignores failures other than 422', () => {
    expect(ruleSetProblemOf(rejection('rules: busy', undefined, 503))).toBeNull();
    expect(ruleSetProblemOf(new Error('rules: x'))).toBeNull();
  });
});

describe('defaultVersion', () => {
  it('opens the newest active version', () => {
    const versions = [
      ruleSetVersion({ version: 1, status: 'active' }),
      ruleSetVersion({ version: 2, status: 'active' }),
      ruleSetVersion({ version: 3, status: 'draft' }),
    ];
    expect(defaultVersion(versions)).toBe(2);
  });

  it('falls back to the newest draft, or none', () => {
    expect(defaultVersion([ruleSetVersion({ version: 5, status: 'draft' })])).toBe(5);
    expect(defaultVersion([])).toBeNull();
  });
});

describe('defaultSummaryPeriod', () => {
  it('covers 12 calendar months up to today', () => {
    expect(defaultSummaryPeriod('2026-12-04')).toEqual({ from: '2026-01-01', to: '2026-12-04' });
    expect(defaultSummaryPeriod('2026-03-31')).toEqual({ from: '2025-04-01', to: '2026-03-31' });
  });
});

describe('flows chart option', () => {
  it('labels months and days', () => {
    expect(periodLabel('2026-11', italian)).toBe('nov 2026');
    expect(periodLabel('2026-11-03', italian)).toBe('3 nov');
  });

  it('draws one bar series per flow in order', () => {
    const names = { issued: 'E', redeemed: 'R', expired: 'S', reversed: 'T' };
    const option = buildFlowsOption(pointsSummary.flows.rows, names, italian);
    const series = option.series as { name: string; data: number[] }[];
    expect(series.map((item) => item.name)).toEqual(['E', 'R', 'S', 'T']);
    expect(series[0]!.data).toEqual([210500, 198300]);
    expect(series[3]!.data).toEqual([1200, 950]);
  });

  it('labels histogram buckets', () => {
    expect(bucketLabel({ from: 100, to: 1999, members: 3 }, italian)).toBe('100–1.999');
    expect(bucketLabel({ from: 0, to: 0, members: 3 }, italian)).toBe('0');
  });
});

describe('reward form', () => {
  it('sends empty optional fields as null and euros with two decimals', () => {
    const values = { ...formValuesOf(null), name: ' Borraccia ', points_cost: '150', copay: '2,5' };
    expect(rewardInputOf(values)).toMatchObject({
      name: 'Borraccia',
      points_cost: 150,
      copay: '2.50',
      stock: null,
      per_member_limit: null,
      valid_from: null,
      image_url: null,
      active: true,
    });
  });

  it('reads a reward back into the same input', () => {
    const reward = {
      id: 3,
      name: 'Tazza',
      description: 'Ceramica',
      image_url: null,
      category: 'Casa',
      points_cost: 400,
      copay: '2.50',
      stock: 0,
      per_member_limit: 2,
      valid_from: '2026-01-01',
      valid_to: null,
      active: false,
    };
    const { id, ...input } = reward;
    expect(id).toBe(3);
    expect(rewardInputOf(formValuesOf(reward))).toEqual(input);
  });
});
