import type { FieldError, FieldErrors, FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field } from '@/components/ui/Field';
import { MAX_PASSWORD, MIN_PASSWORD, useAccountErrorText } from './errors';

type Props<T extends FieldValues> = {
  form: UseFormReturn<T>;
  /** The form field of the new password. */
  name: Path<T>;
  label: string;
  /** Also ask for it again, in a field named `repeat`. */
  repeat?: boolean;
};

/** A new password (MIN_PASSWORD to MAX_PASSWORD characters), and optionally the same again. */
export function NewPasswordFields<T extends FieldValues>({ form, name, label, repeat = false }: Props<T>) {
  const { t } = useTranslation('account');
  const errorText = useAccountErrorText();
  const errors = form.formState.errors as FieldErrors;
  const message = (field: string) => (errors[field] as FieldError | undefined)?.message;
  return (
    <>
      <Field label={label} hint={t('fields.passwordHint')} error={message(name)} required>
        {(control) => (
          <input
            {...control}
            type="password"
            dir="ltr"
            autoComplete="new-password"
            {...form.register(name, {
              required: errorText.required,
              minLength: { value: MIN_PASSWORD, message: t('fieldErrors.passwordTooShort') },
              maxLength: { value: MAX_PASSWORD, message: t('fieldErrors.passwordTooLong') },
            })}
          />
        )}
      </Field>
      {repeat ? (
        <Field label={t('fields.repeatPassword')} error={message('repeat')} required>
          {(control) => (
            <input
              {...control}
              type="password"
              dir="ltr"
              autoComplete="new-password"
              {...form.register('repeat' as Path<T>, {
                validate: (value, values) => value === values[name] || t('fieldErrors.passwordsDiffer'),
              })}
            />
          )}
        </Field>
      ) : null}
    </>
  );
}
