import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Schema } from '@/lib/api/types';
import { renderWithApp, stubApi } from '@/test/render';
import { CitizenProfileForm } from './CitizenProfileForm';

const me: Schema<'MeView'> = {
  id: 'u1',
  email: 'sara@example.org',
  displayName: 'سارا احمدی',
  roles: [],
  active: true,
  secondFactorEnabled: false,
  emailVerified: true,
  unreadNotifications: 0,
  locale: 'fa',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  profile: {
    occupationCategory: 'student',
    languages: ['fa', 'en'],
    ties: [
      { id: 't1', city: 'فلورانس', country: 'IT', nature: 'study', since: 2014 },
      { id: 't2', city: 'پاریس', country: 'FR', nature: 'cultural', since: 2018 },
    ],
  },
};

/** Answers PATCH /api/v1/me with the profile it was sent, and keeps the bodies. */
function stubPatch() {
  const bodies: unknown[] = [];
  stubApi((request) => {
    if (request.method !== 'PATCH' || !request.url.endsWith('/api/v1/me')) return undefined;
    return { body: me };
  });
  const fetchStub = globalThis.fetch;
  vi.stubGlobal('fetch', async (request: Request) => {
    bodies.push(await request.clone().json());
    return fetchStub(request);
  });
  return bodies;
}

// Each tie row renders every country of the world: jsdom needs more than the default 5 s on a busy machine.
const SLOW = 20_000;

describe('the ties editor', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends the ties as edited: a removed row is gone, a kept one has its id, an added one none, years in any digits', async () => {
    const bodies = stubPatch();
    await renderWithApp(<CitizenProfileForm me={me} />, { locale: 'fa' });
    expect(screen.getAllByRole('group', { name: /^پیوند / })).toHaveLength(2);

    await userEvent.click(screen.getByRole('button', { name: 'برداشتن پیوند ۱' }));
    expect(screen.getAllByRole('group', { name: /^پیوند / })).toHaveLength(1);

    await userEvent.click(screen.getByRole('button', { name: 'افزودن پیوند' }));
    const added = screen.getByRole('group', { name: 'پیوند ۲' });
    await userEvent.type(within(added).getByLabelText(/شهر/), 'فرایبورگ');
    await userEvent.selectOptions(within(added).getByLabelText(/کشور/), 'DE');
    await userEvent.selectOptions(within(added).getByLabelText(/گونهٔ پیوند/), 'academic');
    await userEvent.type(within(added).getByLabelText(/از سال/), '۲۰۱۵');

    await userEvent.click(screen.getByRole('button', { name: 'ذخیره' }));
    await waitFor(() => expect(bodies).toHaveLength(1));
    expect(bodies[0]).toEqual({
      profile: {
        occupationCategory: 'student',
        languages: ['fa', 'en'],
        ties: [
          { id: 't2', city: 'پاریس', country: 'FR', nature: 'cultural', since: 2018 },
          { city: 'فرایبورگ', country: 'DE', nature: 'academic', since: 2015 },
        ],
      },
    });
    expect(await screen.findByRole('status')).toHaveTextContent('نمایه ذخیره شد.');
  }, SLOW);

  it('sends an empty list when every tie is removed, and no occupation as null', async () => {
    const bodies = stubPatch();
    await renderWithApp(<CitizenProfileForm me={me} />, { locale: 'en' });
    await userEvent.click(screen.getByRole('button', { name: 'Remove tie 2' }));
    await userEvent.click(screen.getByRole('button', { name: 'Remove tie 1' }));
    expect(screen.getByText('You have not added any tie yet.')).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByLabelText('Occupation'), '');
    await userEvent.click(screen.getByRole('checkbox', { name: 'English' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(bodies).toHaveLength(1));
    expect(bodies[0]).toEqual({ profile: { occupationCategory: null, languages: ['fa'], ties: [] } });
  }, SLOW);

  it('does not send a row left incomplete, and says what is missing in place', async () => {
    const bodies = stubPatch();
    await renderWithApp(<CitizenProfileForm me={me} />, { locale: 'en' });
    await userEvent.click(screen.getByRole('button', { name: 'Add a tie' }));
    const added = screen.getByRole('group', { name: 'Tie 3' });
    await userEvent.type(within(added).getByLabelText(/Since/), '1850');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(within(added).getByLabelText(/City/)).toHaveAttribute('aria-invalid', 'true'));
    expect(within(added).getByLabelText(/Country/)).toHaveAttribute('aria-invalid', 'true');
    expect(within(added).getByLabelText(/Since/)).toHaveAccessibleDescription('Give a year between 1900 and this year.');
    expect(bodies).toHaveLength(0);
  }, SLOW);

  it("shows the server's errors on the row they belong to", async () => {
    stubApi((request) =>
      request.method === 'PATCH'
        ? {
            status: 422,
            body: {
              type: 'urn:citizen-diplomat:problem:validation_failed',
              title: 'Some fields are missing or invalid',
              status: 422,
              detail: '1 field',
              code: 'validation_failed',
              errors: [{ pointer: '/profile/ties/1/country', code: 'invalid_country', message: 'not an ISO 3166-1 alpha-2 country code' }],
            },
          }
        : undefined,
    );
    await renderWithApp(<CitizenProfileForm me={me} />, { locale: 'en' });
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    const second = screen.getByRole('group', { name: 'Tie 2' });
    await waitFor(() => expect(within(second).getByLabelText(/Country/)).toHaveAccessibleDescription('Choose the country from the list.'));
    expect(within(screen.getByRole('group', { name: 'Tie 1' })).getByLabelText(/Country/)).not.toHaveAttribute('aria-invalid');
  }, SLOW);
});
