import type { AttackRequest } from '../attack-request.js';
import type { Random } from '../random.js';
import { ENCODINGS, type EncodingName, encodingFits } from './encodings.js';
import { INJECTION_POINTS, type InjectionPointName } from './injection-points.js';

/** A payload template: a small grammar with holes the random stream fills. */
export type PayloadTemplate = (random: Random) => string;

/** One attack family: how its payloads are made, where they go and how they may be encoded. */
export interface PayloadFamily {
  /** The scenario's name, e.g. `sqli`. */
  readonly name: string;
  readonly summary: string;
  readonly templates: readonly PayloadTemplate[];
  readonly points: readonly InjectionPointName[];
  readonly encodings: readonly EncodingName[];
}

/**
 * An endless stream of requests for a family: every template × injection point × fitting encoding, in a
 * random order, then again with new holes. The same seed gives the same requests.
 * @example const first = generatePayloadRequests(SQLI, createRandom(1)).next().value;
 */
export function* generatePayloadRequests(family: PayloadFamily, random: Random): Generator<AttackRequest> {
  const combos: [PayloadTemplate, InjectionPointName, EncodingName][] = [];
  for (const template of family.templates)
    for (const point of family.points)
      for (const encoding of family.encodings)
        if (encodingFits(encoding, point)) combos.push([template, point, encoding]);
  for (;;) {
    let made = 0;
    for (const [template, point, encoding] of random.shuffle(combos)) {
      const payload = ENCODINGS[encoding].apply(template(random), random);
      // A header cannot carry a line break: such a payload would arrive as another, harmless one.
      if (point === 'header' && /[\u0000-\u001f]/.test(payload)) continue;
      made++;
      yield INJECTION_POINTS[point](payload, random);
    }
    if (made === 0) return;
  }
}
