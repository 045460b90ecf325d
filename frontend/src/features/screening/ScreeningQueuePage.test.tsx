import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Schema } from '@/lib/api/types';
import { renderWithApp, stubApi } from '@/test/render';
import { ScreeningQueuePage } from './ScreeningQueuePage';

afterEach(() => {
  vi.unstubAllGlobals();
});

const CALL = '01a21dd7-0000-7000-8000-000000000001';
const city = { id: '01a21dd7-0000-7000-8000-0000000000c1', name: { fa: 'فلورانس', en: 'Florence' }, country: 'IT', verified: true };

/** An idea as staff read it: `allowedActions` as the server gives them for its state. */
function idea(n: number, title: string, state: Schema<'IdeaState'>, allowedActions: Schema<'IdeaCommand'>[]): Schema<'IdeaView'> {
  return {
    id: `01a21dd7-0000-7000-8000-00000000000${n}`,
    callId: CALL,
    state,
    title,
    summary: 'خلاصه',
    body: 'متن',
    domain: 'cultural',
    targetCity: city,
    partners: [],
    expectedOutcomes: 'دستاورد',
    filesPublic: false,
    allowedActions,
    version: 1,
    submittedAt: '2026-11-20T08:00:00Z',
    createdAt: '2026-11-19T08:00:00Z',
    updatedAt: '2026-11-20T08:00:00Z',
    bestMatch: n === 1 ? { ideaId: '01a21dd7-0000-7000-8000-000000000002', title: 'نمایشگاه صنایع دستی', score: 0.93 } : null,
  };
}

const ideas = [
  idea(1, 'نمایشگاه صنایع دستی اصفهان', 'submitted', ['screen']),
  idea(2, 'نمایشگاه صنایع دستی', 'submitted', ['screen']),
  idea(3, 'تبادل دانشجو', 'shortlisted', ['reopen_screening']),
];
const call = { id: CALL, title: { fa: 'فراخوان سوم', en: 'Third call' } };

