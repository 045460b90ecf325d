// Turning API problems into words in the reader's language.
import { useTranslation } from 'react-i18next';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { formatNumber } from '@/lib/format/numbers';
import { useLocale } from '@/lib/i18n/useLocale';
import { ApiProblem } from './problem';

export type ErrorText = {
  /** The message for any error a request can end with. */
  problem: (error: unknown) => string;
  /** The message for one field error (at the form path `path`): ours when we know its code, else the server's. */
  field: (code: string, fallback: string, path?: string) => string;
  /** "Fill in this field", for the form's own required checks. */
  required: string;
};

/**
 * "Try again in 2 minutes.": how long a 429 or 503 said to wait (Retry-After, in seconds), in words; "Try again
 * later." when it did not say.
 */
export function useRetryText(): (seconds: number | undefined) => string {
  const { t } = useTranslation('errors');
  const { locale } = useLocale();
  return (seconds) => {
    if (seconds === undefined) return t('wait.later');
    const minutes = Math.ceil(seconds / 60);
    const count = seconds < 60 ? seconds : minutes;
    const n = formatNumber(count, locale);
    return t('wait.again', { wait: seconds < 60 ? t('wait.seconds', { count, n }) : t('wait.minutes', { count, n }) });
  };
}

export function useErrorText(): ErrorText {
  const { t } = useTranslation('errors');
  const wait = useRetryText();
  return {
    problem: (error) => {
      if (!(error instanceof ApiProblem)) return t('internal_error');
      const message = t(error.code);
      // A 429 or 503 that said how long to wait: say it too.
      return error.retryAfter !== undefined && (error.status === 429 || error.status === 503) ? `${message} ${wait(error.retryAfter)}` : message;
    },
    field: (code, fallback) => t(`field.${code}` as 'field.invalid', { defaultValue: fallback }),
    required: t('field.required'),
  };
}

/**
 * Shows a 422 answer's field errors next to their fields. Returns true when at least one field took an error, so
 * the caller knows whether a summary alone would hide something.
 */
export function applyFieldErrors<T extends FieldValues>(text: ErrorText, error: unknown, setError: UseFormSetError<T>): boolean {
  if (!(error instanceof ApiProblem)) return false;
  const fields = Object.entries(error.fieldErrors);
  for (const [path, field] of fields) {
    setError(path as Path<T>, { type: field.code, message: text.field(field.code, field.message, path) });
  }
  return fields.length > 0;
}
