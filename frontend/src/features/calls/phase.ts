import type { Tone } from '@/components/ui/Page';
import type { Schema } from '@/lib/api/types';

/** The badge tone of a call's phase. */
export const phaseTone: Record<Schema<'CallPhase'>, Tone> = {
  upcoming: 'info',
  open: 'success',
  closed: 'warning',
  in_review: 'info',
  decided: 'neutral',
};
