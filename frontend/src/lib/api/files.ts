// The files kept with an idea, a citizen's tie abroad, a partnership or an activity: the list its reader may see
// (with short-lived links to the bytes), an upload with its progress, and removal. Shared by several features, so it
// lives here rather than in one feature's api.ts.
import { mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import { api, unwrap } from './client';
import { keys } from './queryKeys';
import type { Schema } from './types';
import { uploadFile, type UploadProgress } from './upload';

export type StoredFile = Schema<'StoredFileView'>;
export type FileList = Schema<'FileList'>;
export type FileKind = Schema<'FileKind'>;
export type FileOwnerKind = Schema<'FileOwnerKind'>;
export { isAbort, type UploadProgress } from './upload';

/** What files belong to: an owner's kind and id. */
export type FileOwner = { kind: FileOwnerKind; id: string };

/** A file to upload, with the marks its owner takes (the others are left out). */
export type NewFile = {
  file: File;
  /** Up to 300 characters, Persian or English. */
  description?: string;
  /** An idea's: a proposal document (the default) or evidence of the tie abroad. */
  kind?: Extract<FileKind, 'proposal' | 'evidence'>;
  /** An idea's: the file names its submitter (a blind call's reviewers never see it). */
  identifying?: boolean;
  /** A partnership's or an activity's: staff only. */
  internal?: boolean;
};

/** Links are read again this long before the earliest of them expires. */
const LINK_MARGIN_MS = 30_000;
const MIN_REFRESH_MS = 10_000;
/** Timers take at most 2^31 - 1 ms (a longer delay fires at once); links never live this long anyway. */
const MAX_REFRESH_MS = 3_600_000;

/**
 * How long the list's links stay good (minus a margin): the list is read again then, so that a link on the page
 * still opens. False when there is nothing to refresh.
 */
export function linksRefreshIn(list: FileList | undefined, now: number = Date.now()): number | false {
  const expiries = (list?.items ?? []).map((file) => Date.parse(file.linkExpiresAt)).filter(Number.isFinite);
  if (expiries.length === 0) return false;
  return Math.min(MAX_REFRESH_MS, Math.max(MIN_REFRESH_MS, Math.min(...expiries) - now - LINK_MARGIN_MS));
}

function listFiles({ kind, id }: FileOwner): Promise<FileList> {
  const params = { params: { path: { id } } };
  switch (kind) {
    case 'idea':
      return unwrap(api.GET('/api/v1/ideas/{id}/files', params));
    case 'tie':
      return unwrap(api.GET('/api/v1/ties/{id}/files', params));
    case 'partnership':
      return unwrap(api.GET('/api/v1/partnerships/{id}/files', params));
    case 'activity':
      return unwrap(api.GET('/api/v1/activities/{id}/files', params));
  }
}

/** An owner's files as the reader may see them, oldest first; read again before their links expire. */
export const filesQuery = (owner: FileOwner) =>
  queryOptions({
    queryKey: keys.files.list(owner.kind, owner.id),
    queryFn: () => listFiles(owner),
    // A link outlives the default freshness by little: read the list again rather than show a dead link.
    staleTime: (query) => linksRefreshIn(query.state.data) || 30_000,
    refetchInterval: (query) => linksRefreshIn(query.state.data),
  });

/**
 * Uploads a file to its owner, reporting progress; rejects with an ApiProblem, or an AbortError (`isAbort`) when
 * `signal` aborts.
 */
export function uploadTo(owner: FileOwner, upload: NewFile, onProgress?: (progress: UploadProgress) => void, signal?: AbortSignal): Promise<StoredFile> {
  const { file } = upload;
  const description = upload.description?.trim() || undefined;
  const id = { id: owner.id };
  switch (owner.kind) {
    case 'idea':
      return uploadFile(
        '/api/v1/ideas/{id}/files',
        id,
        { description, kind: upload.kind ?? 'proposal', identifying: upload.identifying ?? false },
        file,
        onProgress,
        signal,
      );
    case 'tie':
      return uploadFile('/api/v1/ties/{id}/files', id, { description }, file, onProgress, signal);
    case 'partnership':
      return uploadFile('/api/v1/partnerships/{id}/files', id, { description, internal: upload.internal ?? false }, file, onProgress, signal);
    case 'activity':
      return uploadFile('/api/v1/activities/{id}/files', id, { description, internal: upload.internal ?? false }, file, onProgress, signal);
  }
}

/** An owner's files changed: its list, and an idea's history (each upload and removal is an event of it). */
export function filesChanged(client: QueryClient, owner: FileOwner) {
  void client.invalidateQueries({ queryKey: keys.files.list(owner.kind, owner.id) });
  if (owner.kind === 'idea') void client.invalidateQueries({ queryKey: keys.ideas.events(owner.id) });
}

/** Removes a file of `owner` (the server marks it removed; it leaves every list). */
export const removeFile = (owner: FileOwner) =>
  mutationOptions({
    mutationFn: (file: StoredFile) => unwrap(api.DELETE('/api/v1/files/{id}', { params: { path: { id: file.id } } })),
    onSuccess: (_none, _file, _result, { client }) => filesChanged(client, owner),
  });
