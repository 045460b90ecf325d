// Files as the API lists them, for tests.
import type { StoredFile } from '@/lib/api/files';

export const IDEA_ID = '0190c0de-0000-7000-8000-00000000idea';

export function storedFile(overrides: Partial<StoredFile> = {}): StoredFile {
  const id = overrides.id ?? '0190c0de-0000-7000-8000-00000000f001';
  return {
    id,
    ownerKind: 'idea',
    ownerId: IDEA_ID,
    kind: 'proposal',
    name: 'طرح همکاری.pdf',
    contentType: 'application/pdf',
    size: 12345,
    description: null,
    identifying: false,
    internal: false,
    url: `/api/v1/files/${id}/signed?variant=original&expires=1900000000&signature=ab12`,
    previewUrl: null,
    linkExpiresAt: '2030-01-01T00:05:00Z',
    authorField: null,
    scanned: true,
    uploadedAt: '2026-11-27T08:30:00Z',
    allowedActions: ['edit', 'remove'],
    ...overrides,
  };
}

/** A problem answer as the API sends it. */
export function problem(status: number, code: string, errors?: { pointer: string; code: string; message: string }[]) {
  return { type: `https://citizen-diplomat.example/problems/${code}`, title: code, status, detail: `${code} (test)`, code, ...(errors ? { errors } : {}) };
}
