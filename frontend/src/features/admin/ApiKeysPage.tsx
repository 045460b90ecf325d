import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/Button';
import { DateField } from '@/components/ui/DateField';
import { Field } from '@/components/ui/Field';
import { Badge, Card, Page, type Tone } from '@/components/ui/Page';
import { PagedTable, usePaging, type Column } from '@/components/ui/PagedTable';
import { Notice, ProblemAlert } from '@/components/ui/ProblemAlert';
import { QueryState } from '@/components/ui/QueryState';
import { Moment } from '@/components/ui/Time';
import { API_SCOPES } from '@/lib/api/enums';
import { useErrorText } from '@/lib/api/messages';
import type { Schema } from '@/lib/api/types';
import { endOfOfficeDay } from '@/lib/format/dates';
import { formatNumber, latinDigits } from '@/lib/format/numbers';
import { useLocale } from '@/lib/i18n/useLocale';
import { apiKeysQuery, issueApiKey, revokeApiKey, type CreateApiKeyBody } from './api';
import { applyTopLevelErrors } from './fieldErrors';
import { SecretOnce } from './SecretOnce';
import './admin.css';

type ApiKey = Schema<'ApiKeyView'>;
type ApiScope = Schema<'ApiScope'>;
type KeyStatus = ApiKey['status'];
const PAGE = 50;
const MAX_RATE = 100_000;

const statusTone: Record<KeyStatus, Tone> = { active: 'success', expired: 'neutral', revoked: 'danger' };

/** What the issue form holds: the expiry as an ISO day ('' for the default), the rate limit as typed ('' for the default). */
export type KeyValues = { name: string; scopes: ApiScope[]; expiresOn: string; rateLimit: string };
const EMPTY: KeyValues = { name: '', scopes: [], expiresOn: '', rateLimit: '' };

/** A typed rate limit (any digits) as a number, or null when it is not a whole number in 1..100,000. */
export function parseRateLimit(typed: string): number | null {
  const text = latinDigits(typed.trim()).replace(/[,٬]/g, '');
  if (!/^\d+$/.test(text)) return null;
  const value = Number(text);
  return value >= 1 && value <= MAX_RATE ? value : null;
}

/** The body that issues a key: the scopes in a fixed order; the expiry (the office's end of that day) and limit only when given. */
export function issueBody(values: KeyValues): CreateApiKeyBody {
  const rateLimit = values.rateLimit.trim() ? parseRateLimit(values.rateLimit) : null;
  return {
    name: values.name.trim(),
    scopes: API_SCOPES.filter((scope) => values.scopes.includes(scope)),
    ...(values.expiresOn ? { expiresAt: endOfOfficeDay(values.expiresOn) } : {}),
    ...(rateLimit !== null ? { rateLimit } : {}),
  };
}

/** API keys for admins: the list with each key's scopes, limit and status; issuing one (its token shown once); revoking one. */
export function ApiKeysPage() {
  const { t } = useTranslation(['admin', 'common']);
  const { offset } = usePaging();
  const keys = useQuery(apiKeysQuery({ limit: PAGE, offset }));
  const [issuing, setIssuing] = useState(false);
  const [issued, setIssued] = useState<Schema<'ApiKeyCreated'> | null>(null);
  const [revoked, setRevoked] = useState<string | null>(null);
  const columns: Column<ApiKey>[] = [
    { key: 'name', header: t('apiKeys.name') },
    { key: 'prefix', header: t('apiKeys.prefix') },
    { key: 'scopes', header: t('apiKeys.scopesColumn') },
    { key: 'rateLimit', header: t('apiKeys.rateLimitColumn') },
    { key: 'expiresAt', header: t('apiKeys.expires') },
    { key: 'lastUsedAt', header: t('apiKeys.lastUsed') },
    { key: 'status', header: t('apiKeys.status') },
    { key: 'actions', header: t('apiKeys.actions') },
  ];
  return (
    <Page
      title={t('apiKeys.title')}
      lead={t('apiKeys.lead')}
      actions={
        issuing ? null : (
          <Button
            onClick={() => {
              setIssued(null);
              setRevoked(null);
              setIssuing(true);
            }}
          >
            {t('apiKeys.issue')}
          </Button>
        )
      }
    >
      <div className="stack">
        {issued ? <IssuedToken issued={issued} onDone={() => setIssued(null)} /> : null}
        {issuing ? (
          <Card title={t('apiKeys.issueTitle')}>
            <IssueKeyForm
              onCancel={() => setIssuing(false)}
              onIssued={(answer) => {
                setIssuing(false);
                setIssued(answer);
              }}
            />
          </Card>
        ) : null}
        {revoked ? <Notice>{t('apiKeys.revoked', { name: revoked })}</Notice> : null}
        <QueryState query={keys}>
          {(page) => (
            <PagedTable
              label={t('apiKeys.tableLabel')}
              caption={t('apiKeys.caption')}
              className="api-keys"
              columns={columns}
              page={page}
              rowKey={(key) => key.id}
              empty={t('apiKeys.none')}
              row={(key) => <KeyRow apiKey={key} onRevoked={() => setRevoked(key.name)} />}
            />
          )}
        </QueryState>
      </div>
    </Page>
  );
}

