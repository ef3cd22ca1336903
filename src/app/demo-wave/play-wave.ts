import { gatewayView } from './gateway-view.js';
import { runWave } from './run-wave.js';
import type { Demo } from './start-demo.js';
import type { StepReport, WaveReport } from './timeline.js';
import { WAVE_STEPS } from './wave-steps.js';

/**
 * Plays the attack wave against a started demo and reports it, with where everything runs.
 * @example const report = await playWave(await startDemo(), (step) => io.out(formatStep(step)));
 */
export async function playWave(demo: Demo, onStep?: (report: StepReport) => void): Promise<WaveReport> {
  const listener = demo.running.gateway[0]!;
  const played = await runWave({
    target: { host: listener.host, port: listener.port },
    actors: demo.actors,
    gateway: gatewayView(demo.running),
    steps: WAVE_STEPS,
    ...(onStep === undefined ? {} : { onStep }),
  });
  return {
    ...played,
    gateway: listener.url,
    dashboard: demo.running.control === undefined ? undefined : `${demo.running.control.url}/`,
    app: demo.running.demo?.url,
    dataDir: demo.dataDir,
  };
}
