import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { SqliteDatabase } from './open-sqlite.js';

/** A thread that folds the write-ahead log back into the database file. */
export interface BackgroundCheckpoints {
  stop(): Promise<void>;
}

// Runs in the worker: its own connection to the same file and a passive checkpoint every `everyMs`, which never
// waits for the writer (a truncating one would make the writer wait).
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
const checkpoint = () => db.pragma('wal_checkpoint(PASSIVE)');
const timer = setInterval(() => {
  try {
    checkpoint();
  } catch (err) {
    parentPort.postMessage({ error: String(err && err.message || err) });
  }
}, workerData.everyMs);
parentPort.on('message', () => {
  clearInterval(timer);
  try { checkpoint(); } catch {}
  db.close();
  parentPort.close();
});
`;

/**
 * Moves WAL checkpoints off the event loop: the connection given stops checkpointing on its own (but for a
 * safety limit, should the thread die) and a worker thread with its own connection does it every `everyMs`.
 * A checkpoint copies pages and syncs the file, milliseconds at a time: the request path never waits for it.
 */
export function startBackgroundCheckpoints(
  db: SqliteDatabase,
  onError: (message: string) => void,
  everyMs = 500,
): BackgroundCheckpoints {
  // About 80 MB of log: reached only if the thread stops checkpointing. Once a checkpoint has caught up, the
  // writer starts the log over and cuts the file back to 64 MB at most.
  db.pragma('wal_autocheckpoint = 20000');
  db.pragma('journal_size_limit = 67108864');
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: {
      file: db.name,
      driver: createRequire(import.meta.url).resolve('better-sqlite3'),
      everyMs,
    },
  });
  worker.unref();
  worker.on('message', (message: { error?: string }) => {
    if (message.error) onError(message.error);
  });
  worker.on('error', (err) => onError(err.message));
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    async stop() {
      // Held while it stops: a process with nothing else to do must still wait for the last checkpoint.
      worker.ref();
      worker.postMessage('stop');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 2000)))]);
      clearTimeout(timer);
      await worker.terminate();
    },
  };
}
