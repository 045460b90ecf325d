import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Schema } from '@/lib/api/types';
import { renderWithApp, stubApi } from '@/test/render';
import { CallPage } from './CallPage';
import { CallsListPage } from './CallsListPage';

afterEach(() => {
  vi.unstubAllGlobals();
});

const CALL = '01a21dd7-0000-7000-8000-000000000001';

function call(counts?: Schema<'CallCountsView'>): Schema<'CallView'> {
  return {
    id: CALL,
    title: { fa: 'فراخوان سوم', en: 'Third call' },
    description: { fa: 'شرح' },
    opensAt: '2026-11-01T00:00:00Z',
    closesAt: '2026-12-01T00:00:00Z',
    reviewOpensAt: '2026-12-02T00:00:00Z',
    reviewClosesAt: '2026-12-20T00:00:00Z',
    phase: 'closed',
    domains: ['cultural'],
    ideasPerCitizen: 3,
    blindReview: true,
    reviewersPerIdea: 3,
    decisionsPublishedAt: null,
    version: 1,
    createdAt: '2026-10-20T00:00:00Z',
    updatedAt: '2026-10-20T00:00:00Z',
    allowedActions: [],
    counts,
  };
}

describe("a call's pages for staff", { timeout: 30_000 }, () => {
  it("shows the call's counts by state, as its view carries them", async () => {
    const counts = {
      submitted: 7,
      byState: { draft: 2, submitted: 3, withdrawn: 1, shortlisted: 3, rejected: 1, in_review: 0, reviewed: 0, selected: 0, not_selected: 0 },
    };
    stubApi((request) => {
      const path = new URL(request.url).pathname;
      if (path === `/api/v1/calls/${CALL}`) return { body: call(counts) };
      if (path === `/api/v1/calls/${CALL}/events`) return { body: { items: [] } };
      return undefined;
    });
    await renderWithApp(<CallPage />, { locale: 'en', path: `/staff/calls/${CALL}`, route: '/staff/calls/:id' });
    const overview = (await screen.findByText('Phase now', { selector: 'dt' })).closest('dl')!;
    const figure = (label: string) => within(overview).getByText(label, { selector: 'dt' }).nextElementSibling;
    expect(figure('Submitted')).toHaveTextContent('7');
    expect(figure('Awaiting screening')).toHaveTextContent('3');
    expect(figure('Screened')).toHaveTextContent('4');
    const byState = screen.getByRole('region', { name: 'Ideas by state' });
    const terms = within(byState)
      .getAllByRole('term')
      .map((term) => term.textContent);
    // Only the states that hold ideas, in the order of an idea's life.
    expect(terms).toEqual(['Draft', 'Submitted', 'Withdrawn', 'Shortlisted', 'Rejected']);
  });

  it('sorts the list of calls by a date when its heading is clicked', async () => {
    const calls = stubApi((request) => {
      const url = new URL(request.url);
      if (url.pathname === '/api/v1/calls') return { body: { items: [call()], total: 1, limit: 20, offset: 0 } };
      return undefined;
    });
    await renderWithApp(<CallsListPage />, { locale: 'en', path: '/staff/calls', route: '/staff/calls' });
    const table = await screen.findByRole('table', { name: 'Calls' });
    // The default order (the latest opening first) is the API's own: no sort is sent.
    expect(new URL(calls[0]!.url).searchParams.get('sort')).toBeNull();
    expect(within(table).getByRole('columnheader', { name: /Opens/ })).toHaveAttribute('aria-sort', 'descending');

    await userEvent.click(within(table).getByRole('button', { name: /Submissions close/ }));
    await waitFor(() => expect(calls.some((c) => new URL(c.url).searchParams.get('sort') === '-closesAt')).toBe(true));
    await userEvent.click(within(await screen.findByRole('table', { name: 'Calls' })).getByRole('button', { name: /Submissions close/ }));
    await waitFor(() => expect(calls.some((c) => new URL(c.url).searchParams.get('sort') === 'closesAt')).toBe(true));
  });
});
