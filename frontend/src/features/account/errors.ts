// Field errors of the account forms in words: the server's codes the shared messages do not know yet, and the
// checks the forms make themselves.
import { useTranslation } from 'react-i18next';
import { useErrorText, type ErrorText } from '@/lib/api/messages';

type Known = 'invalid_email' | 'wrong_password' | 'invalid_password_token' | 'invalid_country';
const KNOWN: readonly string[] = ['invalid_email', 'wrong_password', 'invalid_password_token', 'invalid_country'] satisfies Known[];

/** The shared error text, with the account's own words for its codes; `too_short` means a password here. */
export function useAccountErrorText({ passwords = false }: { passwords?: boolean } = {}): ErrorText {
  const base = useErrorText();
  const { t } = useTranslation('account');
  return {
    ...base,
    field: (code, fallback) => {
      if (KNOWN.includes(code)) return t(`fieldErrors.${code as Known}`);
      if (passwords && code === 'too_short') return t('fieldErrors.passwordTooShort');
      return base.field(code, fallback);
    },
  };
}

export const MIN_PASSWORD = 10;
