import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { resources } from '@/app/resources';
import type { UserView } from '@/lib/api/types';
import { renderWithApp, stubApi } from '@/test/render';
import { UsersPage } from './UsersPage';

const user: UserView = {
  id: '0190c0de-0000-7000-8000-000000000001',
  email: 'maryam@example.org',
  displayName: 'Maryam Rezaei',
  roles: ['staff'],
  active: true,
  locale: 'fa',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  secondFactorEnabled: true, emailVerified: true,
};
const a = resources.en.admin;

describe("an account's security for admins", { timeout: 20_000 }, () => {
  it('resets a lost second factor only after a confirmation', async () => {
    let enabled = true;
    const calls = stubApi((request) => {
      if (request.method === 'GET') return { body: { items: [{ ...user, secondFactorEnabled: enabled }], total: 1, limit: 20, offset: 0 } };
      if (request.method === 'DELETE') {
        enabled = false;
        return { status: 204 };
      }
      return undefined;
    });
    await renderWithApp(<UsersPage />, { locale: 'en' });
    const row = (await screen.findAllByRole('row'))[1]!;
    expect(within(row).getByText(a.users.secondFactorOn)).toBeInTheDocument();
    await userEvent.click(within(row).getByRole('button', { name: 'Reset two-step verification of Maryam Rezaei' }));
    expect(calls.filter((call) => call.method === 'DELETE')).toHaveLength(0);
    expect(within(row).getByText(a.secondFactor.confirmQuestion.replace('{{name}}', 'Maryam Rezaei'))).toBeInTheDocument();
    await userEvent.click(within(row).getByRole('button', { name: a.secondFactor.confirm }));
    expect(await screen.findByText('The two-step verification of Maryam Rezaei is reset.')).toBeInTheDocument();
    const reset = calls.find((call) => call.method === 'DELETE')!;
    expect(new URL(reset.url).pathname).toBe(`/api/v1/users/${user.id}/second-factor`);
    await waitFor(() => expect(screen.queryByText(a.users.secondFactorOn)).toBeNull());
    expect(screen.queryByRole('button', { name: /Reset two-step/ })).toBeNull();
  });

  it('ends all sessions of an account, and links to the events about it', async () => {
    const calls = stubApi((request) =>
      request.method === 'GET' ? { body: { items: [{ ...user, secondFactorEnabled: false, emailVerified: true }], total: 1, limit: 20, offset: 0 } } : { status: 204 },
    );
    await renderWithApp(<UsersPage />, { locale: 'en' });
    const row = (await screen.findAllByRole('row'))[1]!;
    expect(within(row).queryByRole('button', { name: /Reset two-step/ })).toBeNull();
    expect(within(row).getByRole('link', { name: 'Events about Maryam Rezaei' })).toHaveAttribute('href', `/admin/audit?subject=${user.id}`);
    await userEvent.click(within(row).getByRole('button', { name: 'End sessions of Maryam Rezaei' }));
    expect(await within(row).findByText('All sessions of Maryam Rezaei are ended.')).toBeInTheDocument();
    expect(new URL(calls.find((call) => call.method === 'DELETE')!.url).pathname).toBe(`/api/v1/users/${user.id}/sessions`);
  });
});
