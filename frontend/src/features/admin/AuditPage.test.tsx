import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { resources } from '@/app/resources';
import type { Schema } from '@/lib/api/types';
import { renderWithApp, stubApi } from '@/test/render';
import { AUDIT_KINDS, AuditPage, auditQuery } from './AuditPage';

const admin = '0190c0de-0000-7000-8000-0000000000ad';
const maryam = '0190c0de-0000-7000-8000-000000000001';
const entry = (over: Partial<Schema<'AuditEntryView'>>): Schema<'AuditEntryView'> => ({
  id: crypto.randomUUID(),
  at: '2026-12-06T09:30:00Z',
  kind: 'second_factor_reset',
  actorId: admin,
  actorName: 'Admin',
  subjectType: 'account',
  subjectId: maryam,
  subjectName: 'مریم رضایی',
  from: null,
  to: null,
  address: '10.0.0.7',
  ...over,
});
const items = [
  entry({}),
  entry({ kind: 'access_changed', from: 'reviewer', to: 'reviewer,staff' }),
  entry({ kind: 'export_downloaded', actorName: null, actorId: null, subjectType: 'call', subjectName: null, to: 'ideas.csv', address: null }),
];

describe('the audit trail', { timeout: 20_000 }, () => {
  it('shows each entry with its kind in words, newest first as the server sends them', async () => {
    const calls = stubApi(() => ({ body: { items, total: 3, limit: 50, offset: 0 } }));
    await renderWithApp(<AuditPage />, { locale: 'fa', path: '/admin/audit' });
    const rows = await screen.findAllByRole('row');
    expect(rows).toHaveLength(4);
    expect(within(rows[1]!).getByText(resources.fa.enums.EventKind.second_factor_reset)).toBeInTheDocument();
    expect(within(rows[1]!).getAllByRole('cell')[0]).toHaveTextContent(/۱۴۰۵/);
    expect(within(rows[2]!).getByText('reviewer → reviewer,staff')).toBeInTheDocument();
    expect(within(rows[3]!).getByText(resources.fa.admin.audit.system)).toBeInTheDocument();
    expect(within(rows[3]!).getByText(resources.fa.enums.SubjectKind.call)).toBeInTheDocument();
    expect(new URL(calls[0]!.url).searchParams.toString()).toBe('limit=50&offset=0');
  });

  it('filters by actor, kind and days, sent as the office’s first and last moments', async () => {
    const calls = stubApi(() => ({ body: { items: [], total: 0, limit: 50, offset: 0 } }));
    await renderWithApp(<AuditPage />, { locale: 'en', path: '/admin/audit' });
    const a = resources.en.admin.audit;
    await screen.findByText(a.none);
    const filters = screen.getByRole('search', { name: a.filters });
    await userEvent.type(within(filters).getByLabelText(new RegExp(`^${a.actor}`)), 'not-an-id');
    await userEvent.click(within(filters).getByRole('button', { name: a.apply }));
    expect(await within(filters).findByText(a.notUuid)).toBeInTheDocument();
    expect(calls).toHaveLength(1);

    await userEvent.clear(within(filters).getByLabelText(new RegExp(`^${a.actor}`)));
    await userEvent.type(within(filters).getByLabelText(new RegExp(`^${a.actor}`)), admin);
    await userEvent.selectOptions(within(filters).getByLabelText(a.kind), resources.en.enums.EventKind.recovery_code_used);
    await userEvent.type(within(filters).getByLabelText(a.since), '2026-12-01');
    await userEvent.type(within(filters).getByLabelText(a.until), '2026-12-06');
    await userEvent.click(within(filters).getByRole('button', { name: a.apply }));
    await waitFor(() => expect(calls).toHaveLength(2));
    const sent = new URL(calls[1]!.url).searchParams;
    expect(Object.fromEntries(sent)).toEqual({
      limit: '50',
      offset: '0',
      actor: admin,
      kind: 'recovery_code_used',
      since: '2026-12-01T00:00:00+03:30',
      until: '2026-12-06T23:59:59+03:30',
    });
  });

  it('opens with the filters a link carries, and offers every audited kind', async () => {
    const calls = stubApi(() => ({ body: { items: [], total: 0, limit: 50, offset: 0 } }));
    await renderWithApp(<AuditPage />, { locale: 'en', path: `/admin/audit?subject=${maryam}&kind=password_set` });
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(new URL(calls[0]!.url).searchParams.get('subject')).toBe(maryam);
    expect(screen.getByLabelText(new RegExp(`^${resources.en.admin.audit.subject}`))).toHaveValue(maryam);
    const kinds = within(screen.getByLabelText(resources.en.admin.audit.kind)).getAllByRole('option');
    expect(kinds).toHaveLength(AUDIT_KINDS.length + 1);
    expect(auditQuery({ actor: '', subject: '', kind: '', since: 'x', until: '' }, 0)).toEqual({ limit: 50, offset: 0 });
  });
});
