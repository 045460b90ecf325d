import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '@/lib/api/problem';
import { Button } from './Button';
import { ProblemAlert } from './ProblemAlert';

/** Loading, error (with a retry) or the data of a query. */
export function QueryState<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  const { t } = useTranslation();
  if (query.isPending) {
    return (
      <p className="loading" role="status">
        {t('status.loading')}
      </p>
    );
  }
  if (query.isError) {
    const notFound = query.error instanceof ApiProblem && query.error.status === 404;
    return (
      <div className="stack">
        {notFound ? <p role="alert">{t('status.notFound')}</p> : <ProblemAlert error={query.error} />}
        {notFound ? null : (
          <Button variant="secondary" onClick={() => void query.refetch()}>
            {t('actions.retry')}
          </Button>
        )}
      </div>
    );
  }
  return <>{children(query.data)}</>;
}
