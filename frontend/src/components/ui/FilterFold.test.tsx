import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '@/test/render';
import { FilterFold } from './FilterFold';

/** A screen `width` pixels wide, as matchMedia answers the fold's query. */
function screenOf(width: number) {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: query === '(max-width: 720px)' && width <= 720,
    media: query,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  }));
}

const filters = (
  <form role="search" aria-label="filters">
    <label>
      Name <input />
    </label>
  </form>
);

describe('the filters of a list', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('are folded on a phone behind a line that says how many are in use, in Persian digits, and open on a click', async () => {
    screenOf(360);
    const { container } = await renderWithApp(<FilterFold active={2}>{filters}</FilterFold>, { locale: 'fa' });
    const fold = container.querySelector('details');
    expect(fold).not.toHaveAttribute('open');
    expect(screen.getByText('پالایش فهرست')).toBeInTheDocument();
    expect(screen.getByText('۲ پالایه به کار رفته')).toBeInTheDocument();
    await userEvent.click(screen.getByText('پالایش فهرست'));
    expect(fold).toHaveAttribute('open');
  });

  it('are open on a wide screen, and say nothing of a count when none is in use', async () => {
    screenOf(1280);
    const { container } = await renderWithApp(<FilterFold active={0}>{filters}</FilterFold>, { locale: 'en' });
    expect(container.querySelector('details')).toHaveAttribute('open');
    expect(screen.getByRole('search', { name: 'filters' })).toBeInTheDocument();
    expect(screen.queryByText(/in use/)).not.toBeInTheDocument();
  });
});
