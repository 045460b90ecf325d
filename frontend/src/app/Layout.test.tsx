import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '@/test/render';
import { Layout } from './Layout';

describe('the language switch', () => {
  it('starts in Persian, right to left, and switches to English, remembered', async () => {
    localStorage.clear();
    await renderWithApp(<Layout />, { locale: 'fa' });
    expect(document.documentElement).toHaveAttribute('lang', 'fa');
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
    expect(screen.getByRole('navigation', { name: 'پیمایش اصلی' })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Switch to English' }));
    expect(document.documentElement).toHaveAttribute('lang', 'en');
    expect(document.documentElement).toHaveAttribute('dir', 'ltr');
    expect(localStorage.getItem('citizen-diplomat.locale')).toBe('en');
    expect(screen.getByRole('navigation', { name: 'Main navigation' })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'نمایش به فارسی' }));
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
    expect(localStorage.getItem('citizen-diplomat.locale')).toBe('fa');
  });
});
