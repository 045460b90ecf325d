import { afterEach, describe, expect, it, vi } from 'vitest';
import { setRefreshExchange, storeTokens } from '@/lib/auth/session';
import { IDEA_ID, problem, storedFile } from '@/test/files';
import { stubXhr, type FakeXhr } from '@/test/xhr';
import { ApiProblem } from './problem';
import { isAbort, uploadFile, type UploadProgress } from './upload';

const user = {
  id: '00000000-0000-0000-0000-000000000001',
  email: 'sara@example.org',
  displayName: 'سارا',
  roles: [],
  active: true,
  locale: 'fa' as const,
  createdAt: '2026-11-27T00:00:00Z',
  updatedAt: '2026-11-27T00:00:00Z',
  secondFactorEnabled: false,
  emailVerified: true,
};
const tokens = (n: number) => ({ accessToken: `access-${n}`, refreshToken: `refresh-${n}`, tokenType: 'Bearer' as const, expiresIn: 900, enrolOnly: false, user });

const pdf = () => new File(['%PDF-1.7 test'], 'طرح همکاری.pdf', { type: 'application/pdf' });

/** The request the helper sent, once it has (it reads the token first). */
async function sentRequest(sent: FakeXhr[], index = 0): Promise<FakeXhr> {
  await vi.waitFor(() => expect(sent.length).toBeGreaterThan(index));
  return sent[index]!;
}

function upload(onProgress?: (progress: UploadProgress) => void, signal?: AbortSignal) {
  return uploadFile('/api/v1/ideas/{id}/files', { id: IDEA_ID }, { description: 'نامهٔ همکار', kind: 'evidence', identifying: true }, pdf(), onProgress, signal);
}

afterEach(() => setRefreshExchange(() => Promise.resolve('rejected' as const)));

describe('uploadFile', () => {
  it('sends the file and its fields as multipart/form-data with the bearer token, and answers the stored file', async () => {
    storeTokens(tokens(1));
    const sent = stubXhr();
    const answer = upload();
    const xhr = await sentRequest(sent);
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe(`/api/v1/ideas/${IDEA_ID}/files`);
    expect(xhr.headers.authorization).toBe('Bearer access-1');
    // The browser sets the multipart Content-Type with its boundary: the helper must not.
    expect(xhr.headers['content-type']).toBeUndefined();
    const form = xhr.body!;
    expect(form.get('description')).toBe('نامهٔ همکار');
    expect(form.get('kind')).toBe('evidence');
    expect(form.get('identifying')).toBe('true');
    const file = form.get('file') as File;
    expect(file.name).toBe('طرح همکاری.pdf');
    expect([...form.keys()].at(-1)).toBe('file');
    const stored = storedFile({ kind: 'evidence', identifying: true });
    xhr.answer(201, stored);
    await expect(answer).resolves.toEqual(stored);
  });

  it('leaves out fields that are not set, and sends no token when signed out', async () => {
    const sent = stubXhr();
    const answer = uploadFile('/api/v1/activities/{id}/files', { id: 'a1' }, { description: undefined, internal: false }, pdf());
    const xhr = await sentRequest(sent);
    expect(xhr.headers.authorization).toBeUndefined();
    expect([...xhr.body!.keys()]).toEqual(['internal', 'file']);
    expect(xhr.body!.get('internal')).toBe('false');
    xhr.answer(201, storedFile({ ownerKind: 'activity', kind: 'record' }));
    await answer;
  });

  it('reports progress as the bytes go', async () => {
    const sent = stubXhr();
    const seen: UploadProgress[] = [];
    const answer = upload((progress) => seen.push(progress));
    const xhr = await sentRequest(sent);
    xhr.progress(0, 2000);
    xhr.progress(500, 2000);
    xhr.progress(2000, 2000);
    // Without a known length the file's size stands in.
    xhr.progress(6, 0, false);
    expect(seen.map((progress) => progress.fraction)).toEqual([0, 0.25, 1, 6 / pdf().size]);
    expect(seen[1]).toEqual({ loaded: 500, total: 2000, fraction: 0.25 });
    xhr.answer(201, storedFile());
    await answer;
  });

  it.each([
    [413, 'file_too_large'],
    [413, 'owner_files_too_large'],
    [415, 'unsupported_file_type'],
    [422, 'infected_file'],
  ])('turns a %i %s problem into an ApiProblem with its code', async (status, code) => {
    const sent = stubXhr();
    const answer = upload();
    (await sentRequest(sent)).answer(status, problem(status, code));
    const error = await answer.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiProblem);
    expect((error as ApiProblem).code).toBe(code);
    expect((error as ApiProblem).status).toBe(status);
  });

  it('keeps the field errors of a 422', async () => {
    const sent = stubXhr();
    const answer = upload();
    (await sentRequest(sent)).answer(
      422,
      problem(422, 'validation_failed', [
        { pointer: '/description', code: 'too_long', message: 'at most 300 characters' },
        { pointer: '/file', code: 'required', message: 'a file is required' },
      ]),
    );
    const error = (await answer.catch((caught: unknown) => caught)) as ApiProblem;
    expect(error.code).toBe('validation_failed');
    expect(error.fieldErrors).toEqual({
      description: { code: 'too_long', message: 'at most 300 characters' },
      file: { code: 'required', message: 'a file is required' },
    });
  });

  it('reads a proxy’s own 413 page as file_too_large', async () => {
    const sent = stubXhr();
    const answer = upload();
    (await sentRequest(sent)).answer(413, '<html><body>413 Request Entity Too Large</body></html>', 'text/html');
    await expect(answer).rejects.toMatchObject({ code: 'file_too_large', status: 413 });
  });

  it('turns a network failure into an ApiProblem without a status', async () => {
    const sent = stubXhr();
    const answer = upload();
    (await sentRequest(sent)).fail();
    await expect(answer).rejects.toMatchObject({ status: 0, code: 'internal_error' });
  });

  it('aborts the request when the signal aborts, and rejects with an AbortError', async () => {
    const sent = stubXhr();
    const controller = new AbortController();
    const answer = upload(undefined, controller.signal);
    const xhr = await sentRequest(sent);
    xhr.progress(100, 2000);
    controller.abort();
    expect(xhr.aborted).toBe(true);
    const error = await answer.catch((caught: unknown) => caught);
    expect(isAbort(error)).toBe(true);
    expect(error).not.toBeInstanceOf(ApiProblem);
  });

  it('sends nothing when the signal has aborted already', async () => {
    const sent = stubXhr();
    const controller = new AbortController();
    controller.abort();
    const error = await upload(undefined, controller.signal).catch((caught: unknown) => caught);
    expect(isAbort(error)).toBe(true);
    expect(sent).toHaveLength(0);
  });

  it('refreshes the session once on a 401 and sends again with the new token', async () => {
    storeTokens(tokens(1));
    setRefreshExchange(() => Promise.resolve(tokens(2)));
    const sent = stubXhr();
    const answer = upload();
    (await sentRequest(sent, 0)).answer(401, problem(401, 'invalid_token'));
    const again = await sentRequest(sent, 1);
    expect(again.headers.authorization).toBe('Bearer access-2');
    expect((again.body!.get('file') as File).name).toBe('طرح همکاری.pdf');
    again.answer(201, storedFile());
    await expect(answer).resolves.toMatchObject({ name: 'طرح همکاری.pdf' });
  });
});
