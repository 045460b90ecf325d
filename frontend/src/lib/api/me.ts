// The signed-in account as the server has it now (the session keeps the copy it signed in with): whether its address
// is confirmed, how many notices it has not read, and asking for a new link to confirm the address.
import { mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import { updateUser } from '@/lib/auth/session';
import { api, unwrap } from './client';
import { ApiProblem } from './problem';
import { keys } from './queryKeys';

export const meQuery = () =>
  queryOptions({
    queryKey: keys.me,
    queryFn: () => unwrap(api.GET('/api/v1/me')),
  });

/** Reads the account again (`keys.me` alone: its notices, sessions and the rest keep their own keys). */
export const refreshMe = (client: QueryClient) => client.invalidateQueries({ queryKey: keys.me, exact: true });

/** Reads the account now and gives the session its fresh copy (a confirmed address, say). */
export async function refreshSessionUser(client: QueryClient) {
  const me = await client.fetchQuery({ ...meQuery(), staleTime: 0 });
  const { profile: _profile, unreadNotifications: _unread, ...user } = me;
  updateUser(user);
}

/**
 * Mails a new link to confirm the account's address. `verified` when the address is confirmed already (409
 * `email_verified`): nothing to send, and the account is read again so that the page stops asking.
 */
export const sendVerificationLink = () =>
  mutationOptions({
    mutationFn: async (): Promise<'sent' | 'verified'> => {
      try {
        await unwrap(api.POST('/api/v1/me/email-verification'));
        return 'sent';
      } catch (error) {
        if (error instanceof ApiProblem && error.code === 'email_verified') return 'verified';
        throw error;
      }
    },
    onSuccess: (answer, _none, _result, { client }) => {
      if (answer === 'verified') void refreshMe(client);
    },
  });
