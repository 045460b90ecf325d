import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { Card } from '@/components/ui/Page';
import { Notice, ProblemAlert } from '@/components/ui/ProblemAlert';
import { applyFieldErrors } from '@/lib/api/messages';
import { changePassword } from './api';
import { useAccountErrorText } from './errors';
import { NewPasswordFields } from './NewPasswordFields';

type Values = { currentPassword: string; newPassword: string; repeat: string };
const EMPTY: Values = { currentPassword: '', newPassword: '', repeat: '' };

/** Changing the password: the current one, the new one twice. Other sessions end; this one stays. */
export function ChangePasswordForm() {
  const { t } = useTranslation('account');
  const errorText = useAccountErrorText({ passwordField: 'newPassword' });
  const form = useForm<Values>({ defaultValues: EMPTY });
  const change = useMutation(changePassword());
  const submit = (values: Values) =>
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      { onSuccess: () => form.reset(EMPTY), onError: (error) => applyFieldErrors(errorText, error, form.setError) },
    );
  const { errors } = form.formState;
  return (
    <Card title={t('profile.password')}>
      <p className="muted">{t('profile.passwordLead')}</p>
      <form className="form narrow" noValidate aria-label={t('profile.password')} onSubmit={form.handleSubmit(submit)}>
        <ProblemAlert error={change.error} />
        <Field label={t('fields.currentPassword')} error={errors.currentPassword?.message} required>
          {(control) => (
            <input
              {...control}
              type="password"
              dir="ltr"
              autoComplete="current-password"
              {...form.register('currentPassword', { required: errorText.required })}
            />
          )}
        </Field>
        <NewPasswordFields form={form} name="newPassword" label={t('fields.newPassword')} repeat />
        {change.isSuccess && !form.formState.isDirty ? <Notice>{t('profile.passwordChanged')}</Notice> : null}
        <div>
          <Button type="submit" busy={change.isPending}>
            {t('profile.passwordSubmit')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
