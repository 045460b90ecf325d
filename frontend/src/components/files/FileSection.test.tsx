import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { resources } from '@/app/resources';
import type { StoredFile } from '@/lib/api/files';
import { isolate } from '@/lib/i18n/text';
import { IDEA_ID, problem, storedFile } from '@/test/files';
import { renderWithApp, stubApi } from '@/test/render';
import { stubXhr, type FakeXhr } from '@/test/xhr';
import { FileSection } from './FileSection';

const fa = resources.fa.files;
const en = resources.en.files;
const errorsFa = resources.fa.errors;

const photo = storedFile({
  id: '0190c0de-0000-7000-8000-00000000f002',
  kind: 'evidence',
  name: 'admission.png',
  contentType: 'image/png',
  size: 2_400_000,
  description: 'پذیرش دانشگاه فلورانس',
  identifying: true,
  previewUrl: '/api/v1/files/0190c0de-0000-7000-8000-00000000f002/signed?variant=preview&expires=1900000000&signature=cd34',
  authorField: 'Sara Ahmadi',
});

/** The list endpoint answers `files()` each time it is read; DELETE removes from it. */
function serve(files: () => StoredFile[], onDelete?: (id: string) => void) {
  return stubApi((request) => {
    const path = new URL(request.url).pathname;
    if (request.method === 'GET' && path.endsWith('/files')) return { body: { items: files(), total: files().length } };
    if (request.method === 'DELETE' && path.startsWith('/api/v1/files/')) {
      onDelete?.(path.split('/').pop() ?? '');
      return { status: 204 };
    }
    return undefined;
  });
}

async function sentRequest(sent: FakeXhr[], index = 0): Promise<FakeXhr> {
  await waitFor(() => expect(sent.length).toBeGreaterThan(index));
  return sent[index]!;
}

const pdf = (name = 'طرح.pdf') => new File(['%PDF-1.7 test file'], name, { type: 'application/pdf' });
const picker = (container: HTMLElement) => container.querySelector<HTMLInputElement>('input[type="file"]')!;

