import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp, stubApi } from '@/test/render';
import { ActivityForm } from './ActivityForm';

const cityId = '0190c0de-0000-7000-8000-0000000000c1';
const noIdeas = { body: { items: [], total: 0, limit: 100, offset: 0 } };

function fill422(request: Request) {
  if (request.method === 'GET') return noIdeas;
  return {
    status: 422,
    body: {
      type: 'urn:citizen-diplomat:problem:validation_failed',
      title: 'Validation failed',
      status: 422,
      detail: 'Some fields are missing or invalid',
      code: 'validation_failed',
      errors: [{ pointer: '/title/fa', code: 'too_long', message: 'at most 200 characters' }],
    },
  };
}

describe('the activity form', { timeout: 20_000 }, () => {
  it('posts the Jalali day chosen as an ISO day, with empty optional texts as null', async () => {
    const done = vi.fn();
    const calls = stubApi((request) =>
      request.method === 'GET'
        ? noIdeas
        : { status: 201, body: { id: 'a1', city: { id: cityId, name: { fa: 'فلورانس' }, country: 'IT', verified: true }, occurredOn: '2025-03-21', kind: 'webinar', direction: 'joint', status: 'done', title: { fa: 'وبینار' }, createdAt: '', updatedAt: '' } },
    );
    await renderWithApp(<ActivityForm cityId={cityId} onDone={done} />, { locale: 'fa' });
    // 1 Farvardin 1404 is 21 March 2025.
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'روز' }), '1');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'ماه' }), '1');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'سال' }), '1404');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: /گونهٔ فعالیت/ }), 'webinar');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: /جهت/ }), 'joint');
    await userEvent.type(screen.getByRole('textbox', { name: /عنوان \(فارسی\)/ }), ' وبینار شهرداران ');
    await userEvent.click(screen.getByRole('button', { name: 'ثبت فعالیت' }));
    await waitFor(() => expect(done).toHaveBeenCalled());
    const post = calls.find((request) => request.method === 'POST')!;
    expect(new URL(post.url).pathname).toBe(`/api/v1/cities/${cityId}/activities`);
    expect(await post.json()).toEqual({
      occurredOn: '2025-03-21',
      kind: 'webinar',
      direction: 'joint',
      status: null,
      title: { fa: 'وبینار شهرداران', en: null },
      description: null,
      outcomes: null,
      ideaId: null,
    });
  });

  it('gives an ISO day from the English date input too', async () => {
    const calls = stubApi((request) => (request.method === 'GET' ? noIdeas : { status: 201, body: {} }));
    await renderWithApp(<ActivityForm cityId={cityId} onDone={() => {}} />, { locale: 'en' });
    await userEvent.type(screen.getByLabelText('Date'), '2026-11-02');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: /Kind of activity/ }), 'visit');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: /Direction/ }), 'inbound');
    await userEvent.type(screen.getByRole('textbox', { name: /Title \(Persian\)/ }), 'دیدار');
    await userEvent.click(screen.getByRole('button', { name: 'Record the activity' }));
    await waitFor(() => expect(calls.some((r) => r.method === 'POST')).toBe(true));
    const body = (await calls.find((r) => r.method === 'POST')!.json()) as { occurredOn: string };
    expect(body.occurredOn).toBe('2026-11-02');
  });

  it('shows a 422 next to the field it names', async () => {
    const done = vi.fn();
    stubApi(fill422);
    await renderWithApp(<ActivityForm cityId={cityId} onDone={done} />, { locale: 'fa' });
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'روز' }), '5');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'ماه' }), '2');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'سال' }), '1404');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: /گونهٔ فعالیت/ }), 'visit');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: /جهت/ }), 'outbound');
    const title = screen.getByRole('textbox', { name: /عنوان \(فارسی\)/ });
    await userEvent.type(title, 'دیدار');
    await userEvent.click(screen.getByRole('button', { name: 'ثبت فعالیت' }));
    await waitFor(() => expect(title).toHaveAttribute('aria-invalid', 'true'));
    expect(title).toHaveAccessibleDescription('این متن بلند است.');
    expect(screen.getByRole('alert')).toHaveTextContent('برخی از خانه‌ها خالی یا نادرست است.');
    expect(done).not.toHaveBeenCalled();
  });

  it('asks for the required fields before sending anything', async () => {
    const calls = stubApi((request) => (request.method === 'GET' ? noIdeas : undefined));
    await renderWithApp(<ActivityForm cityId={cityId} onDone={() => {}} />, { locale: 'en' });
    await userEvent.click(screen.getByRole('button', { name: 'Record the activity' }));
    expect(await screen.findAllByText('Fill in this field.')).toHaveLength(3);
    expect(calls.filter((r) => r.method === 'POST')).toHaveLength(0);
  });
});
