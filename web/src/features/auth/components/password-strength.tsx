import { useI18n } from '@/shared/i18n/i18n-context';

import { MIN_PASSWORD_LENGTH, passwordStrength } from '../validation/password';

const LEVEL: Record<ReturnType<typeof passwordStrength>, number> = {
  too_short: 0,
  weak: 1,
  fair: 2,
  strong: 3,
};

/** Renders a three-step meter and one line of advice under a new password. */
export function PasswordStrengthHint({
  password,
  personal,
}: {
  password: string;
  personal: string[];
}) {
  const { t } = useI18n();
  if (password === '') {
    return <span>{t('password.rule', { min: MIN_PASSWORD_LENGTH })}</span>;
  }
  const strength = passwordStrength(password, personal);
  return (
    <span className="password-strength" data-strength={strength} aria-live="polite">
      <meter min={0} max={3} low={1.5} high={2.5} optimum={3} value={LEVEL[strength]} />
      <span>{t(`password.strength.${strength}`, { min: MIN_PASSWORD_LENGTH })}</span>
    </span>
  );
}
