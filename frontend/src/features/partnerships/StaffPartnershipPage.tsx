import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FileSection } from '@/components/files/FileSection';
import { BilingualFields } from '@/components/ui/BilingualFields';
import { Link, useParams } from 'react-router';
import { Button } from '@/components/ui/Button';
import { DateField } from '@/components/ui/DateField';
import { Field } from '@/components/ui/Field';
import { Card, Page } from '@/components/ui/Page';
import { Notice, ProblemAlert } from '@/components/ui/ProblemAlert';
import { QueryState } from '@/components/ui/QueryState';
import { Day } from '@/components/ui/Time';
import { applyFieldErrors, useErrorText } from '@/lib/api/messages';
import type { Schema } from '@/lib/api/types';
import { formatNumber } from '@/lib/format/numbers';
import { optionalText, pick, textValue } from '@/lib/i18n/text';
import { useLocale } from '@/lib/i18n/useLocale';
import { ActivityForm } from './ActivityForm';
import { changePartnershipState, partnershipQuery, updatePartnership } from './api';
import { CityActivities, PartnershipFacts, StateHistory } from './PartnershipFacts';
import { StateBadge } from './PartnershipRegister';
import { dormantFrom, KINDS, STATES } from './registerQuery';
import './partnerships.css';

type Partnership = Schema<'PartnershipView'>;

/** A partnership for staff: its health and the dormancy rule, editing, changes of state, and its activities. */
export function StaffPartnershipPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(['partnerships', 'common']);
  const { locale } = useLocale();
  // The forms start afresh on every new version, so their confirmations live here.
  const [saved, setSaved] = useState<'edit' | 'state' | null>(null);
  const partnership = useQuery(partnershipQuery(id));
  return (
    <QueryState query={partnership}>
      {(data) => (
        <Page
          title={pick(data.city.name, locale)}
          actions={
            <>
              <Link to="/staff/partnerships" className="button button--quiet">
                {t('common:actions.back')}
              </Link>
              <Link to={`/sister-cities/${data.id}`} className="button button--secondary">
                {t('detail.publicPage')}
              </Link>
            </>
          }
        >
          <div className="stack">
            <Card title={t('detail.facts')}>
              <PartnershipFacts partnership={data} />
              <DormancyRule partnership={data} />
            </Card>
            <FileSection owner={{ kind: 'partnership', id: data.id }} title={t('files.title')} canAdd={data.allowedActions.includes('edit')} />
            <ActivitiesCard cityId={data.city.id} canRecord={data.allowedActions.includes('add_activity')} />
            {data.allowedActions.includes('edit') ? (
              <Card title={t('edit.title')}>
                {saved === 'edit' ? <Notice>{t('edit.saved')}</Notice> : null}
                <EditPartnershipForm key={data.version} partnership={data} onSaved={() => setSaved('edit')} onChange={() => setSaved(null)} />
              </Card>
            ) : null}
            {data.allowedActions.includes('change_state') ? (
              <Card title={t('state.title')}>
                {saved === 'state' ? <Notice>{t('state.changed')}</Notice> : null}
                <ChangeStateForm key={data.version} partnership={data} onSaved={() => setSaved('state')} onChange={() => setSaved(null)} />
              </Card>
            ) : null}
            {data.history?.length ? (
              <Card title={t('detail.history')}>
                <StateHistory history={data.history} />
              </Card>
            ) : null}
          </div>
        </Page>
      )}
    </QueryState>
  );
}

/** How dormancy is reckoned for this partnership, and when it is next reviewed. */
function DormancyRule({ partnership }: { partnership: Partnership }) {
  const { t } = useTranslation(['partnerships', 'enums']);
  const { locale } = useLocale();
  const { health } = partnership;
  return (
    <div className="rule stack" style={{ marginBlockStart: '1rem', gap: '0.25rem' }}>
      <p>{t('health.rule', { months: formatNumber(health.dormancyMonths, locale) })}</p>
      <p>
        {t('health.reckoned', { basis: t(`enums:HealthBasis.${health.basis}`) })} <Day value={health.basisOn} />.
      </p>
      <p>
        <strong>{health.dormant ? t('health.dormantSince') : t('health.dueOn')}</strong> <Day value={dormantFrom(health)} />
      </p>
      <p>
        {partnership.nextReviewOn ? (
          <>
            <strong>{t('health.nextReview')}</strong> <Day value={partnership.nextReviewOn} />
          </>
        ) : (
          t('health.noNextReview')
        )}
      </p>
    </div>
  );
}

