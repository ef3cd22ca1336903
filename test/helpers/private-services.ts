import { type ChildProcess, spawn } from 'node:child_process';
import { connect, createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { makeTempDir } from './temp-dir.js';

/** A port nothing listens on now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function accepting(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** A server of this machine's, run by a test on a port of its own, so that the test may stop and restart it. */
export interface PrivateService {
  readonly url: string;
  readonly port: number;
  /** Stops the server (SIGTERM, then SIGKILL after 5 s) and waits for it to exit. */
  stop(): Promise<void>;
  /** Starts it again on the same port and data folder, and waits until it accepts connections. */
  start(): Promise<void>;
  /** Stops it and removes its data folder. */
  remove(): Promise<void>;
}

async function privateService(
  scheme: string,
  command: string,
  args: (port: number, dir: string) => string[],
): Promise<PrivateService> {
  const port = await freePort();
  const dir = makeTempDir();
  let child: ChildProcess | undefined;
  let output = '';
  const start = async () => {
    child = spawn(command, args(port, dir.path), { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4000);
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4000);
    });
    const deadline = Date.now() + 10_000;
    while (!(await accepting(port))) {
      if (Date.now() > deadline || child.exitCode !== null)
        throw new Error(`${command} did not start on port ${port}: ${output}`);
      await sleep(50);
    }
  };
  const stop = async () => {
    const running = child;
    if (running === undefined || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGTERM');
    const timer = setTimeout(() => running.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  await start();
  return {
    url: `${scheme}://127.0.0.1:${port}`,
    port,
    stop,
    start,
    async remove() {
      await stop();
      dir.remove();
    },
  };
}

/** A Redis server that keeps its data across a restart (append-only file in a temp folder). */
export function privateRedis(): Promise<PrivateService> {
  return privateService('redis', 'redis-server', (port, dir) => [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'yes',
    '--appendfsync',
    'always',
    '--dir',
    dir,
  ]);
}

/** A NATS server with JetStream, its streams stored in a temp folder. */
export function privateNats(): Promise<PrivateService> {
  return privateService('nats', 'nats-server', (port, dir) => [
    '-a',
    '127.0.0.1',
    '-p',
    String(port),
    '-js',
    '-sd',
    dir,
  ]);
}
