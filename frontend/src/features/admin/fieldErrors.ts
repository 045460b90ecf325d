import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { ErrorText } from '@/lib/api/messages';
import { ApiProblem } from '@/lib/api/problem';

/**
 * Shows a 422 answer's field errors next to the form's fields. `fields` maps the body's top-level names to the
 * form's: a pointer into a list (`/eventTypes/2`) belongs to the list's group, and a form may hold a value under
 * another name (an expiry chosen as a day). `own` may word an error better than the shared messages do (a `range`
 * of a date, not of a number). Returns true when at least one field took an error.
 */
export function applyTopLevelErrors<T extends FieldValues>(
  text: ErrorText,
  error: unknown,
  setError: UseFormSetError<T>,
  fields: Record<string, Path<T>>,
  own: (field: string, code: string) => string | undefined = () => undefined,
): boolean {
  if (!(error instanceof ApiProblem)) return false;
  let shown = false;
  for (const [path, field] of Object.entries(error.fieldErrors)) {
    const top = path.split('.')[0] ?? '';
    const name = fields[top];
    if (!name) continue;
    setError(name, { type: field.code, message: own(top, field.code) ?? text.field(field.code, field.message, path) });
    shown = true;
  }
  return shown;
}