type EditValues = {
  kind: Schema<'PartnershipKind'>;
  signedOn: string;
  nextReviewOn: string;
  notes: { fa: string; en: string };
  focalPoints: { name: string; role: string; contact: string }[];
};

type FormProps = { partnership: Partnership; onSaved: () => void; onChange: () => void };

function EditPartnershipForm({ partnership, onSaved, onChange }: FormProps) {
  const { t } = useTranslation(['partnerships', 'enums', 'common']);
  const { locale } = useLocale();
  const errorText = useErrorText();
  const form = useForm<EditValues>({
    defaultValues: {
      kind: partnership.kind,
      signedOn: partnership.signedOn ?? '',
      nextReviewOn: partnership.nextReviewOn ?? '',
      notes: textValue(partnership.notes),
      focalPoints: (partnership.focalPoints ?? []).map((p) => ({ name: p.name, role: p.role ?? '', contact: p.contact ?? '' })),
    },
  });
  const focal = useFieldArray({ control: form.control, name: 'focalPoints' });
  const { errors } = form.formState;
  const save = useMutation(updatePartnership(partnership));
  const submit = (values: EditValues) =>
    save.mutate(
      {
        kind: values.kind,
        signedOn: values.signedOn || null,
        nextReviewOn: values.nextReviewOn || null,
        notes: optionalText(values.notes),
        focalPoints: values.focalPoints.map((p) => ({ name: p.name.trim(), role: p.role.trim() || null, contact: p.contact.trim() || null })),
      },
      { onSuccess: onSaved, onError: (error) => applyFieldErrors(errorText, error, form.setError) },
    );
  return (
    <form className="form" aria-label={t('edit.title')} noValidate onChange={onChange} onSubmit={form.handleSubmit(submit)}>
      <ProblemAlert error={save.error} />
      <div className="form__row">
        <Field label={t('staff.kind')} error={errors.kind?.message} required>
          {(control) => (
            <select {...control} {...form.register('kind')}>
              {KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`enums:PartnershipKind.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Controller
          control={form.control}
          name="signedOn"
          render={({ field }) => <DateField label={t('staff.signedOn')} value={field.value} onChange={field.onChange} error={errors.signedOn?.message} yearsBefore={40} yearsAfter={1} />}
        />
        <Controller
          control={form.control}
          name="nextReviewOn"
          render={({ field }) => <DateField label={t('edit.nextReviewOn')} value={field.value} onChange={field.onChange} error={errors.nextReviewOn?.message} yearsBefore={1} yearsAfter={5} />}
        />
      </div>
      <BilingualFields<EditValues> optional name="notes" label={t('edit.notes')} register={form.register} errors={errors} multiline />
      <fieldset>
        <legend>{t('edit.focalPoints')}</legend>
        <div className="stack">
          {focal.fields.map((item, index) => (
            <div key={item.id} className="focal" role="group" aria-label={t('edit.focalPoint', { n: formatNumber(index + 1, locale) })}>
              <Field label={t('edit.focalName')} error={errors.focalPoints?.[index]?.name?.message} required>
                {(control) => <input {...control} dir="auto" {...form.register(`focalPoints.${index}.name`, { required: errorText.required })} />}
              </Field>
              <Field label={t('edit.focalRole')} error={errors.focalPoints?.[index]?.role?.message}>
                {(control) => <input {...control} dir="auto" {...form.register(`focalPoints.${index}.role`)} />}
              </Field>
              <Field label={t('edit.focalContact')} error={errors.focalPoints?.[index]?.contact?.message}>
                {(control) => <input {...control} dir="ltr" {...form.register(`focalPoints.${index}.contact`)} />}
              </Field>
              <div>
                <Button variant="quiet" onClick={() => focal.remove(index)}>
                  {t('edit.removeFocal', { n: formatNumber(index + 1, locale) })}
                </Button>
              </div>
            </div>
          ))}
          <div>
            <Button variant="secondary" onClick={() => focal.append({ name: '', role: '', contact: '' })}>
              {t('edit.addFocal')}
            </Button>
          </div>
        </div>
      </fieldset>
      <div>
        <Button type="submit" busy={save.isPending}>
          {t('common:actions.save')}
        </Button>
      </div>
    </form>
  );
}

type StateValues = { state: Schema<'PartnershipState'> | ''; effectiveOn: string; reason: string };

function ChangeStateForm({ partnership, onSaved, onChange }: FormProps) {
  const { t } = useTranslation(['partnerships', 'enums', 'common']);
  const errorText = useErrorText();
  const form = useForm<StateValues>({ defaultValues: { state: '', effectiveOn: '', reason: '' } });
  const { errors } = form.formState;
  const change = useMutation(changePartnershipState(partnership));
  const submit = (values: StateValues) =>
    change.mutate(
      { state: values.state as Schema<'PartnershipState'>, reason: values.reason.trim(), effectiveOn: values.effectiveOn || null },
      { onSuccess: onSaved, onError: (error) => applyFieldErrors(errorText, error, form.setError) },
    );
  return (
    <form className="form" aria-label={t('state.title')} noValidate onChange={onChange} onSubmit={form.handleSubmit(submit)}>
      <ProblemAlert error={change.error} />
      <p>
        {t('state.current')} <StateBadge state={partnership.state} />
      </p>
      <div className="form__row">
        <Field label={t('state.to')} error={errors.state?.message} required>
          {(control) => (
            <select {...control} {...form.register('state', { required: errorText.required })}>
              <option value="">{t('state.choose')}</option>
              {STATES.filter((state) => state !== partnership.state).map((state) => (
                <option key={state} value={state}>
                  {t(`enums:PartnershipState.${state}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Controller
          control={form.control}
          name="effectiveOn"
          render={({ field }) => <DateField label={t('state.effectiveOn')} value={field.value} onChange={field.onChange} error={errors.effectiveOn?.message} yearsBefore={5} yearsAfter={0} />}
        />
      </div>
      <p className="field__hint">{t('state.effectiveOnHint')}</p>
      <Field label={t('state.reason')} error={errors.reason?.message} required>
        {(control) => <textarea {...control} dir="auto" rows={3} {...form.register('reason', { required: errorText.required, validate: (v) => v.trim() !== '' || errorText.required })} />}
      </Field>
      <div>
        <Button type="submit" busy={change.isPending}>
          {t('state.submit')}
        </Button>
      </div>
    </form>
  );
}

/** The city's activities; recording and correcting them as the partnership's allowedActions let (add_activity). */
function ActivitiesCard({ cityId, canRecord }: { cityId: string; canRecord: boolean }) {
  const { t } = useTranslation(['partnerships', 'common']);
  const { locale } = useLocale();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <Card title={t('detail.activities')}>
      <div className="stack">
        {notice ? <Notice>{notice}</Notice> : null}
        {canRecord ? (
          <div>
            <Button
              variant={adding ? 'secondary' : 'primary'}
              aria-expanded={adding}
              onClick={() => {
                setAdding((open) => !open);
                setNotice(null);
              }}
            >
              {t('activity.add')}
            </Button>
          </div>
        ) : null}
        {adding ? (
          <div className="inline-form">
            <h3>{t('activity.addTitle')}</h3>
            <ActivityForm
              cityId={cityId}
              onDone={() => {
                setAdding(false);
                setNotice(t('activity.added'));
              }}
              onCancel={() => setAdding(false)}
            />
          </div>
        ) : null}
        <CityActivities
          cityId={cityId}
          canAddFiles={canRecord}
          actions={(activity) =>
            !canRecord ? null : editing === activity.id ? (
              <div className="inline-form">
                <ActivityForm
                  cityId={cityId}
                  activity={activity}
                  onDone={() => {
                    setEditing(null);
                    setNotice(t('activity.saved'));
                  }}
                  onCancel={() => setEditing(null)}
                />
              </div>
            ) : (
              <Button
                variant="secondary"
                aria-label={t('timeline.edit', { title: pick(activity.title, locale) })}
                onClick={() => {
                  setEditing(activity.id);
                  setNotice(null);
                }}
              >
                {t('common:actions.edit')}
              </Button>
            )
          }
        />
      </div>
    </Card>
  );
}
