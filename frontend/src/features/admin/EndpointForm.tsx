import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { ProblemAlert } from '@/components/ui/ProblemAlert';
import { WEBHOOK_EVENT_TYPES, WEBHOOK_SCOPES } from '@/lib/api/enums';
import { useErrorText } from '@/lib/api/messages';
import type { Schema } from '@/lib/api/types';
import { applyTopLevelErrors } from './fieldErrors';
import { EVENT_KEY } from './webhookWords';

type EventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** What the form edits: an endpoint's address, description, events and scope. */
export type EndpointValues = { url: string; description: string; eventTypes: EventType[]; scope: Schema<'WebhookScope'> };

export const NEW_ENDPOINT: EndpointValues = { url: '', description: '', eventTypes: [], scope: 'public' };

/** The form's values for an endpoint as the server has it. */
export function endpointValues(endpoint: Schema<'WebhookEndpointView'>): EndpointValues {
  return {
    url: endpoint.url,
    description: endpoint.description,
    eventTypes: WEBHOOK_EVENT_TYPES.filter((type) => endpoint.eventTypes.includes(type)),
    scope: endpoint.scope,
  };
}

const FIELDS = { url: 'url', description: 'description', eventTypes: 'eventTypes', scope: 'scope' } as const;

type Props = {
  label: string;
  initial: EndpointValues;
  submitLabel: string;
  busy: boolean;
  /** The request's error: shown above the form (its field errors also next to their fields). */
  error: unknown;
  /** Sends the values; a rejection with a 422 puts its field errors next to the fields. */
  onSubmit: (values: EndpointValues) => Promise<unknown>;
  onCancel?: () => void;
};

/** Registering or editing a webhook endpoint: its URL, a description, the events (checkboxes) and the scope (radios). */
export function EndpointForm({ label, initial, submitLabel, busy, error, onSubmit, onCancel }: Props) {
  const { t } = useTranslation(['admin', 'common']);
  const errorText = useErrorText();
  const form = useForm<EndpointValues>({ defaultValues: initial });
  const { errors } = form.formState;
  const eventsId = useId();
  const scopeId = useId();
  const submit = async (values: EndpointValues) => {
    try {
      await onSubmit({ ...values, url: values.url.trim(), description: values.description.trim() });
    } catch (failure) {
      applyTopLevelErrors(errorText, failure, form.setError, FIELDS);
    }
  };
  const eventsError = errors.eventTypes?.message ?? errors.eventTypes?.root?.message;
  return (
    <form className="form" aria-label={label} noValidate onSubmit={form.handleSubmit(submit)}>
      <ProblemAlert error={error} />
      <Field label={t('webhooks.url')} hint={t('webhooks.urlHint')} error={errors.url?.message} required>
        {(control) => (
          <input
            {...control}
            type="url"
            dir="ltr"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            placeholder="https://"
            {...form.register('url', { required: errorText.required })}
          />
        )}
      </Field>
      <Field label={t('webhooks.description')} hint={t('webhooks.descriptionHint')} error={errors.description?.message}>
        {(control) => <textarea {...control} dir="auto" rows={2} {...form.register('description')} />}
      </Field>
      <fieldset className="endpoint-form__group" aria-describedby={`${eventsId}-hint${eventsError ? ` ${eventsId}-error` : ''}`}>
        <legend className="field__label">
          {t('webhooks.eventTypes')} <span className="field__required">{t('common:fields.required')}</span>
        </legend>
        <p id={`${eventsId}-hint`} className="field__hint">
          {t('webhooks.eventTypesHint')}
        </p>
        <ul className="choices">
          {WEBHOOK_EVENT_TYPES.map((type) => (
            <li key={type}>
              <label className="check">
                <input
                  type="checkbox"
                  value={type}
                  aria-describedby={`${eventsId}-${EVENT_KEY[type]}`}
                  aria-invalid={eventsError ? true : undefined}
                  {...form.register('eventTypes', { validate: (chosen) => chosen.length > 0 || t('webhooks.eventTypesRequired') })}
                />
                {t(`webhookEvents.${EVENT_KEY[type]}.label`)}
              </label>
              <p id={`${eventsId}-${EVENT_KEY[type]}`} className="field__hint choices__hint">
                <code dir="ltr">{type}</code> · {t(`webhookEvents.${EVENT_KEY[type]}.hint`)}
              </p>
            </li>
          ))}
        </ul>
        {eventsError ? (
          <p id={`${eventsId}-error`} className="field__error">
            {eventsError}
          </p>
        ) : null}
      </fieldset>
      <fieldset className="endpoint-form__group" aria-describedby={`${scopeId}-hint${errors.scope ? ` ${scopeId}-error` : ''}`}>
        <legend className="field__label">{t('webhooks.scope')}</legend>
        <p id={`${scopeId}-hint`} className="field__hint">
          {t('webhooks.scopeHint')}
        </p>
        <ul className="choices">
          {WEBHOOK_SCOPES.map((scope) => (
            <li key={scope}>
              <label className="check">
                <input type="radio" value={scope} aria-describedby={`${scopeId}-${scope}`} {...form.register('scope')} />
                {t(`webhookScopes.${scope}.label`)}
              </label>
              <p id={`${scopeId}-${scope}`} className="field__hint choices__hint">
                {t(`webhookScopes.${scope}.hint`)}
              </p>
            </li>
          ))}
        </ul>
        {errors.scope ? (
          <p id={`${scopeId}-error`} className="field__error">
            {errors.scope.message}
          </p>
        ) : null}
      </fieldset>
      <div className="row">
        <Button type="submit" busy={busy}>
          {submitLabel}
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
