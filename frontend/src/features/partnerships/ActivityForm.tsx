import { useMutation, useQuery } from '@tanstack/react-query';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { BilingualFields } from '@/components/ui/BilingualFields';
import { Button } from '@/components/ui/Button';
import { DateField } from '@/components/ui/DateField';
import { Field } from '@/components/ui/Field';
import { ProblemAlert } from '@/components/ui/ProblemAlert';
import { applyFieldErrors, useErrorText } from '@/lib/api/messages';
import { ideasQuery } from '@/lib/api/ideas';
import type { Schema } from '@/lib/api/types';
import { optionalText, textValue, toBilingual } from '@/lib/i18n/text';
import { saveActivity } from './api';

type Activity = Schema<'ActivityView'>;
type Kind = Schema<'ActivityKind'>;
type Direction = Schema<'ActivityDirection'>;
type Status = Schema<'ActivityStatus'>;

const KINDS: Kind[] = ['webinar', 'visit', 'festival', 'exhibition', 'aid_shipment', 'knowledge_exchange', 'agreement', 'other'];
const DIRECTIONS: Direction[] = ['inbound', 'outbound', 'joint'];
const STATUSES: Status[] = ['planned', 'under_way', 'done', 'cancelled'];

type Text = { fa: string; en: string };
export type ActivityValues = {
  occurredOn: string;
  kind: Kind | '';
  direction: Direction | '';
  status: Status | '';
  title: Text;
  description: Text;
  outcomes: Text;
  ideaId: string;
};

function initial(activity: Activity | undefined): ActivityValues {
  return {
    occurredOn: activity?.occurredOn ?? '',
    kind: activity?.kind ?? '',
    direction: activity?.direction ?? '',
    status: activity?.status ?? '',
    title: textValue(activity?.title),
    description: textValue(activity?.description),
    outcomes: textValue(activity?.outcomes),
    ideaId: activity?.idea?.id ?? '',
  };
}

type Props = {
  cityId: string;
  /** The activity to edit; a new one is recorded without it. */
  activity?: Activity;
  onDone: (activity: Activity) => void;
  onCancel?: () => void;
};

/** Records an activity with a city (POST /cities/{id}/activities) or corrects one (PATCH /activities/{id}). */
export function ActivityForm({ cityId, activity, onDone, onCancel }: Props) {
  const { t } = useTranslation(['partnerships', 'enums', 'common']);
  const errorText = useErrorText();
  const form = useForm<ActivityValues>({ defaultValues: initial(activity) });
  const { errors } = form.formState;

  // The ideas selected for this city, which an activity may carry out.
  const ideas = useQuery(ideasQuery({ state: 'selected', targetCityId: cityId, limit: 100 }));
  const ideaOptions = (ideas.data?.items ?? []).map((idea) => ({ id: idea.id, title: idea.title }));
  if (activity?.idea && !ideaOptions.some((idea) => idea.id === activity.idea?.id)) ideaOptions.unshift(activity.idea);

  const save = useMutation(saveActivity(cityId, activity));
  const submit = (values: ActivityValues) =>
    save.mutate(
      {
        occurredOn: values.occurredOn,
        kind: values.kind as Kind,
        direction: values.direction as Direction,
        title: toBilingual(values.title),
        description: optionalText(values.description),
        outcomes: optionalText(values.outcomes),
        ideaId: values.ideaId || null,
        status: values.status || null,
      },
      {
        onSuccess: (saved) => {
          if (!activity) form.reset(initial(undefined));
          onDone(saved);
        },
        onError: (error) => applyFieldErrors(errorText, error, form.setError),
      },
    );

  const required = { required: errorText.required };
  return (
    <form className="form" aria-label={activity ? t('activity.editTitle') : t('activity.addTitle')} noValidate onSubmit={form.handleSubmit(submit)}>
      <ProblemAlert error={save.error} />
      <div className="form__row">
        <Controller
          control={form.control}
          name="occurredOn"
          rules={required}
          render={({ field }) => (
            <DateField label={t('activity.occurredOn')} value={field.value} onChange={field.onChange} error={errors.occurredOn?.message} required yearsBefore={10} yearsAfter={3} />
          )}
        />
        <Field label={t('activity.kind')} error={errors.kind?.message} required>
          {(control) => (
            <select {...control} {...form.register('kind', required)}>
              <option value="">—</option>
              {KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`enums:ActivityKind.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('activity.direction')} error={errors.direction?.message} required>
          {(control) => (
            <select {...control} {...form.register('direction', required)}>
              <option value="">—</option>
              {DIRECTIONS.map((direction) => (
                <option key={direction} value={direction}>
                  {t(`enums:ActivityDirection.${direction}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('activity.status')} error={errors.status?.message} hint={activity ? undefined : t('activity.statusHint')}>
          {(control) => (
            <select {...control} {...form.register('status')}>
              {activity ? null : <option value="">{t('activity.statusDefault')}</option>}
              {STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(`enums:ActivityStatus.${status}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <BilingualFields<ActivityValues> name="title" label={t('activity.title')} register={form.register} errors={errors} />
      <BilingualFields<ActivityValues> optional name="description" label={t('activity.description')} register={form.register} errors={errors} multiline />
      <BilingualFields<ActivityValues> optional name="outcomes" label={t('activity.outcomes')} register={form.register} errors={errors} multiline />
      <Field label={t('activity.idea')} error={errors.ideaId?.message}>
        {(control) => (
          <select {...control} {...form.register('ideaId')}>
            <option value="">{t('activity.noIdea')}</option>
            {ideaOptions.map((idea) => (
              <option key={idea.id} value={idea.id}>
                {idea.title}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="row">
        <Button type="submit" busy={save.isPending}>
          {activity ? t('activity.save') : t('activity.submit')}
        </Button>
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel}>
            {t('common:actions.cancel')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
