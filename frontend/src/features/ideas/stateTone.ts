import type { Tone } from '@/components/ui/Page';
import type { Schema } from '@/lib/api/types';

/** The badge tone of an idea's state: grey before and after the process, blue in it, green or red at its end. */
export const stateTone: Record<Schema<'IdeaState'>, Tone> = {
  draft: 'neutral',
  submitted: 'info',
  withdrawn: 'neutral',
  shortlisted: 'info',
  rejected: 'danger',
  in_review: 'warning',
  reviewed: 'warning',
  selected: 'success',
  not_selected: 'danger',
};
