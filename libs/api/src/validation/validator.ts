import type { Causes } from './causes';

export interface ValidateContext {
  readonly operation: 'create' | 'update';
  /** The stored object an update replaces. */
  readonly old?: Record<string, any>;
}

/** A kind's rules beyond metadata: the object in, its field causes out. */
export type Validator = (obj: Record<string, any>, ctx: ValidateContext) => Causes;
