import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Schema } from '@/lib/api/types';
import { renderWithApp, stubApi } from '@/test/render';
import { ReviewersPage } from './ReviewersPage';

const reviewer: Schema<'ReviewerView'> = {
  id: 'r9',
  displayName: 'مریم کریمی',
  email: 'm.karimi@example.org',
  organisation: 'university',
  expertise: ['scientific'],
  maxLoad: 12,
  active: true,
  accountActive: true,
  assigned: 0,
  submitted: 0,
  createdAt: '2026-11-01T08:00:00Z',
  updatedAt: '2026-11-01T08:00:00Z',
};

const empty = { items: [], total: 0, limit: 20, offset: 0 };

describe('enrolling a reviewer', () => {
  it('sends the form and shows the set-password link once', async () => {
    const calls = stubApi((request) => {
      const { pathname } = new URL(request.url);
      if (request.method === 'GET' && pathname === '/api/v1/reviewers') return { body: empty };
      if (request.method === 'GET' && pathname === '/api/v1/calls') return { body: empty };
      if (request.method === 'POST' && pathname === '/api/v1/reviewers') {
        return {
          status: 201,
          body: { reviewer, passwordToken: { userId: 'r9', token: 'one-time-token', expiresAt: '2026-11-08T08:00:00Z' } },
        };
      }
      return undefined;
    });
    await renderWithApp(<ReviewersPage />);

    await userEvent.click(screen.getByRole('button', { name: 'افزودن داور' }));
    const form = screen.getByRole('form', { name: 'افزودن داور به هیئت' });
    // The form's own checks come first: nothing is sent without the required fields.
    await userEvent.click(within(form).getByRole('button', { name: 'افزودن داور' }));
    expect(await screen.findAllByText('این خانه را پر کنید.')).not.toHaveLength(0);
    expect(calls.filter((request) => request.method === 'POST')).toHaveLength(0);

    await userEvent.type(within(form).getByLabelText(/رایانامه/), 'm.karimi@example.org');
    await userEvent.type(within(form).getByLabelText(/نام و نام خانوادگی/), 'مریم کریمی');
    await userEvent.selectOptions(within(form).getByLabelText(/سازمان/), 'university');
    await userEvent.click(within(form).getByRole('checkbox', { name: 'علمی' }));
    const maxLoad = within(form).getByLabelText(/بیشترین شمار ایده/);
    await userEvent.clear(maxLoad);
    await userEvent.type(maxLoad, '۱۲');
    await userEvent.click(within(form).getByRole('button', { name: 'افزودن داور' }));

    const link = await screen.findByLabelText('پیوند تعیین گذرواژه برای مریم کریمی');
    expect(link).toHaveValue(`${window.location.origin}/set-password#token=one-time-token`);
    expect(screen.getByText('این پیوند فقط همین یک بار نمایش داده می‌شود.', { exact: false })).toBeInTheDocument();
    const posted = calls.find((request) => request.method === 'POST')!;
    expect(await posted.clone().json()).toEqual({
      email: 'm.karimi@example.org',
      displayName: 'مریم کریمی',
      organisation: 'university',
      expertise: ['scientific'],
      maxLoad: 12,
      locale: 'fa',
    });
    expect(form).not.toBeInTheDocument();

    // Once: closing it hides the link for good, and opening the form again does not bring it back.
    await userEvent.click(screen.getByRole('button', { name: 'پیوند را دادم، پنهان شود' }));
    expect(screen.queryByLabelText('پیوند تعیین گذرواژه برای مریم کریمی')).toBeNull();
    expect(document.body.textContent).not.toContain('one-time-token');
    expect(screen.getByRole('form', { name: 'افزودن داور به هیئت' })).toBeInTheDocument();
    expect(screen.queryByDisplayValue(/one-time-token/)).toBeNull();
  }, 20_000);
});