describe('the files of an owner', { timeout: 20_000 }, () => {
  it('lists each file with its link, type, size in Persian digits, description, preview and marks', async () => {
    const calls = serve(() => [storedFile(), photo]);
    await renderWithApp(<FileSection owner={{ kind: 'idea', id: IDEA_ID }} title="اسناد ایده" canAdd={false} />);
    const list = await screen.findByRole('list', { name: 'اسناد ایده' });
    const [first, second] = within(list).getAllByRole('listitem');
    const link = within(first!).getByRole('link', { name: 'طرح همکاری.pdf' });
    expect(link).toHaveAttribute('href', storedFile().url);
    expect(link).toHaveAttribute('download', 'طرح همکاری.pdf');
    expect(first).toHaveTextContent(fa.types.pdf);
    expect(first).toHaveTextContent('۱۲ کیلوبایت');
    expect(within(first!).getByText(resources.fa.enums.FileKind.proposal)).toBeInTheDocument();
    expect(within(first!).queryByRole('img')).toBeNull();

    const preview = within(second!).getByRole('img', { name: 'پیش‌نمایش admission.png' });
    expect(preview).toHaveAttribute('src', photo.previewUrl);
    expect(second).toHaveTextContent(fa.types.png);
    expect(second).toHaveTextContent('۲٫۳ مگابایت');
    expect(second).toHaveTextContent('پذیرش دانشگاه فلورانس');
    expect(within(second!).getByText(fa.item.identifying)).toBeInTheDocument();
    expect(within(second!).getByText(resources.fa.enums.FileKind.evidence)).toBeInTheDocument();
    // The author its metadata names, which only the uploader and staff are told.
    expect(second).toHaveTextContent('Sara Ahmadi');
    // No uploader for a reader who may not add.
    expect(screen.queryByRole('button', { name: fa.add.choose })).toBeNull();
    expect(new URL(calls[0]!.url).pathname).toBe(`/api/v1/ideas/${IDEA_ID}/files`);
  });

  it('offers removal only where the file allows it', async () => {
    serve(() => [storedFile({ allowedActions: [] }), photo]);
    await renderWithApp(<FileSection owner={{ kind: 'idea', id: IDEA_ID }} title="اسناد ایده" canAdd={false} />);
    await screen.findByRole('link', { name: 'admission.png' });
    expect(screen.queryByRole('button', { name: 'حذف طرح همکاری.pdf' })).toBeNull();
    expect(screen.getByRole('button', { name: 'حذف admission.png' })).toBeInTheDocument();
  });

  it('says so when there is no file, and shows nothing at all where asked to', async () => {
    serve(() => []);
    const { unmount } = await renderWithApp(<FileSection owner={{ kind: 'idea', id: IDEA_ID }} title="اسناد ایده" canAdd={false} />);
    expect(await screen.findByText(fa.empty)).toBeInTheDocument();
    unmount();
    serve(() => []);
    await renderWithApp(<FileSection owner={{ kind: 'activity', id: 'a1' }} title="اسناد فعالیت" canAdd={false} hideWhenEmpty />);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByText('اسناد فعالیت')).toBeNull();
  });

  it('uploads a chosen file with the marks chosen before it, shows its progress, then the list again', async () => {
    let files: StoredFile[] = [];
    const calls = serve(() => files);
    const sent = stubXhr();
    const { container } = await renderWithApp(<FileSection owner={{ kind: 'idea', id: IDEA_ID }} title="اسناد ایده" canAdd blind />);
    await screen.findByText(fa.empty);
    // The submitter is told what a blind call's reviewers never see.
    expect(screen.getByText(fa.idea.blindNote)).toBeInTheDocument();

    await userEvent.click(screen.getByRole('radio', { name: fa.add.kindEvidence }));
    await userEvent.click(screen.getByRole('checkbox', { name: fa.add.identifying }));
    await userEvent.type(screen.getByRole('textbox', { name: fa.add.description }), 'نامهٔ پذیرش');
    await userEvent.upload(picker(container), pdf());

    const xhr = await sentRequest(sent);
    expect(xhr.url).toBe(`/api/v1/ideas/${IDEA_ID}/files`);
    expect(xhr.body!.get('kind')).toBe('evidence');
    expect(xhr.body!.get('identifying')).toBe('true');
    expect(xhr.body!.get('description')).toBe('نامهٔ پذیرش');
    // The description was for that file; the next starts afresh.
    expect(screen.getByRole('textbox', { name: fa.add.description })).toHaveValue('');

    const bar = screen.getByRole('progressbar', { name: 'بارگذاری طرح.pdf' });
    expect(bar).toHaveAttribute('aria-valuenow', '0');
    xhr.progress(400, 1000);
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuenow', '40'));
    expect(bar).toHaveAttribute('aria-valuetext', '۴۰٪');

    files = [storedFile({ name: 'طرح.pdf', kind: 'evidence', identifying: true, authorField: 'Ali Rezaei' })];
    xhr.progress(1000, 1000);
    xhr.answer(201, files[0]);
    expect(await screen.findByRole('status')).toHaveTextContent(`«${isolate('طرح.pdf')}» افزوده شد.`);
    expect(await screen.findByRole('link', { name: 'طرح.pdf' })).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).toBeNull();
    // The author field the server found is pointed out to the uploader.
    expect(screen.getByText(/Ali Rezaei/)).toHaveClass('alert--warning');
    expect(calls.filter((call) => call.method === 'GET')).toHaveLength(2);
  });

  it('offers the internal mark to staff on an activity, and takes files dropped on it', async () => {
    serve(() => []);
    const sent = stubXhr();
    await renderWithApp(<FileSection owner={{ kind: 'activity', id: 'a1' }} title="Photos" canAdd />, { locale: 'en' });
    await screen.findByText(en.empty);
    expect(screen.queryByRole('radio')).toBeNull();
    await userEvent.click(screen.getByRole('checkbox', { name: en.add.internal }));
    const zone = screen.getByText(en.add.drop).parentElement!;
    const photoFile = new File(['png'], 'visit.png', { type: 'image/png' });
    fireEvent.dragEnter(zone, { dataTransfer: { types: ['Files'], files: [photoFile] } });
    expect(screen.getByText(en.add.dropActive)).toBeInTheDocument();
    fireEvent.drop(zone, { dataTransfer: { types: ['Files'], files: [photoFile] } });
    const xhr = await sentRequest(sent);
    expect(xhr.url).toBe('/api/v1/activities/a1/files');
    expect(xhr.body!.get('internal')).toBe('true');
    expect(xhr.body!.get('kind')).toBeNull();
    expect((xhr.body!.get('file') as File).name).toBe('visit.png');
    expect(screen.getByRole('progressbar', { name: 'Uploading visit.png' })).toHaveAttribute('aria-valuetext', '0%');
    xhr.answer(201, storedFile({ name: 'visit.png', ownerKind: 'activity', kind: 'record', internal: true }));
    expect(await screen.findByRole('status')).toHaveTextContent(`“${isolate('visit.png')}” was added.`);
  });

  it('cancels an upload under way', async () => {
    serve(() => []);
    const sent = stubXhr();
    const { container } = await renderWithApp(<FileSection owner={{ kind: 'tie', id: 't1' }} title="مدرک" canAdd />);
    await screen.findByText(fa.empty);
    await userEvent.upload(picker(container), pdf());
    const xhr = await sentRequest(sent);
    expect(xhr.url).toBe('/api/v1/ties/t1/files');
    xhr.progress(100, 1000);
    await userEvent.click(screen.getByRole('button', { name: 'لغو بارگذاری طرح.pdf' }));
    expect(xhr.aborted).toBe(true);
    expect(await screen.findByRole('status')).toHaveTextContent(`بارگذاری «${isolate('طرح.pdf')}» لغو شد.`);
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it.each([
    [415, 'unsupported_file_type'],
    [413, 'file_too_large'],
    [413, 'owner_files_too_large'],
    [422, 'infected_file'],
  ] as const)('says why a %i %s upload failed, until dismissed', async (status, code) => {
    serve(() => []);
    const sent = stubXhr();
    const { container } = await renderWithApp(<FileSection owner={{ kind: 'idea', id: IDEA_ID }} title="اسناد ایده" canAdd />);
    await screen.findByText(fa.empty);
    await userEvent.upload(picker(container), pdf('page.pdf'));
    (await sentRequest(sent)).answer(status, problem(status, code));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(`بارگذاری «${isolate('page.pdf')}» انجام نشد.`);
    expect(alert).toHaveTextContent(errorsFa[code]);
    await userEvent.click(screen.getByRole('button', { name: 'بستن خطای page.pdf' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('names the fields of a 422', async () => {
    serve(() => []);
    const sent = stubXhr();
    const { container } = await renderWithApp(<FileSection owner={{ kind: 'idea', id: IDEA_ID }} title="Documents" canAdd />, { locale: 'en' });
    await screen.findByText(en.empty);
    await userEvent.upload(picker(container), pdf('page.pdf'));
    (await sentRequest(sent)).answer(422, problem(422, 'validation_failed', [{ pointer: '/description', code: 'too_long', message: 'at most 300' }]));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(resources.en.errors.validation_failed);
    expect(alert).toHaveTextContent(`${en.fields.description}: ${resources.en.errors.field.too_long}`);
  });

  it('removes a file after a confirmation, and not without one', async () => {
    let files = [storedFile(), photo];
    const removed: string[] = [];
    const calls = serve(
      () => files,
      (id) => {
        removed.push(id);
        files = files.filter((file) => file.id !== id);
      },
    );
    await renderWithApp(<FileSection owner={{ kind: 'idea', id: IDEA_ID }} title="اسناد ایده" canAdd />);
    const remove = await screen.findByRole('button', { name: 'حذف admission.png' });

    await userEvent.click(remove);
    let dialog = screen.getByRole('alertdialog', { name: fa.remove.title });
    expect(dialog).toHaveTextContent(`پروندهٔ «${isolate('admission.png')}» حذف شود؟`);
    // Focus goes to the safe choice; Escape cancels and gives focus back.
    expect(within(dialog).getByRole('button', { name: resources.fa.common.actions.cancel })).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByRole('button', { name: 'حذف admission.png' })).toHaveFocus();
    expect(removed).toEqual([]);

    await userEvent.click(screen.getByRole('button', { name: 'حذف admission.png' }));
    dialog = screen.getByRole('alertdialog', { name: fa.remove.title });
    await userEvent.click(within(dialog).getByRole('button', { name: fa.remove.confirm }));
    expect(await screen.findByRole('status')).toHaveTextContent(`«${isolate('admission.png')}» حذف شد.`);
    await waitFor(() => expect(screen.queryByRole('link', { name: 'admission.png' })).toBeNull());
    expect(removed).toEqual([photo.id]);
    expect(screen.getByRole('link', { name: 'طرح همکاری.pdf' })).toBeInTheDocument();
    const deletion = calls.find((call) => call.method === 'DELETE')!;
    expect(new URL(deletion.url).pathname).toBe(`/api/v1/files/${photo.id}`);
  });

  it('reads the list again before its links expire', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, now: Date.parse('2030-01-01T00:00:00Z') });
    try {
      const calls = serve(() => [storedFile({ linkExpiresAt: '2030-01-01T00:05:00Z' })]);
      await renderWithApp(<FileSection owner={{ kind: 'idea', id: IDEA_ID }} title="اسناد ایده" canAdd={false} />);
      await screen.findByRole('link', { name: 'طرح همکاری.pdf' });
      expect(calls).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(4 * 60_000 + 31_000);
      await waitFor(() => expect(calls).toHaveLength(2));
    } finally {
      vi.useRealTimers();
    }
  });
});
