// The public pages' own read: the activities that grew from a selected idea (the calls and ideas are shared reads).
import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { keys } from '@/lib/api/queryKeys';

/** The activities carrying out an idea, newest first. */
export const ideaActivitiesQuery = (ideaId: string) => {
  const query = { ideaId, limit: 50 };
  return queryOptions({
    queryKey: keys.activities.list(query),
    queryFn: () => unwrap(api.GET('/api/v1/activities', { params: { query } })),
  });
};