function IssuedToken({ issued, onDone }: { issued: Schema<'ApiKeyCreated'>; onDone: () => void }) {
  const { t } = useTranslation('admin');
  const name = issued.key.name;
  return (
    <SecretOnce
      value={issued.token}
      onDone={onDone}
      words={{
        title: t('apiToken.title'),
        lead: t('apiToken.lead', { name }),
        once: t('apiToken.once'),
        label: t('apiToken.label', { name }),
        copy: t('apiToken.copy'),
        copied: t('apiToken.copied'),
        copyFailed: t('apiToken.copyFailed'),
        done: t('apiToken.done'),
      }}
    >
      <p className="field__hint">{t('apiToken.usage')}</p>
      <pre className="code-block" dir="ltr">{`Authorization: Bearer ${issued.token}`}</pre>
    </SecretOnce>
  );
}

/** The body's fields as the form holds them: the expiry is chosen as a day. */
const FIELDS = { name: 'name', scopes: 'scopes', expiresAt: 'expiresOn', rateLimit: 'rateLimit' } as const;

function IssueKeyForm({ onIssued, onCancel }: { onIssued: (issued: Schema<'ApiKeyCreated'>) => void; onCancel: () => void }) {
  const { t } = useTranslation(['admin', 'common']);
  const errorText = useErrorText();
  const form = useForm<KeyValues>({ defaultValues: EMPTY });
  const { errors } = form.formState;
  const issue = useMutation(issueApiKey());
  const scopesId = useId();
  const submit = (values: KeyValues) =>
    issue.mutate(issueBody(values), {
      onSuccess: onIssued,
      onError: (error) =>
        applyTopLevelErrors(errorText, error, form.setError, FIELDS, (field, code) => (field === 'expiresAt' && code === 'range' ? t('apiKeys.expiresRange') : undefined)),
    });
  const scopesError = errors.scopes?.message ?? errors.scopes?.root?.message;
  return (
    <form className="form" aria-label={t('apiKeys.issueTitle')} noValidate onSubmit={form.handleSubmit(submit)}>
      <ProblemAlert error={issue.error} />
      <Field label={t('apiKeys.name')} hint={t('apiKeys.nameHint')} error={errors.name?.message} required>
        {(control) => <input {...control} dir="auto" autoComplete="off" {...form.register('name', { validate: (name) => name.trim() !== '' || errorText.required })} />}
      </Field>
      <fieldset className="endpoint-form__group" aria-describedby={`${scopesId}-hint${scopesError ? ` ${scopesId}-error` : ''}`}>
        <legend className="field__label">
          {t('apiKeys.scopes')} <span className="field__required">{t('common:fields.required')}</span>
        </legend>
        <p id={`${scopesId}-hint`} className="field__hint">
          {t('apiKeys.scopesHint')}
        </p>
        <ul className="choices">
          {API_SCOPES.map((scope) => (
            <li key={scope}>
              <label className="check">
                <input
                  type="checkbox"
                  value={scope}
                  aria-describedby={`${scopesId}-${scope}`}
                  aria-invalid={scopesError ? true : undefined}
                  {...form.register('scopes', { validate: (chosen) => chosen.length > 0 || t('apiKeys.scopesRequired') })}
                />
                {t(`apiScopes.${scope}.label`)}
              </label>
              <p id={`${scopesId}-${scope}`} className="field__hint choices__hint">
                <code dir="ltr">{scope}</code> · {t(`apiScopes.${scope}.hint`)}
              </p>
            </li>
          ))}
        </ul>
        {scopesError ? (
          <p id={`${scopesId}-error`} className="field__error">
            {scopesError}
          </p>
        ) : null}
      </fieldset>
      <div className="form__row">
        <div className="stack stack--tight">
          <Controller
            control={form.control}
            name="expiresOn"
            render={({ field }) => <DateField label={t('apiKeys.expiresAt')} value={field.value} onChange={field.onChange} error={errors.expiresOn?.message} yearsBefore={0} yearsAfter={2} />}
          />
          <p className="field__hint">{t('apiKeys.expiresHint')}</p>
        </div>
        <Field label={t('apiKeys.rateLimit')} hint={t('apiKeys.rateLimitHint')} error={errors.rateLimit?.message}>
          {(control) => (
            <input
              {...control}
              inputMode="numeric"
              dir="ltr"
              autoComplete="off"
              {...form.register('rateLimit', { validate: (typed) => typed.trim() === '' || parseRateLimit(typed) !== null || t('apiKeys.rateLimitInvalid') })}
            />
          )}
        </Field>
      </div>
      <div className="row">
        <Button type="submit" busy={issue.isPending}>
          {t('apiKeys.submit')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('common:actions.cancel')}
        </Button>
      </div>
    </form>
  );
}

