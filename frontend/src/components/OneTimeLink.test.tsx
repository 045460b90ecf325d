import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { resources } from '@/app/resources';
import { renderWithApp } from '@/test/render';
import { OneTimeLink } from './OneTimeLink';

const common = resources.en.common;

describe('a one-time set-password link', () => {
  it('is shown to hand over when the server mails nothing', async () => {
    await renderWithApp(<OneTimeLink name="Maryam" token={{ userId: 'u', token: 'secret+1', expiresAt: '2026-12-13T09:30:00Z', mailed: false }} onDone={() => undefined} />, { locale: 'en' });
    expect(screen.getByLabelText('Set-password link for Maryam')).toHaveValue(`${window.location.origin}/set-password#token=secret%2B1`);
  });

  it('is not shown at all when the server mailed it to the owner', async () => {
    await renderWithApp(<OneTimeLink name="Maryam" token={{ userId: 'u', token: null, expiresAt: '2026-12-13T09:30:00Z', mailed: true }} onDone={() => undefined} />, { locale: 'en' });
    expect(screen.getByRole('status')).toHaveTextContent(common.oneTime.mailed.replace('{{name}}', 'Maryam'));
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.getByRole('button', { name: common.actions.close })).toBeInTheDocument();
  });
});
