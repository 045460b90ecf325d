import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { applyFieldErrors, useErrorText } from '@/lib/api/messages';
import type { Schema } from '@/lib/api/types';

type Reason = Schema<'ScreeningReason'>;
export const REASONS: Reason[] = ['out_of_scope', 'incomplete', 'duplicate', 'not_feasible', 'outside_policy_framework', 'other'];

export type ReasonValues = { reason: Reason | ''; note: string };
export type ChosenReason = { reason: Reason; note: string | null };

type Props = {
  /** The label of the reason's select. */
  reasonLabel: string;
  submitLabel: string;
  variant?: 'danger' | 'secondary' | 'primary';
  busy: boolean;
  /** Sends the choice; `showErrors` puts a refusal's field errors (`/reason`, `/note`) in place. */
  onSubmit: (chosen: ChosenReason, showErrors: (error: Error) => void) => void;
};

/** A screening reason with staff's note (required with `other`), for rejecting or reopening. */
export function ReasonForm({ reasonLabel, submitLabel, variant = 'danger', busy, onSubmit }: Props) {
  const { t } = useTranslation(['screening', 'enums']);
  const errorText = useErrorText();
  const form = useForm<ReasonValues>({ defaultValues: { reason: '', note: '' } });
  const { register, handleSubmit, formState, setError } = form;
  return (
    <form
      className="form"
      noValidate
      onSubmit={handleSubmit(({ reason, note }) => {
        if (!reason) return;
        onSubmit({ reason, note: note.trim() || null }, (error) => applyFieldErrors(errorText, error, setError));
      })}
    >
      <div className="grid">
        <Field label={reasonLabel} error={formState.errors.reason?.message} required>
          {(props) => (
            <select {...props} {...register('reason', { required: errorText.required })}>
              <option value="">{t('decision.chooseReason')}</option>
              {REASONS.map((reason) => (
                <option key={reason} value={reason}>
                  {t(`enums:ScreeningReason.${reason}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('decision.note')} hint={t('decision.noteHint')} error={formState.errors.note?.message}>
          {(props) => (
            <textarea
              {...props}
              rows={2}
              {...register('note', {
                validate: (note, values) => values.reason !== 'other' || note.trim().length > 0 || t('decision.noteRequired'),
              })}
            />
          )}
        </Field>
      </div>
      <div className="row">
        <Button type="submit" variant={variant} busy={busy}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