describe('the screening queue', { timeout: 30_000 }, () => {
  it('screens the selected ideas in bulk and shows each result', async () => {
    const calls = stubApi((request) => {
      const path = new URL(request.url).pathname;
      if (request.method === 'GET' && path === `/api/v1/calls/${CALL}`) return { body: call };
      if (request.method === 'GET' && path === `/api/v1/calls/${CALL}/ideas`) return { body: { items: ideas, total: 3, limit: 20, offset: 0 } };
      if (request.method === 'POST' && path === '/api/v1/ideas/screening') {
        return { body: { items: [ideas[0], ideas[1]].map((i) => ({ ideaId: i!.id, state: 'rejected' })) } };
      }
      return undefined;
    });
    await renderWithApp(<ScreeningQueuePage />, { locale: 'fa', path: `/staff/calls/${CALL}/screening`, route: '/staff/calls/:id/screening' });

    // The best match and its similarity; an idea already shortlisted cannot be selected.
    const table = await screen.findByRole('table', { name: 'ایده‌های فراخوان' });
    const first = within(table).getAllByRole('row')[1]!;
    expect(first).toHaveTextContent(/شباهت (۹۳٪|٪۹۳)/);
    expect(within(table).getByRole('checkbox', { name: 'انتخاب «تبادل دانشجو»' })).toBeDisabled();

    await userEvent.click(within(table).getByRole('checkbox', { name: 'انتخاب «نمایشگاه صنایع دستی اصفهان»' }));
    await userEvent.click(within(table).getByRole('checkbox', { name: 'انتخاب «نمایشگاه صنایع دستی»' }));
    expect(screen.getByText('۲ ایده انتخاب شده است.')).toBeInTheDocument();

    // Rejecting needs a reason; `other` needs a note.
    await userEvent.selectOptions(screen.getByLabelText(/دلیل رد/), 'other');
    await userEvent.click(screen.getByRole('button', { name: 'رد انتخاب‌شده‌ها' }));
    expect(await screen.findByText('برای دلیل «دیگر» یادداشت بنویسید.')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
    await userEvent.selectOptions(screen.getByLabelText(/دلیل رد/), 'duplicate');
    await userEvent.type(screen.getByLabelText(/یادداشت کارشناس/), 'هر دو تکراری');
    await userEvent.click(screen.getByRole('button', { name: 'رد انتخاب‌شده‌ها' }));

    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1));
    const post = calls.find((c) => c.method === 'POST')!;
    expect(await post.json()).toEqual({
      ideaIds: [ideas[0]!.id, ideas[1]!.id],
      decision: 'reject',
      reason: 'duplicate',
      note: 'هر دو تکراری',
    });
    const results = await screen.findByRole('list', { name: 'نتیجهٔ غربالگری' });
    const items = within(results).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('نمایشگاه صنایع دستی اصفهان: ردشده');
    expect(items[1]).toHaveTextContent('نمایشگاه صنایع دستی: ردشده');
    expect(screen.getByText('ایده‌ای انتخاب نشده است. ایده‌های ارسال‌شده را از جدول برگزینید.')).toBeInTheDocument();
  });

  it('points at the ideas a refused bulk screening names, and takes them out of the selection', async () => {
    let refusals = 0;
    const calls = stubApi((request) => {
      const path = new URL(request.url).pathname;
      if (path === `/api/v1/calls/${CALL}`) return { body: call };
      if (path === `/api/v1/calls/${CALL}/ideas`) return { body: { items: ideas, total: 3, limit: 20, offset: 0 } };
      if (path === '/api/v1/ideas/screening' && refusals++ === 0) {
        // Someone shortlisted the second idea meanwhile: nothing was screened.
        return {
          status: 409,
          body: {
            type: 'urn:citizen-diplomat:problem:invalid_transition',
            title: 'This action does not apply to the idea in its current state',
            status: 409,
            detail: `Only submitted ideas can be screened; none was. Not submitted: ${ideas[1]!.id} (shortlisted).`,
            code: 'invalid_transition',
            errors: [{ pointer: '/ideaIds/1', code: 'not_submitted', message: 'the idea is shortlisted, not submitted' }],
          },
        };
      }
      if (path === '/api/v1/ideas/screening') return { body: { items: [{ ideaId: ideas[0]!.id, state: 'shortlisted' }] } };
      return undefined;
    });
    await renderWithApp(<ScreeningQueuePage />, { locale: 'en', path: `/staff/calls/${CALL}/screening`, route: '/staff/calls/:id/screening' });
    const table = await screen.findByRole('table', { name: "The call's ideas" });
    await userEvent.click(within(table).getByRole('checkbox', { name: 'Select “نمایشگاه صنایع دستی اصفهان”' }));
    await userEvent.click(within(table).getByRole('checkbox', { name: 'Select “نمایشگاه صنایع دستی”' }));
    await userEvent.click(screen.getByRole('button', { name: 'Shortlist the selected ideas' }));

    // The refused idea is named with why, and marked in the table; the other one is not.
    const refused = await screen.findByRole('list', { name: 'Ideas that cannot be screened' });
    const items = within(refused).getAllByRole('listitem');
    expect(items).toHaveLength(1);
    expect(items[0]).toHaveTextContent('نمایشگاه صنایع دستی: This idea is no longer submitted.');
    expect(within(items[0]!).getByRole('link')).toHaveAttribute('href', `/staff/calls/${CALL}/screening/${ideas[1]!.id}`);
    const rows = within(table).getAllByRole('row');
    expect(rows[2]).toHaveTextContent('Not screened: no longer submitted');
    expect(rows[1]).not.toHaveTextContent('Not screened');

    // Taking it out of the selection leaves the rest to send again.
    await userEvent.click(screen.getByRole('button', { name: 'Take them out of the selection' }));
    expect(screen.queryByRole('list', { name: 'Ideas that cannot be screened' })).not.toBeInTheDocument();
    expect(screen.getByText('Ideas selected: 1.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Shortlist the selected ideas' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(2));
    expect(await calls.filter((c) => c.method === 'POST')[1]!.json()).toMatchObject({ ideaIds: [ideas[0]!.id] });
  });

  it('shortlists every submitted idea of the page at once', async () => {
    const calls = stubApi((request) => {
      const path = new URL(request.url).pathname;
      if (path === `/api/v1/calls/${CALL}`) return { body: call };
      if (path === `/api/v1/calls/${CALL}/ideas`) return { body: { items: ideas, total: 3, limit: 20, offset: 0 } };
      if (path === '/api/v1/ideas/screening') return { body: { items: [] } };
      return undefined;
    });
    await renderWithApp(<ScreeningQueuePage />, { locale: 'en', path: `/staff/calls/${CALL}/screening`, route: '/staff/calls/:id/screening' });
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Select every submitted idea on this page' }));
    await userEvent.click(screen.getByRole('button', { name: 'Shortlist the selected ideas' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1));
    expect(await calls.find((c) => c.method === 'POST')!.json()).toEqual({
      ideaIds: [ideas[0]!.id, ideas[1]!.id],
      decision: 'shortlist',
      reason: null,
      note: null,
    });
  });
});
