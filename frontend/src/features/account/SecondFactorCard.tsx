import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { Badge, Card } from '@/components/ui/Page';
import { Notice, ProblemAlert } from '@/components/ui/ProblemAlert';
import { QueryState } from '@/components/ui/QueryState';
import { Moment, Num } from '@/components/ui/Time';
import { applyFieldErrors } from '@/lib/api/messages';
import type { paths } from '@/lib/api/types';
import { formatNumber } from '@/lib/format/numbers';
import { useLocale } from '@/lib/i18n/useLocale';
import { confirmSecondFactor, disableSecondFactor, renewRecoveryCodes, secondFactorQuery, startSecondFactor } from './api';
import { groupSecret, normaliseAnyCode, normaliseCode, TOTP_CODE } from './codes';
import { useAccountErrorText } from './errors';
import { QrCode } from './QrCode';
import { RecoveryCodes } from './RecoveryCodes';

type Enrolment = paths['/api/v1/me/second-factor']['post']['responses'][201]['content']['application/json'];
type Status = paths['/api/v1/me/second-factor']['get']['responses'][200]['content']['application/json'];

/** With this many recovery codes or fewer remaining, it is time to make new ones. */
const FEW_CODES = 3;

/**
 * The account's second factor: its state, setting it up (a QR code made in the browser, the key for typing by
 * hand, a first code to prove it works), then recovery codes shown once; new recovery codes; turning it off.
 * `onSaved` runs once the first recovery codes are put away (the enrolment page moves on).
 */
export function SecondFactorCard({ onSaved }: { onSaved?: () => void }) {
  const { t } = useTranslation('account');
  const status = useQuery(secondFactorQuery());
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [codes, setCodes] = useState<{ codes: string[]; first: boolean } | null>(null);
  const [notice, setNotice] = useState<'enabled' | 'disabled' | null>(null);
  const start = useMutation(startSecondFactor());
  return (
    <Card title={t('secondFactor.title')}>
      <div className="stack">
        <p className="muted">{t('secondFactor.lead')}</p>
        {codes ? (
          <RecoveryCodes
            codes={codes.codes}
            onDone={() => {
              const first = codes.first;
              setCodes(null);
              if (first) onSaved?.();
            }}
          />
        ) : enrolment ? (
          <EnrolmentSteps
            enrolment={enrolment}
            onConfirmed={(recoveryCodes) => {
              setEnrolment(null);
              setNotice('enabled');
              setCodes({ codes: recoveryCodes, first: true });
            }}
            onCancel={() => setEnrolment(null)}
          />
        ) : (
          <QueryState query={status}>
            {(state) =>
              state.enabled ? (
                <Enabled
                  state={state}
                  onRenewed={(recoveryCodes) => {
                    setNotice(null);
                    setCodes({ codes: recoveryCodes, first: false });
                  }}
                  onDisabled={() => setNotice('disabled')}
                />
              ) : (
                <div className="stack">
                  <StatusFacts state={state} />
                  {state.required ? <p className="alert alert--info">{t('secondFactor.required')}</p> : null}
                  <ProblemAlert error={start.error} />
                  <div>
                    <Button busy={start.isPending} onClick={() =>
                        start.mutate(undefined, {
                          onSuccess: (found) => {
                            setNotice(null);
                            setEnrolment(found);
                          },
                        })
                      }>
                      {t('secondFactor.setUp')}
                    </Button>
                  </div>
                </div>
              )
            }
          </QueryState>
        )}
        {notice && !codes ? <Notice>{t(notice === 'enabled' ? 'secondFactor.enabled' : 'secondFactor.disabled')}</Notice> : null}
      </div>
    </Card>
  );
}

