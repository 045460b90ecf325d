import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithApp, stubApi } from '@/test/render';
import { PartnershipRegister } from './PartnershipRegister';
import { dormantFrom, registerQuery } from './registerQuery';

const florence = {
  id: 'p1',
  city: { id: 'c1', name: { fa: 'فلورانس', en: 'Florence' }, country: 'IT', verified: true },
  kind: 'sister_city',
  state: 'active',
  signedOn: '1998-03-04',
  health: { lastActivityOn: '2020-05-27', recentActivities: 0, dormant: true, basis: 'last_activity', basisOn: '2020-05-27', dormancyMonths: 12 },
  version: 1,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

function lastQuery(calls: Request[]): Record<string, string> {
  const last = calls.filter((r) => new URL(r.url).pathname === '/api/v1/partnerships').at(-1)!;
  return Object.fromEntries(new URL(last.url).searchParams);
}

describe("the register's filters", { timeout: 20_000 }, () => {
  it('turn into the query parameters of GET /partnerships', async () => {
    const calls = stubApi(() => ({ body: { items: [florence], total: 1, limit: 20, offset: 0 } }));
    await renderWithApp(<PartnershipRegister basePath="/sister-cities" />, { locale: 'en', path: '/sister-cities' });
    const link = await screen.findByRole('link', { name: 'Florence' });
    expect(link).toHaveAttribute('href', '/sister-cities/p1');
    expect(link.closest('tr')).toHaveTextContent('Italy');
    expect(lastQuery(calls)).toEqual({ limit: '20' });

    await userEvent.type(screen.getByRole('searchbox', { name: 'City name' }), ' Flor ');
    await userEvent.click(screen.getByRole('button', { name: 'Search' }));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Country' }), 'IT');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Kind of partnership' }), 'sister_city');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'State' }), 'active');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Activity' }), 'true');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Order' }), '-lastActivityOn');
    await waitFor(() =>
      expect(lastQuery(calls)).toEqual({ limit: '20', q: 'Flor', country: 'IT', kind: 'sister_city', state: 'active', dormant: 'true', sort: '-lastActivityOn' }),
    );

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Activity' }), 'false');
    await waitFor(() => expect(lastQuery(calls).dormant).toBe('false'));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Activity' }), '');
    await waitFor(() => expect(lastQuery(calls)).not.toHaveProperty('dormant'));

    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(lastQuery(calls)).toEqual({ limit: '20' }));
    expect(screen.getByRole('searchbox', { name: 'City name' })).toHaveValue('');
  });

  it('shows the state, the dormant flag and the dates in Persian', async () => {
    stubApi(() => ({ body: { items: [florence], total: 1, limit: 20, offset: 0 } }));
    await renderWithApp(<PartnershipRegister basePath="/sister-cities" />, { locale: 'fa', path: '/sister-cities' });
    const row = (await screen.findByRole('link', { name: 'فلورانس' })).closest('tr')!;
    expect(row).toHaveTextContent('ایتالیا');
    expect(row).toHaveTextContent('فعال');
    expect(row).toHaveTextContent('راکد');
    expect(row).toHaveTextContent('۱۳۹۹'); // 27 May 2020 is in 1399
  });

  it('ignores what the API would refuse and starts on a page from the address', () => {
    const query = registerQuery(new URLSearchParams('q=%20&country=Italy&kind=twin&state=active&dormant=maybe&sort=name&offset=40'));
    expect(query).toEqual({ limit: 20, state: 'active', offset: 40 });
  });

  it('reckons the day a partnership turns dormant', () => {
    const health = { recentActivities: 0, dormant: false, basis: 'last_activity' as const, dormancyMonths: 12 };
    expect(dormantFrom({ ...health, basisOn: '2026-03-31' })).toBe('2027-03-31');
    expect(dormantFrom({ ...health, basisOn: '2024-02-29' })).toBe('2025-02-28');
    expect(dormantFrom({ ...health, basisOn: '2026-01-31', dormancyMonths: 1 })).toBe('2026-02-28');
  });
});
