import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/Button';
import { ProblemAlert } from '@/components/ui/ProblemAlert';
import { applyFieldErrors, useErrorText } from '@/lib/api/messages';
import type { Schema } from '@/lib/api/types';
import { formatNumber, latinDigits } from '@/lib/format/numbers';
import { useLocale } from '@/lib/i18n/useLocale';
import { parseCount, type Domain, type Organisation } from './options';
import { updateReviewer } from './api';
import { ReviewerProfileFields, type ProfileValues } from './ReviewerFields';

type Reviewer = Schema<'ReviewerView'>;

/** Changing a reviewer's organisation, expertise and maximum load (a reviewer has no version: no If-Match). */
export function ReviewerEdit({ reviewer, onDone }: { reviewer: Reviewer; onDone: (saved: Reviewer | null) => void }) {
  const { t } = useTranslation(['jury', 'common']);
  const { locale } = useLocale();
  const errorText = useErrorText();
  const form = useForm<ProfileValues>({
    defaultValues: {
      organisation: reviewer.organisation,
      expertise: reviewer.expertise,
      maxLoad: formatNumber(reviewer.maxLoad, locale, { useGrouping: false }),
    },
  });
  const save = useMutation(updateReviewer());
  const submit = (values: ProfileValues) =>
    save.mutate(
      {
        id: reviewer.id,
        organisation: values.organisation as Organisation,
        expertise: values.expertise as Domain[],
        maxLoad: parseCount(values.maxLoad, latinDigits),
      },
      { onSuccess: onDone, onError: (error) => applyFieldErrors(errorText, error, form.setError) },
    );
  return (
    <form
      className="form"
      noValidate
      aria-label={t('reviewers.editTitle', { name: reviewer.displayName })}
      onSubmit={form.handleSubmit(submit)}
    >
      <ProblemAlert error={save.error} />
      <ReviewerProfileFields register={form.register} errors={form.formState.errors} errorText={errorText} idPrefix={`edit-${reviewer.id}`} />
      <div className="row">
        <Button type="submit" busy={save.isPending}>
          {t('common:actions.save')}
        </Button>
        <Button variant="secondary" onClick={() => onDone(null)}>
          {t('common:actions.cancel')}
        </Button>
      </div>
    </form>
  );
}
