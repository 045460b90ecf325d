import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useFieldArray, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { isEmailUnverified, VerifyEmailNotice } from '@/components/VerifyEmailNotice';
import { Button } from '@/components/ui/Button';
import { Countdown } from '@/components/ui/Countdown';
import { Field } from '@/components/ui/Field';
import { Notice, ProblemAlert } from '@/components/ui/ProblemAlert';
import { QueryState } from '@/components/ui/QueryState';
import { Moment } from '@/components/ui/Time';
import { callQuery, callsQuery } from '@/lib/api/calls';
import { applyFieldErrors, useErrorText } from '@/lib/api/messages';
import { ApiProblem } from '@/lib/api/problem';
import { TIE_KINDS } from '@/lib/api/enums';
import type { Schema } from '@/lib/api/types';
import { countryOptions } from '@/lib/format/countries';
import { formatNumber, latinDigits } from '@/lib/format/numbers';
import { pick, toBilingual } from '@/lib/i18n/text';
import type { Locale } from '@/lib/i18n/locale';
import { useLocale } from '@/lib/i18n/useLocale';
import { addFormCity, formCitiesQuery, saveAndSubmitIdea, saveIdeaDraft, type IdeaContent } from './api';

type Idea = Schema<'IdeaView'>;
type Call = Schema<'CallView'>;
type Domain = Schema<'Domain'>;
type TieKind = Schema<'TieKind'>;

export type IdeaFormValues = {
  callId: string;
  title: string;
  summary: string;
  body: string;
  domain: Domain | '';
  country: string;
  targetCityId: string;
  channel: { kind: TieKind | ''; description: string; years: string };
  partners: { name: string; organisation: string; country: string }[];
  expectedOutcomes: string;
  /** The submitter agrees that the public sees the idea's documents once it is selected. */
  filesPublic: boolean;
};

const MAX_YEARS = 80;

function initialValues(idea: Idea | undefined, locale: Locale): IdeaFormValues {
  return {
    callId: idea?.callId ?? '',
    title: idea?.title ?? '',
    summary: idea?.summary ?? '',
    body: idea?.body ?? '',
    domain: idea?.domain ?? '',
    country: idea?.targetCity.country.toUpperCase() ?? '',
    targetCityId: idea?.targetCity.id ?? '',
    channel: {
      kind: idea?.channel?.kind ?? '',
      description: idea?.channel?.description ?? '',
      years: idea?.channel ? formatNumber(idea.channel.years, locale, { useGrouping: false }) : '',
    },
    partners: (idea?.partners ?? []).map((p) => ({ name: p.name, organisation: p.organisation ?? '', country: p.country ?? '' })),
    expectedOutcomes: idea?.expectedOutcomes ?? '',
    filesPublic: idea?.filesPublic ?? false,
  };
}

/** The form's values as the API's content of an idea (the call apart): texts trimmed, empty rows left out. */
export function toContent(values: IdeaFormValues): IdeaContent {
  const years = Number.parseInt(latinDigits(values.channel.years.trim()), 10);
  return {
    title: values.title.trim(),
    summary: values.summary.trim(),
    body: values.body.trim(),
    domain: values.domain as Domain,
    targetCityId: values.targetCityId,
    channel: values.channel.kind
      ? { kind: values.channel.kind, description: values.channel.description.trim(), years: Number.isNaN(years) ? 0 : years }
      : null,
    partners: values.partners
      .filter((p) => p.name.trim() || p.organisation.trim() || p.country)
      .map((p) => ({ name: p.name.trim(), organisation: p.organisation.trim() || null, ...(p.country ? { country: p.country } : {}) })),
    expectedOutcomes: values.expectedOutcomes.trim(),
    filesPublic: values.filesPublic,
  };
}

/**
 * The guided form of an idea: a new draft (no `idea`) or an existing one. Saving creates the draft (POST) or
 * changes it (PATCH with If-Match); submitting saves first, then submits.
 */
