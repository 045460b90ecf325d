// The account's reads and writes: setting a password with a one-time link or asking for one by mail, confirming the
// e-mail address, the account and citizen profile, the password, the second factor, the sessions, and which
// notices come by e-mail (with the unsubscribe links of the mails). (Signing in, up and out, which the app shell
// needs too, is in lib/api/auth.ts.)
import { keepPreviousData, mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import { api, publicApi, unwrap } from '@/lib/api/client';
import { keys } from '@/lib/api/queryKeys';
import type { Schema } from '@/lib/api/types';
import { setEnrolOnly, updateUser } from '@/lib/auth/session';

/** Sets a password with a one-time link's token (no session needed). */
export const setPassword = () =>
  mutationOptions({
    mutationFn: (body: Schema<'SetPasswordRequest'>) => unwrap(publicApi.POST('/api/v1/auth/set-password', { body })),
  });

/** Changes the account or its citizen profile; the session's copy of the account follows. */
export const updateMe = () =>
  mutationOptions({
    mutationFn: (body: Schema<'UpdateMeRequest'>) => unwrap(api.PATCH('/api/v1/me', { body })),
    onSuccess: (saved, _body, _result, { client }) => {
      const { profile: _profile, ...user } = saved;
      updateUser(user);
      client.setQueryData(keys.me, saved);
    },
  });

export const changePassword = () =>
  mutationOptions({
    mutationFn: (body: Schema<'ChangePasswordRequest'>) => unwrap(api.POST('/api/v1/auth/password', { body })),
  });

export const secondFactorQuery = () =>
  queryOptions({ queryKey: keys.secondFactor, queryFn: () => unwrap(api.GET('/api/v1/me/second-factor')) });

/** A new key to enrol (not in force until a first code confirms it). */
export const startSecondFactor = () => mutationOptions({ mutationFn: () => unwrap(api.POST('/api/v1/me/second-factor')) });

/** What the account's second factor changes: the account and the factor's state are read again. */
const refreshMe = (client: QueryClient) => void client.invalidateQueries({ queryKey: keys.me });

/** Confirms the key with a first code: the factor is on, and this session is no longer held to enrolment. */
export const confirmSecondFactor = () =>
  mutationOptions({
    mutationFn: (code: string) => unwrap(api.POST('/api/v1/me/second-factor/confirm', { body: { code } })),
    onSuccess: (_answer, _code, _result, { client }) => {
      // The server checks the account on every request.
      setEnrolOnly(false);
      refreshMe(client);
    },
  });

export const renewRecoveryCodes = () =>
  mutationOptions({
    mutationFn: (code: string) => unwrap(api.POST('/api/v1/me/second-factor/recovery-codes', { body: { code } })),
    onSuccess: (_answer, _code, _result, { client }) => refreshMe(client),
  });

export const disableSecondFactor = () =>
  mutationOptions({
    mutationFn: (body: Schema<'DisableSecondFactorRequest'>) => unwrap(api.POST('/api/v1/me/second-factor/disable', { body })),
    onSuccess: (_answer, _body, _result, { client }) => refreshMe(client),
  });

export const mySessionsQuery = (query: { limit: number; offset: number }) =>
  queryOptions({
    queryKey: keys.mySessions(query),
    queryFn: () => unwrap(api.GET('/api/v1/me/sessions', { params: { query } })),
    placeholderData: keepPreviousData,
  });

/** Every page of the sessions' list. */
const sessionLists = keys.mySessions().slice(0, 2);

/** Ends every session but this one. */
export const endOtherSessions = () =>
  mutationOptions({
    mutationFn: () => unwrap(api.DELETE('/api/v1/me/sessions')),
    onSuccess: (_answer, _none, _result, { client }) => void client.invalidateQueries({ queryKey: sessionLists }),
  });

/** Ends one session; ending this one is signing out, which the page does (nothing is read again then). */
export const endSession = (session: Schema<'SessionView'>) =>
  mutationOptions({
    mutationFn: () => unwrap(api.DELETE('/api/v1/me/sessions/{id}', { params: { path: { id: session.id } } })),
    onSuccess: (_answer, _none, _result, { client }) => {
      if (!session.current) void client.invalidateQueries({ queryKey: sessionLists });
    },
  });

/** Asks for a link to set a new password, mailed if an account uses the address (the answer is the same either way). */
export const requestPasswordReset = () =>
  mutationOptions({
    mutationFn: (body: Schema<'PasswordResetRequest'>) => unwrap(publicApi.POST('/api/v1/auth/password-reset', { body })),
  });

/** Confirms an e-mail address with the mailed link's token (no session needed). */
export const verifyEmail = () =>
  mutationOptions({
    mutationFn: (token: string) => unwrap(publicApi.POST('/api/v1/auth/verify-email', { body: { token } })),
  });

/** The kind of message an unsubscribe link turns off; it changes nothing (no session needed). */
export const unsubscribeQuery = (token: string) =>
  queryOptions({
    queryKey: keys.unsubscribe(token),
    queryFn: () => unwrap(publicApi.GET('/api/v1/unsubscribe', { params: { query: { token } } })),
    retry: false,
    staleTime: Infinity,
  });

/** Turns off the e-mails of the link's kind for the link's account. */
export const unsubscribe = (token: string) =>
  mutationOptions({
    mutationFn: () => unwrap(publicApi.POST('/api/v1/unsubscribe', { params: { query: { token } } })),
  });

export const notificationPreferencesQuery = () =>
  queryOptions({ queryKey: keys.notificationPreferences, queryFn: () => unwrap(api.GET('/api/v1/me/notification-preferences')) });

/** Saves the complete set of kinds whose e-mail is off; the answer is the preferences as they are now. */
export const saveNotificationPreferences = () =>
  mutationOptions({
    mutationFn: (body: Schema<'NotificationPreferencesChange'>) => unwrap(api.PUT('/api/v1/me/notification-preferences', { body })),
    onSuccess: (saved, _body, _result, { client }) => client.setQueryData(keys.notificationPreferences, saved),
  });
