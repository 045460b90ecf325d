// How a file's size and type are put in words: the numbers in the locale's digits, the units and type names from
// the `files` namespace.
import type { TFunction } from 'i18next';
import { formatNumber } from '@/lib/format/numbers';
import type { Locale } from '@/lib/i18n/locale';

const KB = 1024;
const MB = 1024 * 1024;

/** A size in bytes as the reader reads it: 900 bytes, 12.5 KB, 3.2 MB (Persian digits in Persian). */
export function formatSize(bytes: number, locale: Locale, t: TFunction<'files'>): string {
  if (bytes < KB) return t('size.bytes', { n: formatNumber(bytes, locale) });
  const [key, value] = bytes < MB ? (['size.kb', bytes / KB] as const) : (['size.mb', bytes / MB] as const);
  return t(key, { n: formatNumber(value, locale, { maximumFractionDigits: value < 10 ? 1 : 0 }) });
}

const TYPES = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpeg',
  'image/webp': 'webp',
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
} as const;

/** The type's name in words, from the type the server detected in the bytes. */
export function typeName(contentType: string, t: TFunction<'files'>): string {
  const key = TYPES[contentType.split(';')[0]?.trim().toLowerCase() as keyof typeof TYPES];
  return t(`types.${key ?? 'other'}`);
}

/** A short badge for a file without a preview: its type's usual extension. */
export function typeMark(contentType: string): string {
  const key = TYPES[contentType.split(';')[0]?.trim().toLowerCase() as keyof typeof TYPES];
  return key ? key.toUpperCase() : '';
}

/** What the file picker offers: the types the server accepts, by extension and by type. */
export const ACCEPT = ['.pdf', '.png', '.jpg', '.jpeg', '.webp', '.odt', '.docx', ...Object.keys(TYPES)].join(',');