export function IdeaForm({ idea }: { idea?: Idea }) {
  const openCalls = useQuery({ ...callsQuery({ phase: 'open', limit: 100 }), enabled: !idea });
  const ownCall = useQuery({ ...callQuery(idea?.callId ?? ''), enabled: Boolean(idea) });
  // The form starts once the calls are known: the domains offered come from the call.
  return idea ? (
    <QueryState query={ownCall}>{(call) => <IdeaFormFields idea={idea} calls={[call]} />}</QueryState>
  ) : (
    <QueryState query={openCalls}>{(page) => <IdeaFormFields calls={page.items} />}</QueryState>
  );
}

function IdeaFormFields({ idea: initial, calls }: { idea?: Idea; calls: Call[] }) {
  const { t } = useTranslation(['ideas', 'enums', 'common']);
  const { locale } = useLocale();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const location = useLocation();
  const [idea, setIdea] = useState<Idea | undefined>(initial);
  const [notice, setNotice] = useState<string | null>(
    (location.state as { saved?: boolean } | null)?.saved ? t('form.saved') : null,
  );
  const form = useForm<IdeaFormValues>({
    defaultValues: { ...initialValues(initial, locale), ...(!initial && calls.length === 1 ? { callId: calls[0]?.id } : {}) },
  });
  const { errors } = form.formState;
  const partners = useFieldArray({ control: form.control, name: 'partners' });
  const [callId, country, channelKind] = useWatch({ control: form.control, name: ['callId', 'country', 'channel.kind'] });
  const call = calls.find((c) => c.id === callId);

  const cities = useQuery({ ...formCitiesQuery(country), enabled: Boolean(country) });
  const cityOptions = [...(cities.data?.items ?? [])];
  if (initial && initial.targetCity.country.toUpperCase() === country && !cityOptions.some((c) => c.id === initial.targetCity.id)) {
    cityOptions.push({ ...initial.targetCity, createdAt: '', updatedAt: '' });
  }
  const countries = useMemo(() => countryOptions(locale), [locale]);

  const saveDraft = useMutation(saveIdeaDraft(idea));
  // Saved before submitting: should the submission fail, the next attempt changes this idea instead of adding one.
  const submit = useMutation(saveAndSubmitIdea(idea, setIdea));
  const onError = (error: Error) => applyFieldErrors(errorText, error, form.setError);
  const saveValues = (values: IdeaFormValues) => {
    setNotice(null);
    saveDraft.mutate(
      { content: toContent(values), callId: values.callId },
      {
        onSuccess: (saved) => {
          setIdea(saved);
          if (!idea) void navigate(`/my/ideas/${saved.id}/edit`, { replace: true, state: { saved: true } });
          setNotice(idea ? t('form.savedChanges') : t('form.saved'));
        },
        onError,
      },
    );
  };
  const submitValues = (values: IdeaFormValues) => {
    setNotice(null);
    submit.mutate(
      { content: toContent(values), callId: values.callId },
      { onSuccess: (submitted) => void navigate(`/my/ideas/${submitted.id}`, { state: { submitted: true } }), onError },
    );
  };

  // A city just added is chosen once its option is on the page (a select cannot take a value it does not offer).
  const addedCity = useRef<string | null>(null);
  useEffect(() => {
    const id = addedCity.current;
    if (id && cityOptions.some((c) => c.id === id)) {
      addedCity.current = null;
      form.setValue('targetCityId', id, { shouldValidate: form.formState.isSubmitted });
    }
  });
  const addCity = useAddCity(country, (city) => {
    addedCity.current = city.id;
  });

  const error = saveDraft.error ?? submit.error;
  const busy = saveDraft.isPending || submit.isPending;
  // The server says whether the idea may still change (its call open, not yet screened) and be submitted; a new
  // idea is written in a call listed as open.
  const editable = !idea || Boolean(idea.allowedActions?.includes('edit'));
  const submittable = !idea || Boolean(idea.allowedActions?.includes('submit'));
  // state-ok: display only, which note explains a form that no longer takes changes.
  const closed = !editable && call?.phase !== 'open';
  const locked = !editable;
  const required = errorText.required;
  const n = (value: number) => formatNumber(value, locale, { useGrouping: false });

  return (
    <form className="form idea-form" noValidate onSubmit={form.handleSubmit(saveValues)}>
      {call ? (
        <div className="card idea-form__deadline">
          <p className="muted">
            {t('form.deadlineAt')} <Moment value={call.closesAt} style="dateTime" />
          </p>
          <Countdown until={call.closesAt} label={t('form.deadline')} />
          {closed ? <p className="alert alert--info">{t('form.callClosedNote')}</p> : null}
        </div>
      ) : null}

      <fieldset className="card idea-form__section" disabled={locked}>
        <legend>{t('form.sections.call')}</legend>
        <p className="field__hint">{t('form.sections.callHelp')}</p>
        {initial ? (
          <p>
            <strong>{t('form.fields.call')}:</strong> {call ? pick(call.title, locale) : '…'}
          </p>
        ) : calls.length === 0 ? (
          <p className="alert alert--info">{t('form.noOpenCall')}</p>
        ) : (
          <Field label={t('form.fields.call')} error={errors.callId?.message} required>
            {(control) => (
              <select {...control} {...form.register('callId', { required })}>
                <option value="">{t('form.fields.chooseCall')}</option>
                {calls.map((c) => (
                  <option key={c.id} value={c.id}>
                    {pick(c.title, locale)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
      </fieldset>

      <fieldset className="card idea-form__section" disabled={locked}>
        <legend>{t('form.sections.idea')}</legend>
        <p className="field__hint">{t('form.sections.ideaHelp')}</p>
        <Field label={t('form.fields.title')} hint={t('form.fields.titleHint')} error={errors.title?.message} required>
          {(control) => (
            <input
              {...control}
              dir="auto"
              maxLength={200}
              {...form.register('title', {
                required,
                validate: (value) => value.trim().length >= 5 || t('form.tooShort', { min: n(5) }),
              })}
            />
          )}
        </Field>
        <Field label={t('form.fields.summary')} hint={t('form.fields.summaryHint')} error={errors.summary?.message} required>
          {(control) => <textarea {...control} dir="auto" rows={3} maxLength={500} {...form.register('summary')} />}
        </Field>
        <Field label={t('form.fields.body')} hint={t('form.fields.bodyHint')} error={errors.body?.message} required>
          {(control) => <textarea {...control} dir="auto" rows={10} maxLength={20000} {...form.register('body')} />}
        </Field>
      </fieldset>

      <fieldset className="card idea-form__section" disabled={locked}>
        <legend>{t('form.sections.target')}</legend>
        <p className="field__hint">{t('form.sections.targetHelp')}</p>
        <Field label={t('form.fields.domain')} error={errors.domain?.message} required>
          {(control) => (
            <select {...control} {...form.register('domain', { required })}>
              <option value="">{t('form.fields.chooseDomain')}</option>
              {(call?.domains ?? []).map((domain) => (
                <option key={domain} value={domain}>
                  {t(`enums:Domain.${domain}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="grid">
          <Field label={t('form.fields.country')} error={errors.country?.message} required>
            {(control) => (
              <select
                {...control}
                {...form.register('country', {
                  required,
                  onChange: () => form.setValue('targetCityId', ''),
                })}
              >
                <option value="">{t('form.fields.chooseCountry')}</option>
                {countries.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            label={t('form.fields.city')}
            error={errors.targetCityId?.message}
            hint={country && cities.isSuccess && cityOptions.length === 0 ? t('form.fields.noCities') : undefined}
            required
          >
            {(control) => (
              <select {...control} disabled={!country} {...form.register('targetCityId', { required })}>
                <option value="">{t('form.fields.chooseCity')}</option>
                {cityOptions.map((city) => (
                  <option key={city.id} value={city.id}>
                    {pick(city.name, locale)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        {country ? <AddCity state={addCity} /> : null}
      </fieldset>

      <fieldset className="card idea-form__section" disabled={locked}>
        <legend>{t('form.sections.channel')}</legend>
        <p className="field__hint">{t('form.sections.channelHelp')}</p>
        <Field label={t('form.fields.channelKind')} error={errors.channel?.message ?? errors.channel?.kind?.message} required>
          {(control) => (
            <select {...control} {...form.register('channel.kind')}>
              <option value="">{t('form.fields.chooseKind')}</option>
              {TIE_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`enums:TieKind.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label={t('form.fields.channelDescription')}
          hint={t('form.fields.channelDescriptionHint')}
          error={errors.channel?.description?.message}
          required
        >
          {(control) => <textarea {...control} dir="auto" rows={3} maxLength={2000} {...form.register('channel.description')} />}
        </Field>
        <Field label={t('form.fields.channelYears')} error={errors.channel?.years?.message} required={Boolean(channelKind)}>
          {(control) => (
            <input
              {...control}
              inputMode="numeric"
              className="input--short"
              {...form.register('channel.years', {
                validate: (value, all) => {
                  if (!all.channel.kind && !value.trim()) return true;
                  const years = Number(latinDigits(value.trim()));
                  const ok = value.trim() !== '' && Number.isInteger(years) && years >= 0 && years <= MAX_YEARS;
                  return ok || t('form.invalidNumber', { min: n(0), max: n(MAX_YEARS) });
                },
              })}
            />
          )}
        </Field>
      </fieldset>

      <fieldset className="card idea-form__section" disabled={locked}>
        <legend>{t('form.sections.partners')}</legend>
        <p className="field__hint">{t('form.sections.partnersHelp')}</p>
        {partners.fields.map((partner, index) => {
          const number = n(index + 1);
          const partnerErrors = errors.partners?.[index];
          return (
            <fieldset key={partner.id} className="idea-form__partner">
              <legend>{t('form.fields.partnerLegend', { number })}</legend>
              <div className="grid">
                <Field label={t('form.fields.partnerName')} error={partnerErrors?.name?.message} required>
                  {(control) => <input {...control} dir="auto" maxLength={200} {...form.register(`partners.${index}.name`, { required })} />}
                </Field>
                <Field label={t('form.fields.partnerOrganisation')} error={partnerErrors?.organisation?.message}>
                  {(control) => <input {...control} maxLength={200} {...form.register(`partners.${index}.organisation`)} />}
                </Field>
                <Field label={t('form.fields.partnerCountry')} error={partnerErrors?.country?.message}>
                  {(control) => (
                    <select {...control} {...form.register(`partners.${index}.country`)}>
                      <option value="">{t('form.fields.noCountry')}</option>
                      {countries.map((c) => (
                        <option key={c.code} value={c.code}>
                          {c.name}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
              </div>
              <Button variant="quiet" onClick={() => partners.remove(index)}>
                {t('form.fields.removePartner', { number })}
              </Button>
            </fieldset>
          );
        })}
        {partners.fields.length < 20 ? (
          <div>
            <Button variant="secondary" onClick={() => partners.append({ name: '', organisation: '', country: '' })}>
              {t('form.fields.addPartner')}
            </Button>
          </div>
        ) : null}
      </fieldset>

      <fieldset className="card idea-form__section" disabled={locked}>
        <legend>{t('form.sections.outcomes')}</legend>
        <p className="field__hint">{t('form.sections.outcomesHelp')}</p>
        <Field
          label={t('form.fields.expectedOutcomes')}
          hint={t('form.fields.expectedOutcomesHint')}
          error={errors.expectedOutcomes?.message}
          required
        >
          {(control) => <textarea {...control} dir="auto" rows={5} maxLength={5000} {...form.register('expectedOutcomes')} />}
        </Field>
      </fieldset>

      <fieldset className="card idea-form__section" disabled={locked}>
        <legend>{t('form.sections.files')}</legend>
        <p className="field__hint">{t('form.sections.filesHelp')}</p>
        <div>
          <label className="check">
            <input type="checkbox" aria-describedby="files-public-hint" {...form.register('filesPublic')} />
            <span>{t('form.fields.filesPublic')}</span>
          </label>
          <p id="files-public-hint" className="field__hint">
            {t('form.fields.filesPublicHint')}
          </p>
        </div>
      </fieldset>

      {isEmailUnverified(error) ? <VerifyEmailNotice reason="refused" /> : <ProblemAlert error={error} />}
      {notice ? <Notice>{notice}</Notice> : null}
      {editable ? (
        <div className="row">
          <Button type="submit" variant="secondary" busy={saveDraft.isPending} disabled={busy}>
            {submittable ? t('form.saveDraft') : t('form.saveChanges')}
          </Button>
          {submittable ? (
            <Button busy={submit.isPending} disabled={busy} onClick={form.handleSubmit(submitValues)}>
              {t('form.submit')}
            </Button>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}

type AddCityState = ReturnType<typeof useAddCity>;

/** Adding a city missing from the list: its name in Persian (required) and English, in the chosen country. */
function useAddCity(country: string, onAdded: (city: Schema<'CityView'>) => void) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState({ fa: '', en: '' });
  const [added, setAdded] = useState(false);
  const mutation = useMutation(addFormCity());
  const add = () => {
    setAdded(false);
    mutation.mutate(
      { country, name: toBilingual(name) },
      {
        onSuccess: (city) => {
          onAdded(city);
          setOpen(false);
          setName({ fa: '', en: '' });
          setAdded(true);
        },
      },
    );
  };
  return { open, setOpen, name, setName, added, mutation, add };
}

function AddCity({ state }: { state: AddCityState }) {
  const { t } = useTranslation(['ideas', 'common']);
  const errorText = useErrorText();
  const { open, setOpen, name, setName, added, mutation, add } = state;
  const fieldErrors = mutation.error instanceof ApiProblem ? mutation.error.fieldErrors : {};
  const fieldError = (path: string) => {
    const found = fieldErrors[path];
    return found ? errorText.field(found.code, found.message) : undefined;
  };
  if (!open) {
    return (
      <div className="stack">
        {added ? <Notice>{t('form.fields.cityAdded')}</Notice> : null}
        <div>
          <Button variant="quiet" aria-expanded={false} onClick={() => setOpen(true)}>
            {t('form.fields.addCity')}
          </Button>
        </div>
      </div>
    );
  }
  return (
    <div className="idea-form__add-city stack">
      <div className="bilingual">
        <Field label={`${t('form.fields.newCityName')} (${t('common:fields.fa')})`} error={fieldError('name.fa') ?? fieldError('name')} required>
          {(control) => (
            <input {...control} dir="rtl" lang="fa" value={name.fa} onChange={(e) => setName({ ...name, fa: e.target.value })} />
          )}
        </Field>
        <Field label={`${t('form.fields.newCityName')} (${t('common:fields.en')}) ${t('common:fields.optional')}`} error={fieldError('name.en')}>
          {(control) => (
            <input {...control} dir="ltr" lang="en" value={name.en} onChange={(e) => setName({ ...name, en: e.target.value })} />
          )}
        </Field>
      </div>
      {mutation.error && Object.keys(fieldErrors).length === 0 ? <ProblemAlert error={mutation.error} /> : null}
      <div className="row">
        <Button variant="secondary" busy={mutation.isPending} onClick={add}>
          {t('form.fields.saveCity')}
        </Button>
        <Button variant="quiet" onClick={() => setOpen(false)}>
          {t('common:actions.cancel')}
        </Button>
      </div>
    </div>
  );
}
