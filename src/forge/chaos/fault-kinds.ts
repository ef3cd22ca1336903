import type { FaultKind } from './fault.js';
import { bandwidthFault } from './faults/bandwidth.js';
import { dropFault } from './faults/drop.js';
import { errorFault } from './faults/error.js';
import { latencyFault } from './faults/latency.js';
import { resetFault } from './faults/reset.js';
import { timeoutFault } from './faults/timeout.js';

/** Every kind of fault, by its `type` in an experiment file. */
export const FAULT_KINDS = {
  latency: latencyFault,
  error: errorFault,
  reset: resetFault,
  bandwidth: bandwidthFault,
  timeout: timeoutFault,
  drop: dropFault,
} as const satisfies Record<string, FaultKind>;

/** A fault type name. */
export type FaultType = keyof typeof FAULT_KINDS;
