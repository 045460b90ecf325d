import { useTranslation } from 'react-i18next';
import type { FieldError, FieldErrors, FieldValues, Path, UseFormRegister } from 'react-hook-form';
import { Field } from './Field';

type Props<T extends FieldValues> = {
  /** The form path of a {fa, en} text, such as `title`. */
  name: string;
  label: string;
  register: UseFormRegister<T>;
  errors: FieldErrors<T>;
  multiline?: boolean;
  hint?: string;
  /** The whole text may be left out (notes, outcomes); the server still wants the Persian once either is given. */
  optional?: boolean;
};

function errorAt(errors: FieldErrors, path: string): string | undefined {
  const found = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], errors);
  return (found as FieldError | undefined)?.message;
}

/** A bilingual text of the API: Persian (required unless the whole text is optional) and English (optional). */
export function BilingualFields<T extends FieldValues>({ name, label, register, errors, multiline, hint, optional }: Props<T>) {
  const { t } = useTranslation();
  const Control = multiline ? 'textarea' : 'input';
  const persianLabel = `${label} (${t('fields.fa')})${optional ? ` ${t('fields.optional')}` : ''}`;
  return (
    <div className="bilingual">
      <Field label={persianLabel} error={errorAt(errors, `${name}.fa`) ?? errorAt(errors, name)} hint={hint ?? (optional ? t('fields.persianFirst') : undefined)} required={!optional}>
        {(control) => <Control {...control} dir="rtl" lang="fa" rows={multiline ? (optional ? 4 : 6) : undefined} {...register(`${name}.fa` as Path<T>)} />}
      </Field>
      <Field label={`${label} (${t('fields.en')}) ${t('fields.optional')}`} error={errorAt(errors, `${name}.en`)}>
        {(control) => <Control {...control} dir="ltr" lang="en" rows={multiline ? 4 : undefined} {...register(`${name}.en` as Path<T>)} />}
      </Field>
    </div>
  );
}
