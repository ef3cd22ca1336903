import type { Config } from '../../config/index.js';
import type { RequestSample, SecurityEvent } from '../../core/index.js';
import { truncateEventAddresses, truncateSampleAddresses } from '../../guardian/privacy/index.js';

/** What is done to a record's addresses before it is stored. */
export interface AddressTruncation {
  event(event: SecurityEvent): SecurityEvent;
  sample(sample: RequestSample): RequestSample;
}

/**
 * Cuts client addresses in stored events and samples to their network while `privacy.truncateAddresses` is
 * on; read at each call, so a reloaded configuration applies at once. Decisions still see whole addresses:
 * only what is stored is cut.
 * @example const cut = addressTruncation(() => config); writer.push(cut.event(event));
 */
export function addressTruncation(config: () => Config): AddressTruncation {
  return {
    event(event) {
      const options = config().privacy.truncateAddresses;
      return options.enabled ? truncateEventAddresses(event, options) : event;
    },
    sample(sample) {
      const options = config().privacy.truncateAddresses;
      return options.enabled ? truncateSampleAddresses(sample, options) : sample;
    },
  };
}
