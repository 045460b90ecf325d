import { useTranslation } from 'react-i18next';
import type { FieldError, FieldErrors, FieldValues, Path, UseFormRegister } from 'react-hook-form';
import { Field } from '@/components/ui/Field';
import { toBilingual } from '@/lib/i18n/text';

type Props<T extends FieldValues> = {
  name: string;
  label: string;
  register: UseFormRegister<T>;
  errors: FieldErrors<T>;
  multiline?: boolean;
};

function errorAt(errors: FieldErrors, path: string): string | undefined {
  const found = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], errors);
  return (found as FieldError | undefined)?.message;
}

/**
 * An optional bilingual text (a description, notes): both parts optional, though the server wants the Persian one
 * as soon as either is given. (The shared BilingualFields marks Persian as required.)
 */
export function OptionalBilingual<T extends FieldValues>({ name, label, register, errors, multiline }: Props<T>) {
  const { t } = useTranslation(['partnerships', 'common']);
  const Control = multiline ? 'textarea' : 'input';
  return (
    <div className="bilingual">
      <Field label={`${label} (${t('common:fields.fa')}) ${t('common:fields.optional')}`} hint={t('optionalText')} error={errorAt(errors, `${name}.fa`) ?? errorAt(errors, name)}>
        {(control) => <Control {...control} dir="rtl" lang="fa" rows={multiline ? 4 : undefined} {...register(`${name}.fa` as Path<T>)} />}
      </Field>
      <Field label={`${label} (${t('common:fields.en')}) ${t('common:fields.optional')}`} error={errorAt(errors, `${name}.en`)}>
        {(control) => <Control {...control} dir="ltr" lang="en" rows={multiline ? 4 : undefined} {...register(`${name}.en` as Path<T>)} />}
      </Field>
    </div>
  );
}

/** A form's {fa, en} text for the API: null when both parts are empty. */
export function optionalText(text: { fa?: string | null; en?: string | null } | undefined): { fa: string; en: string | null } | null {
  const fa = text?.fa?.trim() ?? '';
  const en = text?.en?.trim() ?? '';
  if (!fa && !en) return null;
  return toBilingual({ fa, en });
}

/** An API text for a form's fields. */
export function textValue(text: { fa: string; en?: string | null } | null | undefined): { fa: string; en: string } {
  return { fa: text?.fa ?? '', en: text?.en ?? '' };
}
