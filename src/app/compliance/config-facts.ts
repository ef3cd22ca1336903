import type { Config } from '../../config/index.js';
import type { DetectionFacts, MinimisationFacts, RetentionFacts } from '../../guardian/compliance/index.js';

/** How requests are inspected: globally, and the routes that turn inspection off or only detect. */
export function detectionFacts(config: Config): DetectionFacts {
  const { inspect, defend } = config;
  const routesOff: string[] = [];
  const routesDetect: string[] = [];
  for (const site of config.sites)
    for (const route of site.routes) {
      const name = `${site.name}${route.path}`;
      const enabled = route.inspect?.enabled ?? inspect.enabled;
      const mode = route.inspect?.mode ?? inspect.mode;
      if (inspect.enabled && !enabled) routesOff.push(name);
      else if (enabled && inspect.mode === 'block' && mode === 'detect') routesDetect.push(name);
    }
  return {
    enabled: inspect.enabled,
    mode: inspect.mode,
    sensitivity: inspect.sensitivity,
    failMode: defend.failMode,
    inspectFailMode: inspect.failMode ?? defend.failMode,
    disabledAnalyzers: inspect.analyzers.disabled,
    routesOff,
    routesDetect,
    exclusions: inspect.exclusions.length,
  };
}

/** The retention periods, in days, as configured. */
export function retentionFacts(config: Config): RetentionFacts {
  const days = config.privacy.retentionDays;
  return {
    events: config.store.events.enabled,
    eventsDays: config.store.events.retentionDays,
    samples: config.guardian.samples.enabled,
    samplesDays: days.samples,
    incidentsDays: days.incidents,
    intrudersDays: days.intruders,
    changesDays: days.changes,
  };
}

/** What is stored about clients: whole or truncated addresses, and the request sample. */
export function minimisationFacts(config: Config): MinimisationFacts {
  const { truncateAddresses } = config.privacy;
  const { samples } = config.guardian;
  return {
    truncate: truncateAddresses.enabled,
    ipv4Prefix: truncateAddresses.ipv4Prefix,
    ipv6Prefix: truncateAddresses.ipv6Prefix,
    samples: samples.enabled,
    sampleRate: samples.rate,
    sampleMax: samples.max,
    sampleBodyBytes: samples.bodyBytes,
  };
}
