import type { DecisionInput } from '../api/defence-types';

/** The actions a person may give a decision, strongest first. */
export const DECISION_ACTIONS: readonly (readonly [DecisionInput['action'], string])[] = [
  ['block', 'block'],
  ['labyrinth', 'labyrinth'],
  ['tarpit', 'tarpit'],
  ['challenge', 'challenge'],
  ['ratelimit', 'rate limit'],
  ['allow', 'allow (never block)'],
];
