import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { Card } from '@/components/ui/Page';
import { Notice, ProblemAlert } from '@/components/ui/ProblemAlert';
import { applyFieldErrors, useErrorText } from '@/lib/api/messages';
import type { Schema } from '@/lib/api/types';
import { latinDigits } from '@/lib/format/numbers';
import { useLocale } from '@/lib/i18n/useLocale';
import { OneTimeLink } from '@/components/OneTimeLink';
import { isolate, parseCount, type Domain, type Organisation } from './options';
import { enrolReviewer } from './api';
import { ReviewerProfileFields, type ProfileValues } from './ReviewerFields';

type Values = ProfileValues & { email: string; displayName: string };

const empty: Values = { email: '', displayName: '', organisation: '', expertise: [], maxLoad: '10' };

/**
 * Enrolling a reviewer: the form, then what the answer brings. A new account comes with a one-time set-password
 * token: its link is shown once, kept only in this component's memory, and gone when staff close it.
 */
export function EnrolReviewer({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation(['jury', 'common']);
  const { locale } = useLocale();
  const errorText = useErrorText();
  const form = useForm<Values>({ defaultValues: empty });
  const [enrolled, setEnrolled] = useState<Schema<'EnrolmentView'> | null>(null);
  const enrol = useMutation(enrolReviewer());
  const submit = (values: Values) =>
    enrol.mutate(
      {
        email: values.email.trim(),
        displayName: values.displayName.trim(),
        organisation: values.organisation as Organisation,
        expertise: values.expertise as Domain[],
        maxLoad: parseCount(values.maxLoad, latinDigits),
        locale,
      },
      {
        onSuccess: (result) => {
          setEnrolled(result);
          form.reset(empty);
        },
        onError: (error) => applyFieldErrors(errorText, error, form.setError),
      },
    );
  const { errors } = form.formState;

  if (enrolled) {
    const name = enrolled.reviewer.displayName;
    return (
      <div className="stack">
        <Notice>{t('reviewers.enrolled', { name: isolate(name) })}</Notice>
        {enrolled.passwordToken ? (
          <OneTimeLink token={enrolled.passwordToken} name={name} onDone={() => setEnrolled(null)} />
        ) : (
          <>
            <p className="alert alert--info">{t('oneTime.existing')}</p>
            <div>
              <Button variant="secondary" onClick={() => setEnrolled(null)}>
                {t('common:actions.close')}
              </Button>
            </div>
          </>
        )}
      </div>
    );
  }

  return (
    <Card title={t('reviewers.enrolTitle')}>
      <form className="form narrow" noValidate aria-label={t('reviewers.enrolTitle')} onSubmit={form.handleSubmit(submit)}>
        <ProblemAlert error={enrol.error} />
        <Field label={t('fields.email')} error={errors.email?.message} required>
          {(control) => <input {...control} type="email" dir="ltr" autoComplete="off" {...form.register('email', { required: errorText.required })} />}
        </Field>
        <Field label={t('fields.name')} hint={t('fields.nameHint')} error={errors.displayName?.message} required>
          {(control) => <input {...control} {...form.register('displayName', { required: errorText.required })} />}
        </Field>
        <ReviewerProfileFields register={form.register} errors={errors} errorText={errorText} idPrefix="enrol" />
        <div className="row">
          <Button type="submit" busy={enrol.isPending}>
            {t('reviewers.enrolSubmit')}
          </Button>
          <Button variant="secondary" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
