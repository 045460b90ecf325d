// Names for the contract's schemas, so that features say `Schema<'IdeaView'>` instead of hand-writing DTOs.
import type { components, paths } from './schema';

export type { paths };
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];
export type ErrorCode = Schema<'ErrorCode'>;
export type Problem = Schema<'Problem'>;
export type Role = Schema<'Role'>;
export type UserView = Schema<'UserView'>;
