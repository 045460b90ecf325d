// Signing in, up and out: the requests without a bearer token that the app shell (signing out) and the account
// pages (signing in and up) share; features/account/session.ts keeps what they answer.
import type { Schema } from './types';
import { publicApi, unwrap } from './client';

export const login = (body: Schema<'LoginRequest'>) => unwrap(publicApi.POST('/api/v1/auth/login', { body }));

export const loginSecondFactor = (body: Schema<'SecondFactorLoginRequest'>) =>
  unwrap(publicApi.POST('/api/v1/auth/login/second-factor', { body }));

export const registerAccount = (body: Schema<'RegisterRequest'>) => unwrap(publicApi.POST('/api/v1/auth/register', { body }));

/** Ends the session on the server; the answer does not matter (signed out here whatever it says). */
export const logout = (refreshToken: string) => publicApi.POST('/api/v1/auth/logout', { body: { refreshToken } });
