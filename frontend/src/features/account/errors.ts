// Field errors of the account forms in words: the server's codes the shared messages do not know yet, and the
// checks the forms make themselves.
import { useTranslation } from 'react-i18next';
import { useErrorText, type ErrorText } from '@/lib/api/messages';

type Known = 'invalid_email' | 'wrong_password' | 'wrong_code' | 'invalid_password_token' | 'invalid_country';
const KNOWN: readonly string[] = ['invalid_email', 'wrong_password', 'wrong_code', 'invalid_password_token', 'invalid_country'] satisfies Known[];

/**
 * The shared error text, with the account's own words for its codes. On the form's new password (`passwordField`,
 * its form path) `too_short` and `too_long` speak of the password's length limits; elsewhere (a display name) they
 * keep their general words.
 */
export function useAccountErrorText({ passwordField }: { passwordField?: string } = {}): ErrorText {
  const base = useErrorText();
  const { t } = useTranslation('account');
  return {
    ...base,
    field: (code, fallback, path) => {
      if (KNOWN.includes(code)) return t(`fieldErrors.${code as Known}`);
      if (passwordField !== undefined && path === passwordField) {
        if (code === 'too_short') return t('fieldErrors.passwordTooShort');
        if (code === 'too_long') return t('fieldErrors.passwordTooLong');
      }
      return base.field(code, fallback, path);
    },
  };
}

/**
 * A new password's length limits, as the server checks them. It also refuses the most common passwords and ones
 * made from the account's own e-mail or name (`too_common`, `contains_personal_data`), which only it can tell.
 */
export const MIN_PASSWORD = 12;
export const MAX_PASSWORD = 128;
