import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Schema } from '@/lib/api/types';
import { renderWithApp, stubApi } from '@/test/render';
import { AssignmentBoardPage } from './AssignmentBoardPage';

const call = {
  id: 'c1',
  title: { fa: 'فراخوان آزمون' },
  description: { fa: 'شرح' },
  opensAt: '2026-01-01T00:00:00Z',
  closesAt: '2026-02-01T00:00:00Z',
  reviewOpensAt: '2026-02-02T00:00:00Z',
  reviewClosesAt: '2026-03-01T00:00:00Z',
  phase: 'in_review',
  domains: ['cultural'],
  ideasPerCitizen: 3,
  blindReview: true,
  reviewersPerIdea: 2,
  version: 3,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
} satisfies Schema<'CallView'>;

const page = <T,>(items: T[]) => ({ items, total: items.length, limit: 100, offset: 0 });

function plan(applied: boolean): Schema<'AutoAssignView'> {
  return {
    applied,
    assignments: [
      { ideaId: 'i1', ideaTitle: 'ایدهٔ نخست', reviewerId: 'r1', reviewerName: 'داور یکم', organisation: 'university', expertiseMatch: true },
      { ideaId: 'i1', ideaTitle: 'ایدهٔ نخست', reviewerId: 'r2', reviewerName: 'داور دوم', organisation: 'municipality', expertiseMatch: false },
    ],
    figures: { ideas: 1, newAssignments: 2, minLoad: 0, maxLoad: 1, loadSpread: 1, organisationDiversity: 1, expertiseMatchRate: 0.5, groups: 1, jurorPairs: 3 },
    unmet: [{ rule: 'expertise', ideaIds: ['i1'], reviewerIds: ['r2'], message: 'no expert left' }],
  };
}

describe('the assignment board', () => {
  it('previews the automatic plan as a dry run, then applies the same request for real', async () => {
    let autos = 0;
    const calls = stubApi((request) => {
      const { pathname } = new URL(request.url);
      if (request.method === 'GET' && pathname === '/api/v1/calls/c1') return { body: call };
      if (request.method === 'GET' && pathname === '/api/v1/calls/c1/assignments') return { body: page([]) };
      if (request.method === 'GET' && pathname === '/api/v1/calls/c1/ideas') return { body: page([]) };
      if (request.method === 'GET' && pathname === '/api/v1/reviewers') return { body: page([]) };
      if (request.method === 'POST' && pathname === '/api/v1/calls/c1/assignments/auto') {
        // The first is the dry run (its body is checked below), the second is applied.
        autos += 1;
        return { body: plan(autos > 1) };
      }
      return undefined;
    });
    await renderWithApp(<AssignmentBoardPage />, { path: '/staff/calls/c1/assignments', route: '/staff/calls/:id/assignments' });

    const apply = await screen.findByRole('button', { name: 'اعمال برنامه' });
    expect(apply).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: 'پیش‌نمایش برنامه' }));

    await screen.findByRole('heading', { name: 'برنامهٔ پیشنهادی (هنوز ذخیره نشده)' });
    // Its figures, in Persian digits, and the rule it could not meet with the ideas and reviewers concerned.
    expect(screen.getByText('تخصیص‌های تازه').nextElementSibling).toHaveTextContent('۲');
    expect(screen.getByText('هم‌خوانی تخصص').nextElementSibling).toHaveTextContent('۵۰');
    expect(screen.getByText('گروه‌های جدای داوران').nextElementSibling).toHaveTextContent('۱');
    expect(screen.getByText('جفت داوران هم‌ایده').nextElementSibling).toHaveTextContent('۳');
    // One group: no warning.
    expect(screen.queryByText(/گروه جدا هستند/)).toBeNull();
    expect(screen.getByText('no expert left').closest('li')).toHaveTextContent('تخصص');
    expect(screen.getByText('no expert left').closest('li')).toHaveTextContent('داور دوم');

    const autoCalls = () => calls.filter((request) => request.url.endsWith('/assignments/auto'));
    expect(autoCalls()).toHaveLength(1);
    expect(await autoCalls()[0]!.clone().json()).toEqual({ dryRun: true });

    await userEvent.click(screen.getByRole('button', { name: 'اعمال برنامه' }));
    await waitFor(() => expect(autoCalls()).toHaveLength(2));
    expect(await autoCalls()[1]!.clone().json()).toEqual({ dryRun: false });
    expect(await screen.findByText('۲ تخصیص تازه ذخیره شد.')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'برنامهٔ پیشنهادی (هنوز ذخیره نشده)' })).toBeNull();
  }, 20_000);

  // A jury in two groups that no exchange could link: the warning, and the rule's message in the page's language.
  function split(): Schema<'AutoAssignView'> {
    return {
      ...plan(false),
      figures: { ...plan(false).figures, groups: 2, jurorPairs: 1 },
      unmet: [{ rule: 'connected', ideaIds: ['i1'], reviewerIds: ['r2'], message: 'the jury falls into 2 groups that share no idea' }],
    };
  }
  const answerSplit = () =>
    stubApi((request) => {
      const { pathname } = new URL(request.url);
      if (request.method === 'GET' && pathname === '/api/v1/calls/c1') return { body: call };
      if (request.method === 'GET' && pathname === '/api/v1/calls/c1/assignments') return { body: page([]) };
      if (request.method === 'GET' && pathname === '/api/v1/calls/c1/ideas') return { body: page([]) };
      if (request.method === 'GET' && pathname === '/api/v1/reviewers') return { body: page([]) };
      if (request.method === 'POST' && pathname === '/api/v1/calls/c1/assignments/auto') return { body: split() };
      return undefined;
    });

  it('warns when the plan leaves the jury in separate groups, in Persian', async () => {
    answerSplit();
    await renderWithApp(<AssignmentBoardPage />, { path: '/staff/calls/c1/assignments', route: '/staff/calls/:id/assignments' });
    await userEvent.click(await screen.findByRole('button', { name: 'پیش‌نمایش برنامه' }));
    expect(await screen.findByText(/داوران پس از این برنامه در ۲ گروه جدا هستند/)).toHaveClass('alert--warning');
    expect(screen.getByText('گروه‌های جدای داوران').nextElementSibling).toHaveTextContent('۲');
    const rule = screen.getByText('پیوستگی هیئت داوران').closest('li');
    expect(rule).toHaveTextContent('هیئت داوران به ۲ گروه جدا تقسیم شده');
    expect(rule).toHaveTextContent('داور دوم');
    expect(rule).not.toHaveTextContent('the jury falls into');
  }, 20_000);

  it('warns when the plan leaves the jury in separate groups, in English', async () => {
    answerSplit();
    await renderWithApp(<AssignmentBoardPage />, { locale: 'en', path: '/staff/calls/c1/assignments', route: '/staff/calls/:id/assignments' });
    await userEvent.click(await screen.findByRole('button', { name: 'Preview the plan' }));
    expect(await screen.findByText(/the reviewers fall into 2 separate groups/)).toHaveClass('alert--warning');
    expect(screen.getByText('Reviewer pairs sharing an idea').nextElementSibling).toHaveTextContent('1');
    const rule = screen.getByText('Connected jury').closest('li');
    expect(rule).toHaveTextContent('The jury falls into 2 separate groups that share no idea');
  }, 20_000);
});
