import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type ControlProps = {
  id: string;
  'aria-invalid': boolean | undefined;
  'aria-describedby': string | undefined;
  'aria-required': boolean | undefined;
};

type Props = {
  label: ReactNode;
  /** The message of a field error, shown in place. */
  error?: string | undefined;
  hint?: ReactNode;
  required?: boolean;
  children: (control: ControlProps) => ReactNode;
};

/** A labelled form control with its hint and error tied to it for assistive technology. */
export function Field({ label, error, hint, required, children }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id} className="field__label">
        {label}
        {required ? <span className="field__required"> {t('fields.required')}</span> : null}
      </label>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy, 'aria-required': required || undefined })}
      {error ? (
        <p id={errorId} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
