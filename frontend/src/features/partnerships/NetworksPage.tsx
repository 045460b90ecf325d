import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { BilingualFields } from '@/components/ui/BilingualFields';
import { Button } from '@/components/ui/Button';
import { DateField } from '@/components/ui/DateField';
import { Field } from '@/components/ui/Field';
import { Badge, Card, Page, TableScroll } from '@/components/ui/Page';
import { Pagination } from '@/components/ui/Pagination';
import { Notice, ProblemAlert } from '@/components/ui/ProblemAlert';
import { QueryState } from '@/components/ui/QueryState';
import { Day } from '@/components/ui/Time';
import { api, unwrap } from '@/lib/api/client';
import { applyFieldErrors, useErrorText } from '@/lib/api/messages';
import { keys } from '@/lib/api/queryKeys';
import type { Schema } from '@/lib/api/types';
import { optionalText, pick, textValue, toBilingual } from '@/lib/i18n/text';
import { useLocale } from '@/lib/i18n/useLocale';
import './partnerships.css';

type Network = Schema<'NetworkView'>;
const PAGE = 20;

/** City networks the municipality belongs or belonged to, with recording and correcting them (staff). */
export function NetworksPage() {
  const { t } = useTranslation(['partnerships', 'common']);
  const { locale } = useLocale();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [current, setCurrent] = useState<'' | 'true' | 'false'>('');
  const [offset, setOffset] = useState(0);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Network | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const query = { limit: PAGE, offset, ...(q ? { q } : {}), ...(current ? { current: current === 'true' } : {}) };
  const list = useQuery({
    queryKey: keys.networks.list(query),
    queryFn: () => unwrap(api.GET('/api/v1/networks', { params: { query } })),
    placeholderData: keepPreviousData,
  });
  const search = (event: FormEvent) => {
    event.preventDefault();
    setQ(text.trim());
    setOffset(0);
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
                    setOffset(0);
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
          {(page) =>
            page.items.length === 0 ? (
              <p role="status">{t('networks.none')}</p>
            ) : (
              <>
                <TableScroll label={t('networks.tableLabel')}>
                  <table className="table table--compact">
                    <caption className="visually-hidden">{t('networks.caption')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('networks.name')}</th>
                        <th scope="col">{t('networks.role')}</th>
                        <th scope="col">{t('networks.joinedOn')}</th>
                        <th scope="col">{t('networks.leftOn')}</th>
                        <th scope="col">{t('networks.membership')}</th>
                        <th scope="col">{t('networks.actions')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {page.items.map((network) => (
                        <tr key={network.id}>
                          <th scope="row" className="wide-col">
                            <bdi>{pick(network.name, locale)}</bdi>
                            {network.website ? (
                              <div>
                                <a href={network.website} rel="noreferrer" target="_blank">
                                  <bdi dir="ltr">{network.website.replace(/^https?:\/\//i, '')}</bdi>
                                </a>
                              </div>
                            ) : null}
                          </th>
                          <td>{network.role ? <bdi>{pick(network.role, locale)}</bdi> : '—'}</td>
                          <td>{network.joinedOn ? <Day value={network.joinedOn} style="day" /> : '—'}</td>
                          <td>{network.leftOn ? <Day value={network.leftOn} style="day" /> : '—'}</td>
                          <td>{network.leftOn ? <Badge tone="neutral">{t('networks.former')}</Badge> : <Badge tone="success">{t('networks.current')}</Badge>}</td>
                          <td>
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
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableScroll>
                <Pagination total={page.total} limit={page.limit} offset={page.offset} onChange={setOffset} />
              </>
            )
          }
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
  const queryClient = useQueryClient();
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
  const save = useMutation({
    mutationFn: (values: Values) => {
      const body = {
        name: toBilingual(values.name),
        role: optionalText(values.role),
        website: values.website.trim() || null,
        joinedOn: values.joinedOn || null,
        leftOn: values.leftOn || null,
        notes: optionalText(values.notes),
      };
      return network
        ? unwrap(api.PATCH('/api/v1/networks/{id}', { params: { path: { id: network.id } }, body }))
        : unwrap(api.POST('/api/v1/networks', { body }));
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: keys.networks.all });
      onDone();
    },
    onError: (error) => applyFieldErrors(errorText, error, form.setError),
  });
  return (
    <form className="form" aria-label={label} noValidate onSubmit={form.handleSubmit((values) => save.mutate(values))}>
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
