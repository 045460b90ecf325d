import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { CallTabs } from '@/components/CallTabs';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { Card, Page } from '@/components/ui/Page';
import { Notice, ProblemAlert } from '@/components/ui/ProblemAlert';
import { QueryState } from '@/components/ui/QueryState';
import { callQuery, rubricQuery } from '@/lib/api/calls';
import { applyFieldErrors, useErrorText } from '@/lib/api/messages';
import type { Schema } from '@/lib/api/types';
import { pick } from '@/lib/i18n/text';
import { useLocale } from '@/lib/i18n/useLocale';
import { reopenRubric } from './api';
import { RubricEditor } from './RubricEditor';
import './calls.css';

type RubricView = Schema<'RubricView'>;

export function RubricPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(['calls', 'common']);
  const { locale } = useLocale();
  const [notice, setNotice] = useState<string | null>(null);
  const call = useQuery(callQuery(id));
  const rubric = useQuery(rubricQuery(id));
  const callTitle = call.data ? pick(call.data.title, locale) : '';

  return (
    <Page title={callTitle ? `${t('rubric.title')}: ${callTitle}` : t('rubric.title')} lead={t('rubric.lead')}>
      <CallTabs callId={id} />
      <QueryState query={call}>
        {({ allowedActions = [] }) => (
          <QueryState query={rubric}>
            {(data) => (
              <div className="stack">
                {notice ? <Notice>{notice}</Notice> : null}
                {data === null ? <p className="alert alert--info">{t('rubric.none')}</p> : null}
                {data && allowedActions.includes('reopen_rubric') ? (
                  <ReopenRubric callId={id} rubric={data} onReopened={() => setNotice(t('rubric.reopened'))} />
                ) : null}
                <RubricEditor
                  key={data?.version ?? 0}
                  callId={id}
                  rubric={data}
                  readOnly={!allowedActions.includes('edit_rubric')}
                  onSaved={() => setNotice(t('rubric.saved'))}
                  onReload={() => {
                    setNotice(null);
                    void rubric.refetch();
                  }}
                />
              </div>
            )}
          </QueryState>
        )}
      </QueryState>
    </Page>
  );
}

function ReopenRubric({ callId, rubric, onReopened }: { callId: string; rubric: RubricView; onReopened: () => void }) {
  const { t } = useTranslation('calls');
  const errorText = useErrorText();
  const form = useForm<{ reason: string }>({ defaultValues: { reason: '' } });
  const reopen = useMutation(reopenRubric(callId, rubric));
  return (
    <Card>
      <div className="stack">
        <p className="alert alert--info">{t('rubric.locked')}</p>
        <form className="form" noValidate onSubmit={form.handleSubmit(({ reason }) =>
            reopen.mutate(reason.trim(), { onSuccess: onReopened, onError: (error) => applyFieldErrors(errorText, error, form.setError) }),
          )}>
          <ProblemAlert error={reopen.error} />
          <Field label={t('rubric.reopenReason')} error={form.formState.errors.reason?.message} required>
            {(props) => (
              <textarea {...props} rows={3} {...form.register('reason', { validate: (v) => v.trim().length > 0 || errorText.required })} />
            )}
          </Field>
          <div className="row">
            <Button type="submit" variant="secondary" busy={reopen.isPending}>
              {t('rubric.reopen')}
            </Button>
          </div>
        </form>
      </div>
    </Card>
  );
}
