// Saving a file the API sends: it needs the bearer token, so a fetch and an object URL, not a plain link.
/** The file name of a Content-Disposition header, if it gives one. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const match = disposition ? /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition) : null;
  return match?.[1] ? decodeURIComponent(match[1]) : fallback;
}

export { saveBlob } from '@/lib/download';
