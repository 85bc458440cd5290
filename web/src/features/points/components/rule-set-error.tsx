import { isApiError } from '@/shared/api/api-error';
import { useI18n } from '@/shared/i18n/i18n-context';
import { ErrorState } from '@/shared/ui/states';

/** A rejected rule set's problem: the JSON path of the value at fault and what is wrong with it. */
export interface RuleSetProblem {
  path: string;
  message: string;
}

// The server words a rule set error as "path: problem", such as
// "rules[2].weekdays: weekday 8 is out of range...".
const PATH_PREFIX = /^([A-Za-z_][\w]*(?:\[\d+\]|\.[A-Za-z_]\w*)*): (.+)$/s;

/**
 * Returns the path and problem of a 422 rule set rejection, or null for any other failure. The
 * path is the field the error names inside the document ("document.rules[0].weekdays"), else the
 * prefix of its message.
 */
export function ruleSetProblemOf(error: unknown): RuleSetProblem | null {
  if (!isApiError(error) || error.status !== 422) return null;
  const match = PATH_PREFIX.exec(error.message);
  const field = (error.field ?? error.parameter ?? '').replace(/^document\.?/, '');
  if (match) return { path: field || match[1]!, message: match[2]! };
  return { path: field, message: error.message };
}

/** Renders a failed save, activation or simulation; a rule set rejection names its path. */
export function RuleSetError({ error, title }: { error: unknown; title: string }) {
  const { t } = useI18n();
  const problem = ruleSetProblemOf(error);
  if (!problem) return <ErrorState error={error} title={title} />;
  return (
    <div className="state state--error" role="alert" data-rule-error-path={problem.path}>
      <p className="state__title">{t('rules.invalid')}</p>
      <p className="state__body">
        {problem.path && (
          <>
            <code>{problem.path}</code>:{' '}
          </>
        )}
        {problem.message}
      </p>
    </div>
  );
}
