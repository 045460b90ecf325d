// Names for the contract's schemas, so that features say `Schema<'IdeaView'>` instead of hand-writing DTOs.
import type { components, paths as generatedPaths } from './schema';
import type { PendingPaths, PendingSchemas } from './pending';

// TEMPORARY (issue 15): the described contract laid over the generated one until openapi.json carries it.
export type paths = Omit<generatedPaths, keyof PendingPaths> & PendingPaths;
type Schemas = Omit<components['schemas'], keyof PendingSchemas> & PendingSchemas;
export type Schema<Name extends keyof Schemas> = Schemas[Name];
export type ErrorCode = Schema<'ErrorCode'>;
export type Problem = Schema<'Problem'>;
export type Role = Schema<'Role'>;
export type UserView = Schema<'UserView'>;
