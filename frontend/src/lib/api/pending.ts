// TEMPORARY: issue 15's contract as described while the server side is being built, in the shape
// openapi-typescript generates. types.ts lays it over the generated schema; it goes once openapi/openapi.json
// carries these paths (then `make openapi` regenerates schema.d.ts and this file is deleted).
import type { components } from './schema';

type S = components['schemas'];
type Problem = { headers: { [name: string]: unknown }; content: { 'application/problem+json': S['Problem'] } };
type Json<T> = { headers: { [name: string]: unknown }; content: { 'application/json': T } };
type NoContent = { headers: { [name: string]: unknown }; content?: never };
type Params<Path, Query> = ([Path] extends [never] ? { path?: never } : { path: Path }) & { query?: Query; header?: never; cookie?: never };
type Op<Req, Res> = {
  parameters: Params<never, never>;
  requestBody: { content: { 'application/json': Req } };
  responses: Res;
};
type NoBody<Res, Path = never, Query = never> = {
  parameters: Params<Path, Query>;
  requestBody?: never;
  responses: Res;
};
type Item<Get = never, Post = never, Delete = never> = {
  parameters: { query?: never; header?: never; path?: never; cookie?: never };
  get: Get;
  put?: never;
  post: Post;
  delete: Delete;
  options?: never;
  head?: never;
  patch?: never;
  trace?: never;
};
type Errors = { 400: Problem; 401: Problem; 403: Problem; 404: Problem; 409: Problem; 422: Problem; 429: Problem; 500: Problem };
type PageOf<T> = { items: T[]; limit: number; offset: number; total: number };
type Id = { id: string };

export type PendingSchemas = {
  ErrorCode:
    | S['ErrorCode']
    | 'invalid_challenge'
    | 'invalid_code'
    | 'second_factor_required'
    | 'second_factor_enabled'
    | 'second_factor_not_enabled'
    | 'no_enrolment';
  // Optional here only because /me and PATCH /users/{id} are not overlaid; the contract has it always.
  UserView: S['UserView'] & { secondFactorEnabled?: boolean };
  TokenView: Omit<S['TokenView'], 'user'> & { enrolOnly: boolean; user: PendingSchemas['UserView'] };
  SecondFactorChallenge: { challenge: string; expiresIn: number };
  SecondFactorLoginRequest: { challenge: string; code: string };
  SecondFactorStatusView: { enabled: boolean; enabledAt: string | null; recoveryCodesLeft: number; required: boolean };
  SecondFactorEnrolmentView: { secret: string; otpauthUri: string; algorithm: 'SHA1'; digits: number; period: number };
  SecondFactorCodeRequest: { code: string };
  DisableSecondFactorRequest: { password: string; code: string };
  RecoveryCodesView: { recoveryCodes: string[] };
  SessionView: { id: string; startedAt: string; lastRefreshedAt: string | null; client: string | null; address: string | null; current: boolean };
  Page_SessionView: PageOf<PendingSchemas['SessionView']>;
  EventKind:
    | S['EventKind']
    | 'second_factor_enrolled'
    | 'second_factor_disabled'
    | 'second_factor_reset'
    | 'recovery_codes_renewed'
    | 'recovery_code_used'
    | 'export_downloaded'
    | 'sessions_ended';
  SubjectKind: 'call' | 'idea' | 'account' | 'profile' | 'city' | 'partnership' | 'activity' | 'network' | 'reviewer';
  AuditEntryView: {
    id: string;
    at: string;
    kind: PendingSchemas['EventKind'];
    actorId?: string | null;
    actorName?: string | null;
    subjectType: PendingSchemas['SubjectKind'];
    subjectId: string;
    subjectName?: string | null;
    from?: string | null;
    to?: string | null;
    address?: string | null;
  };
  Page_AuditEntryView: PageOf<PendingSchemas['AuditEntryView']>;
};

type P = PendingSchemas;
type Paging = { limit?: number; offset?: number };

export type PendingPaths = {
  '/api/v1/auth/login': Item<never, Op<S['LoginRequest'], { 200: Json<P['TokenView'] | P['SecondFactorChallenge']> } & Errors>>;
  '/api/v1/auth/login/second-factor': Item<never, Op<P['SecondFactorLoginRequest'], { 200: Json<P['TokenView']> } & Errors>>;
  '/api/v1/auth/refresh': Item<never, Op<S['RefreshRequest'], { 200: Json<P['TokenView']> } & Errors>>;
  '/api/v1/auth/register': Item<never, Op<S['RegisterRequest'], { 201: Json<P['TokenView']> } & Errors>>;
  '/api/v1/me/second-factor': Item<NoBody<{ 200: Json<P['SecondFactorStatusView']> } & Errors>, NoBody<{ 201: Json<P['SecondFactorEnrolmentView']> } & Errors>>;
  '/api/v1/me/second-factor/confirm': Item<never, Op<P['SecondFactorCodeRequest'], { 200: Json<P['RecoveryCodesView']> } & Errors>>;
  '/api/v1/me/second-factor/disable': Item<never, Op<P['DisableSecondFactorRequest'], { 204: NoContent } & Errors>>;
  '/api/v1/me/second-factor/recovery-codes': Item<never, Op<P['SecondFactorCodeRequest'], { 200: Json<P['RecoveryCodesView']> } & Errors>>;
  '/api/v1/me/sessions': Item<NoBody<{ 200: Json<P['Page_SessionView']> } & Errors, never, Paging>, never, NoBody<{ 204: NoContent } & Errors>>;
  '/api/v1/me/sessions/{id}': Item<never, never, NoBody<{ 204: NoContent } & Errors, Id>>;
  '/api/v1/users': Item<NoBody<{ 200: Json<PageOf<P['UserView']>> } & Errors, never, NonNullable<import('./schema').operations['list_users']['parameters']['query']>>>;
  '/api/v1/users/{id}/sessions': Item<NoBody<{ 200: Json<P['Page_SessionView']> } & Errors, Id, Paging>, never, NoBody<{ 204: NoContent } & Errors, Id>>;
  '/api/v1/users/{id}/second-factor': Item<never, never, NoBody<{ 204: NoContent } & Errors, Id>>;
  '/api/v1/audit': Item<
    NoBody<
      { 200: Json<P['Page_AuditEntryView']> } & Errors,
      never,
      Paging & { actor?: string; subject?: string; kind?: P['EventKind']; since?: string; until?: string }
    >
  >;
};
