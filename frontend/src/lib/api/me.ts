// The signed-in account as the server has it now (the session keeps the copy it signed in with).
import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from './client';
import { keys } from './queryKeys';

export const meQuery = () =>
  queryOptions({
    queryKey: keys.me,
    queryFn: () => unwrap(api.GET('/api/v1/me')),
  });
