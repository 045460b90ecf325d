import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Schema } from '@/lib/api/types';
import { renderWithApp, stubApi } from '@/test/render';
import { DecisionsPage } from './DecisionsPage';

afterEach(() => {
  vi.unstubAllGlobals();
});

const CALL = '01a21dd7-0000-7000-8000-000000000001';
const [A, B, GONE] = ['01a21dd7-0000-7000-8000-0000000000a1', '01a21dd7-0000-7000-8000-0000000000b1', '01a21dd7-0000-7000-8000-0000000000c1'];

const ranked = (ideaId: string, title: string): Schema<'RankedIdeaView'> => ({
  ideaId,
  title,
  state: 'reviewed',
  reviewCount: 2,
  disagreement: false,
  rankShift: false,
  criterionMeans: [],
  allowedActions: ['decide'],
});

const decision = (ideaId: string, ideaTitle: string, outcome: Schema<'DecisionOutcome'>): Schema<'DecisionView'> => ({
  ideaId,
  ideaTitle,
  callId: CALL,
  outcome,
  note: null,
  decidedBy: { id: '01a21dd7-0000-7000-8000-0000000000f1', displayName: 'مریم کارشناس' },
  decidedAt: '2026-12-05T09:00:00Z',
  published: false,
});

describe('the decisions page', { timeout: 30_000 }, () => {
  it("names the decided ideas by the titles the decisions carry: those to publish, and those left behind", async () => {
    stubApi((request) => {
      const path = new URL(request.url).pathname;
      if (path === `/api/v1/calls/${CALL}`) {
        return { body: { id: CALL, title: { fa: 'فراخوان سوم' }, allowedActions: ['record_decisions', 'publish_decisions'], decisionsPublishedAt: null } };
      }
      if (path === `/api/v1/calls/${CALL}/ranking`) {
        // Only the page's items matter here.
        const items = [ranked(A, 'ایدهٔ آلفا'), ranked(B, 'ایدهٔ بتا')];
        return { body: { items, total: 2, limit: 100, offset: 0 } };
      }
      if (path === `/api/v1/calls/${CALL}/decisions`) {
        return {
          body: {
            items: [decision(A, 'ایدهٔ آلفا', 'selected'), decision(B, 'ایدهٔ بتا', 'not_selected'), decision(GONE, 'ایدهٔ بازگشته به غربالگری', 'selected')],
            counts: { selected: 2, notSelected: 1, undecided: 0 },
          },
        };
      }
      return undefined;
    });
    await renderWithApp(<DecisionsPage />, { locale: 'en', path: `/staff/calls/${CALL}/decisions`, route: '/staff/calls/:id/decisions' });

    // A decision on an idea no longer with the jury is listed apart, with its title and who took it.
    const apart = await screen.findByRole('list', { name: 'Decisions on ideas no longer with the jury' });
    const items = within(apart).getAllByRole('listitem');
    expect(items).toHaveLength(1);
    expect(items[0]).toHaveTextContent('ایدهٔ بازگشته به غربالگری: Selected');
    expect(items[0]).toHaveTextContent('decided by مریم کارشناس');

    // Publishing names the ideas it announces as selected.
    await userEvent.click(screen.getByRole('button', { name: 'Publish the decisions' }));
    const toSelect = screen.getByRole('list', { name: 'The ideas to be announced as selected:' });
    expect(within(toSelect).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['ایدهٔ آلفا']);
  });
});
