import { InfinisecError } from '../core/index.js';
import { listLimit } from './list-limit.js';

// What every ChangeRequestStore adapter applies the same way, so that they answer alike.

const DEFAULT_CHANGES = 100;
const MAX_CHANGES = 1000;

/** Change requests per list: 100 when not given, between 0 and 1000 otherwise. */
export const changeLimit = (limit: number | undefined): number =>
  listLimit(limit, DEFAULT_CHANGES, MAX_CHANGES);

/** The fault of creating a change request whose id is taken. */
export const changeIdTaken = (component: string, id: string, cause?: unknown): InfinisecError =>
  new InfinisecError('INFINISEC_ERR_STORE', component, `a change request with id "${id}" exists already`, {
    cause,
  });
