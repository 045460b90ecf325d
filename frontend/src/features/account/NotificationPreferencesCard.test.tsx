import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { resources } from '@/app/resources';
import type { Schema } from '@/lib/api/types';
import { renderWithApp, stubApi } from '@/test/render';
import { NotificationPreferencesCard } from './NotificationPreferencesCard';

const ESSENTIAL = ['verify_email', 'password_reset', 'password_changed', 'second_factor_changed', 'reviewer_invitation'] as const;
const OPTIONAL = ['idea_received', 'idea_screened', 'draft_reminder', 'decision_published', 'assignments_made', 'review_reminder', 'call_digest'] as const;
const preferences = (off: string[] = []): Schema<'NotificationPreferences'> => ({
  kinds: [
    ...ESSENTIAL.map((kind) => ({ kind, email: true, essential: true })),
    ...OPTIONAL.map((kind) => ({ kind, email: !off.includes(kind), essential: false })),
  ],
});
const kinds = resources.en.enums.NoticeKind;
const a = resources.en.account.notifications;

describe('notifications by e-mail on the profile', { timeout: 20_000 }, () => {
  it('keeps account and security messages on, and saves the complete set turned off', async () => {
    const calls = stubApi((request) => {
      if (request.method === 'PUT') return { body: preferences(['call_digest', 'draft_reminder']) };
      return { body: preferences(['call_digest']) };
    });
    await renderWithApp(<NotificationPreferencesCard />, { locale: 'en', path: '/profile#notifications' });
    const form = await screen.findByRole('form', { name: a.title });
    expect(form.closest('section')).toHaveAttribute('id', 'notifications');
    const password = within(form).getByRole('checkbox', { name: new RegExp(`^${kinds.password_changed}`) });
    expect(password).toBeChecked();
    expect(password).toBeDisabled();
    expect(within(form).getByRole('group', { name: a.legend })).toHaveAccessibleDescription(a.essential);
    expect(within(form).getByRole('checkbox', { name: kinds.call_digest })).not.toBeChecked();
    expect(within(form).getByRole('checkbox', { name: kinds.idea_received })).toBeChecked();

    await userEvent.click(within(form).getByRole('checkbox', { name: kinds.draft_reminder }));
    await userEvent.click(within(form).getByRole('button', { name: a.save }));
    expect(await screen.findByText(a.saved)).toBeInTheDocument();
    const put = calls.find((call) => call.method === 'PUT');
    expect(new URL(put!.url).pathname).toBe('/api/v1/me/notification-preferences');
    expect(await put!.json()).toEqual({ emailOff: ['draft_reminder', 'call_digest'] });
    await waitFor(() => expect(within(form).getByRole('checkbox', { name: kinds.draft_reminder })).not.toBeChecked());
  });

  it('names every kind in Persian', async () => {
    stubApi(() => ({ body: preferences() }));
    await renderWithApp(<NotificationPreferencesCard />, { locale: 'fa' });
    const form = await screen.findByRole('form', { name: resources.fa.account.notifications.title });
    expect(within(form).getAllByRole('checkbox')).toHaveLength(12);
    expect(within(form).getByRole('checkbox', { name: resources.fa.enums.NoticeKind.idea_screened })).toBeEnabled();
  });
});