function KeyRow({ apiKey, onRevoked }: { apiKey: ApiKey; onRevoked: () => void }) {
  const { t } = useTranslation(['admin', 'common']);
  const { locale } = useLocale();
  const [confirming, setConfirming] = useState(false);
  const revoke = useMutation(revokeApiKey(apiKey.id));
  const name = apiKey.name;
  // Display only: a revoked or expired key has nothing left to revoke (the server answers 409 to a revoked one).
  const revocable = apiKey.status === 'active';
  return (
    <tr>
      <th scope="row" className="api-key__name">
        <bdi>{name}</bdi>
      </th>
      <td>
        <code dir="ltr">{apiKey.prefix}…</code>
      </td>
      <td>
        <span className="badges">
          {API_SCOPES.filter((scope) => apiKey.scopes.includes(scope)).map((scope) => (
            <Badge key={scope} tone={scope === 'public_read' ? 'neutral' : 'warning'}>
              {t(`apiScopes.${scope}.label`)}
            </Badge>
          ))}
        </span>
      </td>
      <td>{t('apiKeys.perMinute', { n: formatNumber(apiKey.rateLimit, locale) })}</td>
      <td>
        <Moment value={apiKey.expiresAt} style="long" />
      </td>
      <td>{apiKey.lastUsedAt ? <Moment value={apiKey.lastUsedAt} style="dateTime" /> : t('apiKeys.neverUsed')}</td>
      <td>
        <Badge tone={statusTone[apiKey.status]}>{t(`apiKeyStatus.${apiKey.status}`)}</Badge>
        {apiKey.revokedAt ? (
          <div className="muted">
            <Moment value={apiKey.revokedAt} style="long" />
          </div>
        ) : null}
      </td>
      <td className="api-key__actions">
        {revocable && !confirming ? (
          <Button variant="danger" aria-label={t('apiKeys.revokeFor', { name })} onClick={() => setConfirming(true)}>
            {t('apiKeys.revoke')}
          </Button>
        ) : null}
        {confirming ? (
          <div className="confirm stack">
            <p role="status">
              <strong>{t('apiKeys.revokeQuestion', { name })}</strong>
            </p>
            <div className="row">
              <Button
                variant="danger"
                busy={revoke.isPending}
                onClick={() =>
                  revoke.mutate(undefined, {
                    onSuccess: () => {
                      setConfirming(false);
                      onRevoked();
                    },
                  })
                }
              >
                {t('apiKeys.revokeConfirm')}
              </Button>
              <Button variant="secondary" onClick={() => setConfirming(false)}>
                {t('common:actions.cancel')}
              </Button>
            </div>
          </div>
        ) : null}
        <ProblemAlert error={revoke.error} />
      </td>
    </tr>
  );
}
