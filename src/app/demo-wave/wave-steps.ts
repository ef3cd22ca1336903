import { canaryReplayStep } from './steps/canary-replay-step.js';
import { credentialStufferStep } from './steps/credential-stuffer-step.js';
import { scannerStep } from './steps/scanner-step.js';
import { shopperStep } from './steps/shopper-step.js';
import { sqlInjectionStep } from './steps/sql-injection-step.js';
import type { WaveStep } from './wave-step.js';

/** The wave, in order: the canary step uses what the scanner step collected. */
export const WAVE_STEPS: readonly WaveStep[] = [
  shopperStep,
  sqlInjectionStep,
  scannerStep,
  canaryReplayStep,
  credentialStufferStep,
];
