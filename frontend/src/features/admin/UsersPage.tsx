import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OneTimeLink } from '@/components/OneTimeLink';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { FilterFold } from '@/components/ui/FilterFold';
import { Badge, Page } from '@/components/ui/Page';
import { PagedTable, usePaging, type Column } from '@/components/ui/PagedTable';
import { Notice, ProblemAlert } from '@/components/ui/ProblemAlert';
import { QueryState } from '@/components/ui/QueryState';
import { Moment } from '@/components/ui/Time';
import type { Role, Schema, UserView } from '@/lib/api/types';
import { useSession } from '@/lib/auth/useSession';
import { endSessions, issuePasswordToken, resetSecondFactor, updateUser, usersQuery, type UsersQuery } from './api';
import { RoleEditor, ROLES } from './RoleEditor';
import './admin.css';

type Sort = NonNullable<UsersQuery['sort']>;
const PAGE = 20;
const SORTS: readonly Sort[] = ['createdAt', '-createdAt', 'email', '-email', 'displayName', '-displayName'];

/** Accounts for admins: search and filters, roles, activation and one-time set-password links. */
export function UsersPage() {
  const { t } = useTranslation(['admin', 'enums', 'common']);
  const session = useSession();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [active, setActive] = useState<'' | 'true' | 'false'>('');
  const paging = usePaging('-createdAt');
  const sort = SORTS.find((value) => value === paging.sort);
  const [token, setToken] = useState<{ name: string; view: Schema<'PasswordTokenView'> } | null>(null);
  const query: UsersQuery = {
    limit: PAGE,
    offset: paging.offset,
    ...(sort ? { sort } : {}),
    ...(q ? { q } : {}),
    ...(role ? { role } : {}),
    ...(active ? { active: active === 'true' } : {}),
  };
  const users = useQuery(usersQuery(query));
  const columns: Column<UserView>[] = [
    { key: 'name', header: t('users.name'), sort: 'displayName' },
    { key: 'roles', header: t('users.roles') },
    { key: 'state', header: t('users.state') },
    { key: 'createdAt', header: t('users.createdAt'), sort: 'createdAt', firstDirection: 'desc' },
    { key: 'actions', header: t('users.actions') },
  ];
  const search = (event: FormEvent) => {
    event.preventDefault();
    setQ(text.trim());
    paging.firstPage();
  };
  return (
    <Page title={t('users.title')} lead={t('users.lead')}>
      <div className="stack">
        <FilterFold active={[q, role, active].filter(Boolean).length}>
          <form role="search" aria-label={t('users.filters')} className="card user-filters" noValidate onSubmit={search}>
            <Field label={t('users.q')}>{(control) => <input {...control} type="search" value={text} onChange={(e) => setText(e.target.value)} />}</Field>
            <Button type="submit" variant="secondary">
              {t('users.search')}
            </Button>
            <Field label={t('users.role')}>
              {(control) => (
                <select
                  {...control}
                  value={role}
                  onChange={(e) => {
                    setRole(e.target.value as Role | '');
                    paging.firstPage();
                  }}
                >
                  <option value="">{t('users.all')}</option>
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {t(`enums:Role.${r}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('users.active')}>
              {(control) => (
                <select
                  {...control}
                  value={active}
                  onChange={(e) => {
                    setActive(e.target.value as '' | 'true' | 'false');
                    paging.firstPage();
                  }}
                >
                  <option value="">{t('users.all')}</option>
                  <option value="true">{t('users.activeOnly')}</option>
                  <option value="false">{t('users.inactiveOnly')}</option>
                </select>
              )}
            </Field>
          </form>
        </FilterFold>
        {token ? <OneTimeLink name={token.name} token={token.view} onDone={() => setToken(null)} /> : null}
        <QueryState query={users}>
          {(page) => (
            <PagedTable
              label={t('users.tableLabel')}
              caption={t('users.caption')}
              columns={columns}
              page={page}
              rowKey={(user) => user.id}
              empty={t('users.none')}
              defaultSort="-createdAt"
              row={(user) => (
                <UserRow user={user} isSelf={user.id === session?.user.id} onToken={(view) => setToken({ name: user.displayName, view })} />
              )}
            />
          )}
        </QueryState>
      </div>
    </Page>
  );
}

function UserRow({ user, isSelf, onToken }: { user: UserView; isSelf: boolean; onToken: (token: Schema<'PasswordTokenView'>) => void }) {
  const { t } = useTranslation(['admin', 'enums']);
  const activation = useMutation(updateUser(user.id));
  const issue = useMutation(issuePasswordToken(user.id));
  const name = user.displayName;
  return (
    <tr>
      <th scope="row" className="user-cell">
        <bdi>{name}</bdi> {isSelf ? <Badge tone="info">{t('users.you')}</Badge> : null}
        <div className="muted">
          <bdi dir="ltr">{user.email}</bdi>
        </div>
      </th>
      <td>
        <span className="badges">
          <Badge tone="neutral">{t('users.citizen')}</Badge>
          {ROLES.filter((role) => user.roles.includes(role)).map((role) => (
            <Badge key={role} tone={role === 'admin' ? 'danger' : role === 'staff' ? 'info' : 'success'}>
              {t(`enums:Role.${role}`)}
            </Badge>
          ))}
        </span>
      </td>
      <td>
        <span className="badges">
          {user.active ? <Badge tone="success">{t('users.isActive')}</Badge> : <Badge tone="warning">{t('users.isInactive')}</Badge>}
          {user.secondFactorEnabled ? <Badge tone="info">{t('users.secondFactorOn')}</Badge> : null}
        </span>
      </td>
      <td>
        <Moment value={user.createdAt} style="long" />
      </td>
      <td className="user-actions">
        <RoleEditor user={user} isSelf={isSelf} />
        <div className="row">
          <Button
            variant={user.active ? 'danger' : 'secondary'}
            busy={activation.isPending}
            aria-label={t(user.active ? 'account.deactivateFor' : 'account.activateFor', { name })}
            onClick={() => activation.mutate({ active: !user.active })}
          >
            {t(user.active ? 'account.deactivate' : 'account.activate')}
          </Button>
          <Button variant="quiet" busy={issue.isPending} aria-label={t('token.issueFor', { name })} onClick={() => issue.mutate(undefined, { onSuccess: onToken })}>
            {t('token.issue')}
          </Button>
        </div>
        <ProblemAlert error={activation.error ?? issue.error} />
        {activation.isSuccess ? <Notice>{t(activation.data.active ? 'account.activated' : 'account.deactivated', { name })}</Notice> : null}
        <AccountSecurity user={user} />
      </td>
    </tr>
  );
}

/** An account's security for admins: reset a lost second factor (after a confirmation), end every session. */
function AccountSecurity({ user }: { user: UserView }) {
  const { t } = useTranslation(['admin', 'common']);
  const [confirming, setConfirming] = useState(false);
  const name = user.displayName;
  const reset = useMutation(resetSecondFactor(user.id));
  const ending = useMutation(endSessions(user.id));
  return (
    <>
      <div className="row">
        {user.secondFactorEnabled && !confirming ? (
          <Button variant="quiet" aria-label={t('secondFactor.resetFor', { name })} onClick={() => setConfirming(true)}>
            {t('secondFactor.reset')}
          </Button>
        ) : null}
        <Button variant="quiet" busy={ending.isPending} aria-label={t('sessions.endFor', { name })} onClick={() => ending.mutate()}>
          {t('sessions.end')}
        </Button>
        <Link className="button button--quiet" to={`/admin/audit?subject=${user.id}`} aria-label={t('sessions.auditFor', { name })}>
          {t('sessions.audit')}
        </Link>
      </div>
      {confirming ? (
        <div className="confirm stack">
          <p role="status">
            <strong>{t('secondFactor.confirmQuestion', { name })}</strong>
          </p>
          <div className="row">
            <Button variant="danger" busy={reset.isPending} onClick={() => reset.mutate(undefined, { onSuccess: () => setConfirming(false) })}>
              {t('secondFactor.confirm')}
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              {t('common:actions.cancel')}
            </Button>
          </div>
        </div>
      ) : null}
      <ProblemAlert error={reset.error ?? ending.error} />
      {reset.isSuccess ? <Notice>{t('secondFactor.done', { name })}</Notice> : null}
      {ending.isSuccess ? <Notice>{t('sessions.ended', { name })}</Notice> : null}
    </>
  );
}