function StatusFacts({ state }: { state: Status }) {
  const { t } = useTranslation('account');
  return (
    <dl className="facts">
      <div>
        <dt>{t('secondFactor.status')}</dt>
        <dd>{state.enabled ? <Badge tone="success">{t('secondFactor.on')}</Badge> : <Badge tone="warning">{t('secondFactor.off')}</Badge>}</dd>
      </div>
      {state.enabled && state.enabledAt ? (
        <div>
          <dt>{t('secondFactor.since')}</dt>
          <dd>
            <Moment value={state.enabledAt} style="dateTime" />
          </dd>
        </div>
      ) : null}
      {state.enabled ? (
        <div>
          <dt>{t('secondFactor.codesLeft')}</dt>
          <dd>
            <Num value={state.recoveryCodesLeft} />
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

/**
 * A form's code: the authenticator's six digits, checked here before the server sees them, or (`orRecovery`)
 * one of the recovery codes as well.
 */
function CodeField({ form, label, orRecovery = false }: { form: UseFormReturn<{ code: string; password?: string }>; label: string; orRecovery?: boolean }) {
  const { t } = useTranslation('account');
  const errorText = useAccountErrorText();
  return (
    <Field label={label} hint={orRecovery ? t('secondFactor.orRecovery') : undefined} error={form.formState.errors.code?.message} required>
      {(control) => (
        <input
          {...control}
          dir="ltr"
          inputMode="numeric"
          autoComplete="one-time-code"
          spellCheck={false}
          className="code-input"
          {...form.register('code', {
            required: errorText.required,
            validate: (value) => orRecovery || TOTP_CODE.test(normaliseCode(value)) || t('secondStep.sixDigits'),
          })}
        />
      )}
    </Field>
  );
}

function EnrolmentSteps({ enrolment, onConfirmed, onCancel }: { enrolment: Enrolment; onConfirmed: (codes: string[]) => void; onCancel: () => void }) {
  const { t } = useTranslation('account');
  const { locale } = useLocale();
  const errorText = useAccountErrorText();
  const form = useForm<{ code: string; password?: string }>({ defaultValues: { code: '' } });
  const confirm = useMutation(confirmSecondFactor());
  const n = (value: number) => formatNumber(value, locale);
  const fieldError = confirm.error && form.formState.errors.code;
  return (
    <div className="stack enrolment">
      <p>{t('secondFactor.scan')}</p>
      <div className="enrolment__picture">
        <QrCode text={enrolment.otpauthUri} label={t('secondFactor.qrLabel')} />
        <div className="stack">
          <p>{t('secondFactor.manual')}</p>
          <Field label={t('secondFactor.key')} hint={t('secondFactor.keyDetails', { algorithm: enrolment.algorithm, digits: n(enrolment.digits), period: n(enrolment.period) })}>
            {(control) => (
              // A text area, so that the whole key wraps on a phone instead of scrolling out of sight.
              <textarea {...control} readOnly dir="ltr" rows={2} spellCheck={false} className="secret" value={groupSecret(enrolment.secret)} onFocus={(event) => event.currentTarget.select()} />
            )}
          </Field>
        </div>
      </div>
      <form className="form narrow" noValidate aria-label={t('secondFactor.setUp')} onSubmit={form.handleSubmit(({ code }) =>
          confirm.mutate(normaliseCode(code), {
            onSuccess: (answer) => onConfirmed(answer.recoveryCodes),
            onError: (error) => applyFieldErrors(errorText, error, form.setError),
          }),
        )}>
        <p>{t('secondFactor.enterCode')}</p>
        {fieldError ? null : <ProblemAlert error={confirm.error} />}
        <CodeField form={form} label={t('secondFactor.code')} />
        <div className="row">
          <Button type="submit" busy={confirm.isPending}>
            {t('secondFactor.confirm')}
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            {t('secondFactor.cancel')}
          </Button>
        </div>
      </form>
    </div>
  );
}

function Enabled({ state, onRenewed, onDisabled }: { state: Status; onRenewed: (codes: string[]) => void; onDisabled: () => void }) {
  const { t } = useTranslation('account');
  const errorText = useAccountErrorText();
  const renewForm = useForm<{ code: string; password?: string }>({ defaultValues: { code: '' } });
  const disableForm = useForm<{ code: string; password?: string }>({ defaultValues: { code: '', password: '' } });
  const renew = useMutation(renewRecoveryCodes());
  const disable = useMutation(disableSecondFactor());
  return (
    <div className="stack">
      <StatusFacts state={state} />
      {state.recoveryCodesLeft <= FEW_CODES ? <p className="alert alert--error">{t('secondFactor.fewCodesLeft')}</p> : null}
      <form className="form narrow" noValidate aria-labelledby="renew-codes-title" onSubmit={renewForm.handleSubmit(({ code }) =>
          renew.mutate(normaliseAnyCode(code), {
            onSuccess: (answer) => onRenewed(answer.recoveryCodes),
            onError: (error) => applyFieldErrors(errorText, error, renewForm.setError),
          }),
        )}>
        <h3 id="renew-codes-title">{t('secondFactor.renewTitle')}</h3>
        <p className="muted">{t('secondFactor.renewLead')}</p>
        {renewForm.formState.errors.code ? null : <ProblemAlert error={renew.error} />}
        <CodeField form={renewForm} label={t('secondFactor.code')} orRecovery />
        <div>
          <Button type="submit" variant="secondary" busy={renew.isPending}>
            {t('secondFactor.renew')}
          </Button>
        </div>
      </form>
      <form
        className="form narrow"
        noValidate
        aria-labelledby="disable-second-factor-title"
        onSubmit={disableForm.handleSubmit(({ code, password }) =>
          disable.mutate(
            { code: normaliseAnyCode(code), password: password ?? '' },
            { onSuccess: onDisabled, onError: (error) => applyFieldErrors(errorText, error, disableForm.setError) },
          ),
        )}
      >
        <h3 id="disable-second-factor-title">{t('secondFactor.disableTitle')}</h3>
        <p className="muted">{t('secondFactor.disableLead')}</p>
        {state.required ? <p className="alert alert--info">{t('secondFactor.disableRequired')}</p> : null}
        {disableForm.formState.errors.code || disableForm.formState.errors.password ? null : <ProblemAlert error={disable.error} />}
        <Field label={t('fields.password')} error={disableForm.formState.errors.password?.message} required>
          {(control) => (
            <input {...control} type="password" dir="ltr" autoComplete="current-password" {...disableForm.register('password', { required: errorText.required })} />
          )}
        </Field>
        <CodeField form={disableForm} label={t('secondFactor.code')} orRecovery />
        <div>
          <Button type="submit" variant="danger" busy={disable.isPending}>
            {t('secondFactor.disable')}
          </Button>
        </div>
      </form>
    </div>
  );
}
