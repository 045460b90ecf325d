import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { Button } from '@/components/ui/Button';
import { Card, Page } from '@/components/ui/Page';
import { Notice, ProblemAlert } from '@/components/ui/ProblemAlert';
import { unsubscribe, unsubscribeQuery } from './api';
import { tokenOf } from './SetPasswordPage';
import { tokenRefused } from './VerifyEmailPage';
import './account.css';

/**
 * The page a mail's unsubscribe link opens (`#token=…`, or `?token=…`), signed in or not: it says which messages the
 * link turns off, and turns them off only when asked (a mail scanner that opens links changes nothing). The e-mail
 * clients' one-click unsubscribe posts to the API directly.
 */
export function UnsubscribePage() {
  const { t } = useTranslation(['account', 'enums', 'common']);
  const location = useLocation();
  const navigate = useNavigate();
  const [token] = useState(() => tokenOf(location));
  useEffect(() => {
    if (location.hash || location.search) void navigate({ pathname: location.pathname }, { replace: true });
  }, [location, navigate]);
  const what = useQuery({ ...unsubscribeQuery(token), enabled: Boolean(token) });
  const off = useMutation(unsubscribe(token));
  const invalid = (
    <p role="alert" className="alert alert--error">
      {t('unsubscribe.invalid')}
    </p>
  );
  let body;
  if (!token) {
    body = (
      <p role="alert" className="alert alert--error">
        {t('unsubscribe.noToken')}
      </p>
    );
  } else if (off.isSuccess) {
    body = (
      <div className="stack narrow">
        <Notice>
          <p>{t('unsubscribe.done', { kind: t(`enums:NoticeKind.${off.data.kind}`) })}</p>
          <p>{t('unsubscribe.doneLead')}</p>
        </Notice>
        <p>
          <Link to="/profile#notifications">{t('unsubscribe.preferences')}</Link>
        </p>
      </div>
    );
  } else if (what.isPending) {
    body = (
      <p role="status" className="loading">
        {t('unsubscribe.checking')}
      </p>
    );
  } else if (what.isError) {
    body = tokenRefused(what.error) ? (
      invalid
    ) : (
      <div className="stack narrow">
        <ProblemAlert error={what.error} />
        <div>
          <Button variant="secondary" onClick={() => void what.refetch()}>
            {t('common:actions.retry')}
          </Button>
        </div>
      </div>
    );
  } else {
    body = (
      <Card className="narrow">
        <div className="stack">
          <p className="unsubscribe__about">
            {t('unsubscribe.about')} <strong>{t(`enums:NoticeKind.${what.data.kind}`)}</strong>
          </p>
          {tokenRefused(off.error) ? invalid : <ProblemAlert error={off.error} />}
          <div>
            <Button busy={off.isPending} onClick={() => off.mutate()}>
              {t('unsubscribe.confirm')}
            </Button>
          </div>
        </div>
      </Card>
    );
  }
  return <Page title={t('unsubscribe.title')}>{body}</Page>;
}
