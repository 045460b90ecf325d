import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { resources } from '@/app/resources';
import type { UserView } from '@/lib/api/types';
import { renderWithApp, stubApi } from '@/test/render';
import { RoleEditor, rolesBody } from './RoleEditor';

const user: UserView = {
  id: '0190c0de-0000-7000-8000-000000000001',
  email: 'maryam@example.org',
  displayName: 'مریم رضایی',
  roles: ['reviewer'],
  active: true,
  locale: 'fa',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  secondFactorEnabled: false, emailVerified: true,
};

describe('the role editor', { timeout: 20_000 }, () => {
  it('sends the complete list of ticked roles in a fixed order', async () => {
    const calls = stubApi((request) => (request.method === 'PATCH' ? { body: { ...user, roles: ['reviewer', 'staff'] } } : undefined));
    await renderWithApp(<RoleEditor user={user} isSelf={false} />, { locale: 'en' });
    const save = screen.getByRole('button', { name: 'Save roles of مریم رضایی' });
    expect(save).toBeDisabled();
    expect(screen.getByRole('checkbox', { name: 'Reviewer' })).toBeChecked();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Staff' }));
    await userEvent.click(save);
    await waitFor(() => expect(calls).toHaveLength(1));
    const request = calls[0]!;
    expect(request.method).toBe('PATCH');
    expect(new URL(request.url).pathname).toBe(`/api/v1/users/${user.id}`);
    expect(await request.json()).toEqual({ roles: ['reviewer', 'staff'] });
  });

  it('takes a role away by leaving it out', async () => {
    const calls = stubApi(() => ({ body: { ...user, roles: [] } }));
    await renderWithApp(<RoleEditor user={user} isSelf={false} />, { locale: 'fa' });
    await userEvent.click(screen.getByRole('checkbox', { name: 'داور' }));
    await userEvent.click(screen.getByRole('button', { name: 'ذخیرهٔ نقش‌ها برای مریم رضایی' }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(await calls[0]!.json()).toEqual({ roles: [] });
    expect(await screen.findByRole('status')).toHaveTextContent('نقش‌های مریم رضایی ذخیره شد.');
  });

  it('shows self_lockout when an admin removes their own admin role', async () => {
    const admin: UserView = { ...user, roles: ['admin'] };
    stubApi(() => ({
      status: 409,
      body: { type: 'urn:citizen-diplomat:problem:self_lockout', title: 'Self lockout', status: 409, detail: 'no', code: 'self_lockout' },
    }));
    await renderWithApp(<RoleEditor user={admin} isSelf />, { locale: 'fa' });
    await userEvent.click(screen.getByRole('checkbox', { name: 'مدیر' }));
    await userEvent.click(screen.getByRole('button', { name: /ذخیرهٔ نقش‌ها/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent(resources.fa.errors.self_lockout);
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('builds the body from any set of roles', () => {
    expect(rolesBody(new Set(['admin', 'reviewer']))).toEqual({ roles: ['reviewer', 'admin'] });
    expect(rolesBody(new Set())).toEqual({ roles: [] });
  });
});
