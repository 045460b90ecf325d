import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
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
import { api, ifMatch, unwrap } from '@/lib/api/client';
import { applyFieldErrors, useErrorText } from '@/lib/api/messages';
import { ApiProblem } from '@/lib/api/problem';
import { keys } from '@/lib/api/queryKeys';
import type { Schema } from '@/lib/api/types';
import { pick } from '@/lib/i18n/text';
import { useLocale } from '@/lib/i18n/useLocale';
import { RubricEditor } from './RubricEditor';
import './calls.css';

type RubricView = Schema<'RubricView'>;

/** The rubric of a call, or null when it has none yet (404). */
async function readRubric(id: string): Promise<RubricView | null> {
  try {
    return await unwrap(api.GET('/api/v1/calls/{id}/rubric', { params: { path: { id } } }));
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 404) return null;
    throw error;
  }
}

export function RubricPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(['calls', 'common']);
  const { locale } = useLocale();
  const [notice, setNotice] = useState<string | null>(null);
  const call = useQuery({
    queryKey: keys.calls.detail(id),
    queryFn: () => unwrap(api.GET('/api/v1/calls/{id}', { params: { path: { id } } })),
  });
  const rubric = useQuery({ queryKey: keys.calls.rubric(id), queryFn: () => readRubric(id) });
  const callTitle = call.data ? pick(call.data.title, locale) : '';

  return (
    <Page title={callTitle ? `${t('rubric.title')}: ${callTitle}` : t('rubric.title')} lead={t('rubric.lead')}>
      <CallTabs callId={id} />
      <QueryState query={rubric}>
        {(data) => (
          <div className="stack">
            {notice ? <Notice>{notice}</Notice> : null}
            {data === null ? <p className="alert alert--info">{t('rubric.none')}</p> : null}
            {data?.locked ? <ReopenRubric callId={id} rubric={data} onReopened={() => setNotice(t('rubric.reopened'))} /> : null}
            <RubricEditor
              key={data?.version ?? 0}
              callId={id}
              rubric={data}
              onSaved={() => setNotice(t('rubric.saved'))}
              onReload={() => {
                setNotice(null);
                void rubric.refetch();
              }}
            />
          </div>
        )}
      </QueryState>
    </Page>
  );
}

function ReopenRubric({ callId, rubric, onReopened }: { callId: string; rubric: RubricView; onReopened: () => void }) {
  const { t } = useTranslation('calls');
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const form = useForm<{ reason: string }>({ defaultValues: { reason: '' } });
  const reopen = useMutation({
    mutationFn: (reason: string) =>
      unwrap(
        api.POST('/api/v1/calls/{id}/rubric/reopen', {
          params: { path: { id: callId }, header: ifMatch(rubric.version) },
          body: { reason: reason.trim() },
        }),
      ),
    onSuccess: (opened) => {
      queryClient.setQueryData(keys.calls.rubric(callId), opened);
      void queryClient.invalidateQueries({ queryKey: keys.calls.events(callId) });
      onReopened();
    },
    onError: (error) => applyFieldErrors(errorText, error, form.setError),
  });
  return (
    <Card>
      <div className="stack">
        <p className="alert alert--info">{t('rubric.locked')}</p>
        <form className="form" noValidate onSubmit={form.handleSubmit(({ reason }) => reopen.mutate(reason))}>
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
