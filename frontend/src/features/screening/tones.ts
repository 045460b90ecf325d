import type { Tone } from '@/components/ui/Page';
import type { Schema } from '@/lib/api/types';

/** The badge tone of an idea's state. */
export const stateTone: Record<Schema<'IdeaState'>, Tone> = {
  draft: 'neutral',
  submitted: 'info',
  withdrawn: 'neutral',
  shortlisted: 'success',
  rejected: 'danger',
  in_review: 'info',
  reviewed: 'info',
  selected: 'success',
  not_selected: 'warning',
};
