import type { Experiment } from './experiment-schema.js';
import { type NamedHost, remoteHostProblems } from './loopback.js';

/** Every host an experiment listens on or sends to, with where the file names it. */
export function experimentHosts(experiment: Experiment): NamedHost[] {
  const hosts: NamedHost[] = [
    { path: 'upstream', host: new URL(experiment.upstream).hostname },
    { path: 'listen', host: experiment.listen.host },
  ];
  if (experiment.steadyState)
    hosts.push({ path: 'steadyState.probe.url', host: new URL(experiment.steadyState.probe.url).hostname });
  return hosts;
}

/**
 * The hosts of an experiment that are not loopback and not in `allowHosts`, as problems at their paths.
 * @example experimentHostProblems(experiment, ['staging.internal']); // [] when all are loopback or allowed
 */
export function experimentHostProblems(
  experiment: Experiment,
  allowHosts: readonly string[],
): { path: string; message: string }[] {
  return remoteHostProblems(experimentHosts(experiment), allowHosts);
}
