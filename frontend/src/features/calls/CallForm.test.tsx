import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Schema } from '@/lib/api/types';
import { renderWithApp, stubApi } from '@/test/render';
import { CallForm } from './CallForm';
import { updateCallRequest } from './callForm';

afterEach(() => {
  vi.unstubAllGlobals();
});

const call: Schema<'CallView'> = {
  id: '01a21dd7-0000-7000-8000-000000000001',
  title: { fa: 'فراخوان آزمایشی', en: 'Test call' },
  description: { fa: 'شرح', en: null },
  // 1404/12/01 00:00 to 1404/12/29 23:59:59.999 in Tehran (UTC+3:30).
  opensAt: '2026-02-19T20:30:00Z',
  closesAt: '2026-03-19T20:29:59.999Z',
  reviewOpensAt: '2026-03-21T20:30:00Z',
  reviewClosesAt: '2026-04-19T19:29:59.999Z',
  phase: 'open',
  domains: ['cultural', 'economic'],
  ideasPerCitizen: 3,
  blindReview: true,
  reviewersPerIdea: 3,
  version: 4,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

/** Chooses a Jalali day in the DateField whose legend is `label`. */
async function chooseJalali(label: string, year: number, month: number, day: number) {
  const group = screen.getByRole('group', { name: label });
  await userEvent.selectOptions(within(group).getByRole('combobox', { name: 'سال' }), String(year));
  await userEvent.selectOptions(within(group).getByRole('combobox', { name: 'ماه' }), String(month));
  await userEvent.selectOptions(within(group).getByRole('combobox', { name: 'روز' }), String(day));
}

async function fillNewCall() {
  await userEvent.type(screen.getByLabelText(/^عنوان \(فارسی\)/), 'فراخوان چهارم');
  await userEvent.type(screen.getByLabelText(/^شرح فراخوان \(فارسی\)/), 'شرح فراخوان چهارم');
  await chooseJalali('گشایش فراخوان', 1403, 12, 1);
  await chooseJalali('پایان ارسال ایده', 1403, 12, 30);
  await chooseJalali('آغاز داوری', 1404, 1, 5);
  await chooseJalali('پایان داوری', 1404, 2, 31);
}

describe('the call form', { timeout: 30_000 }, () => {
  it('sends the Jalali days chosen in Persian as ISO days', async () => {
    const calls = stubApi((request) => (request.method === 'POST' ? { status: 201, body: call } : undefined));
    await renderWithApp(<CallForm />, { locale: 'fa', path: '/staff/calls/new' });
    await fillNewCall();
    await userEvent.clear(screen.getByLabelText(/شمار داوران هر ایده/));
    await userEvent.type(screen.getByLabelText(/شمار داوران هر ایده/), '۲');
    await userEvent.click(screen.getByRole('checkbox', { name: 'ورزشی' }));
    await userEvent.click(screen.getByRole('button', { name: 'ساختن فراخوان' }));

    await waitFor(() => expect(calls).toHaveLength(1));
    const request = calls[0]!;
    expect(new URL(request.url).pathname).toBe('/api/v1/calls');
    const body = (await request.json()) as Schema<'CreateCallRequest'>;
    expect(body).toMatchObject({
      title: { fa: 'فراخوان چهارم', en: null },
      description: { fa: 'شرح فراخوان چهارم', en: null },
      opensAt: '2025-02-19',
      closesAt: '2025-03-20',
      reviewOpensAt: '2025-03-25',
      reviewClosesAt: '2025-05-21',
      ideasPerCitizen: 3,
      reviewersPerIdea: 2,
      blindReview: true,
    });
    expect(body.domains).not.toContain('sports');
    expect(body.domains).toHaveLength(8);
  });

  it('shows an out_of_order answer at its date field', async () => {
    stubApi(() => ({
      status: 422,
      body: {
        type: 'urn:citizen-diplomat:problem:validation_failed',
        title: 'Validation failed',
        status: 422,
        detail: 'Some fields are missing or invalid',
        code: 'validation_failed',
        errors: [{ pointer: '/reviewOpensAt', code: 'out_of_order', message: 'the review window cannot open before the call closes' }],
      },
    }));
    await renderWithApp(<CallForm />, { locale: 'fa', path: '/staff/calls/new' });
    await fillNewCall();
    await userEvent.click(screen.getByRole('button', { name: 'ساختن فراخوان' }));

    const group = await screen.findByRole('group', { name: 'آغاز داوری' });
    expect(await within(group).findByText('ترتیب تاریخ‌ها درست نیست.')).toBeInTheDocument();
    expect(within(screen.getByRole('group', { name: 'پایان داوری' })).queryByText('ترتیب تاریخ‌ها درست نیست.')).toBeNull();
    expect(screen.getByRole('alert')).toHaveTextContent('برخی');
  });

  it('edits with If-Match and offers a reload when the call changed meanwhile', async () => {
    const onReload = vi.fn();
    const calls = stubApi(() => ({
      status: 412,
      body: { type: 'urn:citizen-diplomat:problem:stale_version', title: 'Stale', status: 412, detail: 'changed', code: 'stale_version' },
    }));
    await renderWithApp(<CallForm call={call} onReload={onReload} />, { locale: 'en', path: `/staff/calls/${call.id}` });
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]!.method).toBe('PATCH');
    expect(calls[0]!.headers.get('If-Match')).toBe('"4"');
    // Nothing in the window changed: no day is sent, so the deadline stays as it is.
    const body: unknown = await calls[0]!.json();
    expect(body).not.toHaveProperty('closesAt');
    expect(body).not.toHaveProperty('opensAt');
    expect(await screen.findByText(/Someone else changed this call/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Reload' }));
    expect(onReload).toHaveBeenCalled();
  });
});

describe('an edit of a call', () => {
  it('opens the review at the closing moment when it opens on the day a call closed early', () => {
    // Closed early at 1404/12/10 14:00 Tehran.
    const closed = { ...call, closesAt: '2026-02-28T10:30:00Z' };
    const body = updateCallRequest(closed, {
      title: { fa: 'فراخوان آزمایشی', en: 'Test call' },
      description: { fa: 'شرح', en: '' },
      opensAt: '2026-02-20',
      closesAt: '2026-02-28',
      reviewOpensAt: '2026-02-28',
      reviewClosesAt: '2026-04-19',
      domains: ['cultural'],
      ideasPerCitizen: '3',
      reviewersPerIdea: '3',
      blindReview: true,
    });
    expect(body.reviewOpensAt).toBe('2026-02-28T10:30:00Z');
    expect(body).not.toHaveProperty('closesAt');
    expect(body).not.toHaveProperty('reviewClosesAt');
  });
});
