import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { BilingualFields } from '@/components/ui/BilingualFields';
import { Button } from '@/components/ui/Button';
import { DateField } from '@/components/ui/DateField';
import { Field } from '@/components/ui/Field';
import { Badge, Card, Page } from '@/components/ui/Page';
import { PagedTable, usePaging, type Column } from '@/components/ui/PagedTable';
import { Notice, ProblemAlert } from '@/components/ui/ProblemAlert';
import { QueryState } from '@/components/ui/QueryState';
import { Day } from '@/components/ui/Time';
import { applyFieldErrors, useErrorText } from '@/lib/api/messages';
import type { Schema } from '@/lib/api/types';
import { optionalText, pick, textValue, toBilingual } from '@/lib/i18n/text';
import { useLocale } from '@/lib/i18n/useLocale';
import { networksQuery, saveNetwork, type NetworksQuery } from './api';
import './partnerships.css';

type Network = Schema<'NetworkView'>;
type Sort = NonNullable<NetworksQuery['sort']>;
const PAGE = 20;
const SORTS: readonly Sort[] = ['name', '-name', 'joinedOn', '-joinedOn'];

/** City networks the municipality belongs or belonged to, with recording and correcting them (staff). */
export function NetworksPage() {
  const { t } = useTranslation(['partnerships', 'common']);
  const { locale } = useLocale();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [current, setCurrent] = useState<'' | 'true' | 'false'>('');
  const paging = usePaging('name');
  const sort = SORTS.find((value) => value === paging.sort);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Network | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const query: NetworksQuery = { limit: PAGE, offset: paging.offset, ...(sort ? { sort } : {}), ...(q ? { q } : {}), ...(current ? { current: current === 'true' } : {}) };
  const list = useQuery(networksQuery(query));
  const columns: Column<Network>[] = [
    {
      key: 'name',
      header: t('networks.name'),
      sort: 'name',
      rowHeader: true,
      className: 'wide-col',
      cell: (network) => (
        <>
          <bdi>{pick(network.name, locale)}</bdi>
          {network.website ? (
            <div>
              <a href={network.website} rel="noreferrer" target="_blank">
                <bdi dir="ltr">{network.website.replace(/^https?:\/\//i, '')}</bdi>
              </a>
            </div>
          ) : null}
        </>
      ),
    },
    { key: 'role', header: t('networks.role'), cell: (network) => (network.role ? <bdi>{pick(network.role, locale)}</bdi> : '—') },
    {
      key: 'joinedOn',
      header: t('networks.joinedOn'),
      sort: 'joinedOn',
      cell: (network) => (network.joinedOn ? <Day value={network.joinedOn} style="day" /> : '—'),
    },
    { key: 'leftOn', header: t('networks.leftOn'), cell: (network) => (network.leftOn ? <Day value={network.leftOn} style="day" /> : '—') },
    {
      key: 'membership',
      header: t('networks.membership'),
      cell: (network) => (network.leftOn ? <Badge tone="neutral">{t('networks.former')}</Badge> : <Badge tone="success">{t('networks.current')}</Badge>),
    },
    {
      key: 'actions',
      header: t('networks.actions'),
      cell: (network) => (
        <Button
          variant="secondary"
          aria-label={t('networks.edit', { name: pick(network.name, locale) })}
          onClick={() => {
            setEditing(network);
            setAdding(false);
            setNotice(null);
            window.scrollTo({ top: 0 });
          }}
        >
          {t('common:actions.edit')}
        </Button>
      ),
    },
  ];
  const search = (event: FormEvent) => {
    event.preventDefault();
    setQ(text.trim());
    paging.firstPage();
  };
  return (
    <Page
      title={t('networks.title')}
      lead={t('networks.lead')}
      actions={
        <Button
          variant={adding ? 'secondary' : 'primary'}
          aria-expanded={adding}
          onClick={() => {
            setAdding((open) => !open);
            setEditing(null);
            setNotice(null);
          }}
        >
          {t('networks.add')}
        </Button>
      }
    >
      <div className="stack">
        {notice ? <Notice>{notice}</Notice> : null}
        {adding ? (
          <Card title={t('networks.addTitle')}>
            <NetworkForm
              label={t('networks.addTitle')}
              onDone={() => {
                setAdding(false);
                setNotice(t('networks.added'));
              }}
              onCancel={() => setAdding(false)}
            />
          </Card>
        ) : null}
        {editing ? (
          <Card title={t('networks.editTitle', { name: pick(editing.name, locale) })}>
            <NetworkForm
              key={editing.id}
              network={editing}
              label={t('networks.editTitle', { name: pick(editing.name, locale) })}
              onDone={() => {
                setEditing(null);
                setNotice(t('networks.saved'));
              }}
              onCancel={() => setEditing(null)}
            />
          </Card>
        ) : null}
        <form role="search" aria-label={t('networks.q')} className="filters card" noValidate onSubmit={search}>
          <div className="filters__text">
            <Field label={t('networks.q')}>{(control) => <input {...control} type="search" value={text} onChange={(e) => setText(e.target.value)} />}</Field>
            <Button type="submit" variant="secondary">
              {t('common:actions.search')}
            </Button>
            <Field label={t('networks.membership')}>
              {(control) => (
                <select
                  {...control}
                  value={current}
                  onChange={(e) => {
                    setCurrent(e.target.value as '' | 'true' | 'false');
                    paging.firstPage();
                  }}
                >
                  <option value="">{t('networks.all')}</option>
                  <option value="true">{t('networks.current')}</option>
                  <option value="false">{t('networks.former')}</option>
                </select>
              )}
            </Field>
          </div>
        </form>
        <QueryState query={list}>
          {(page) => (
            <PagedTable
              label={t('networks.tableLabel')}
              caption={t('networks.caption')}
              className="table--compact"
              columns={columns}
              page={page}
              rowKey={(network) => network.id}
              empty={t('networks.none')}
              defaultSort="name"
            />
          )}
        </QueryState>
      </div>
    </Page>
  );
}

type Values = {
  name: { fa: string; en: string };
  role: { fa: string; en: string };
  website: string;
  joinedOn: string;
  leftOn: string;
  notes: { fa: string; en: string };
};

function NetworkForm({ network, label, onDone, onCancel }: { network?: Network; label: string; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation(['partnerships', 'common']);
  const errorText = useErrorText();
  const form = useForm<Values>({
    defaultValues: {
      name: textValue(network?.name),
      role: textValue(network?.role),
      website: network?.website ?? '',
      joinedOn: network?.joinedOn ?? '',
      leftOn: network?.leftOn ?? '',
      notes: textValue(network?.notes),
    },
  });
  const { errors } = form.formState;
  const save = useMutation(saveNetwork(network));
  const submit = (values: Values) =>
    save.mutate(
      {
        name: toBilingual(values.name),
        role: optionalText(values.role),
        website: values.website.trim() || null,
        joinedOn: values.joinedOn || null,
        leftOn: values.leftOn || null,
        notes: optionalText(values.notes),
      },
      { onSuccess: onDone, onError: (error) => applyFieldErrors(errorText, error, form.setError) },
    );
  return (
    <form className="form" aria-label={label} noValidate onSubmit={form.handleSubmit(submit)}>
      <ProblemAlert error={save.error} />
      <BilingualFields<Values> name="name" label={t('networks.name')} register={form.register} errors={errors} />
      <BilingualFields<Values> optional name="role" label={t('networks.role')} register={form.register} errors={errors} />
      <Field label={t('networks.website')} error={errors.website?.message}>
        {(control) => <input {...control} type="url" dir="ltr" placeholder="https://" {...form.register('website')} />}
      </Field>
      <div className="form__row">
        <Controller
          control={form.control}
          name="joinedOn"
          render={({ field }) => <DateField label={t('networks.joinedOn')} value={field.value} onChange={field.onChange} error={errors.joinedOn?.message} yearsBefore={40} yearsAfter={1} />}
        />
        <Controller
          control={form.control}
          name="leftOn"
          render={({ field }) => <DateField label={t('networks.leftOn')} value={field.value} onChange={field.onChange} error={errors.leftOn?.message} yearsBefore={40} yearsAfter={1} />}
        />
      </div>
      <p className="field__hint">{t('networks.leftOnHint')}</p>
      <BilingualFields<Values> optional name="notes" label={t('networks.notes')} register={form.register} errors={errors} multiline />
      <div className="row">
        <Button type="submit" busy={save.isPending}>
          {network ? t('common:actions.save') : t('networks.submit')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('common:actions.cancel')}
        </Button>
      </div>
    </form>
  );
}
