import { Worker } from 'node:worker_threads';

/**
 * Copies a SQLite file's write-ahead log back into the database from a worker thread, with a connection of its own,
 * so that the store's connection does not: SQLite's automatic checkpoint runs inside the commit that fills the log
 * past its threshold, and under a stream of large commits (a burst of deliveries touches a thousand pages in each)
 * nearly every commit paid for one. A PASSIVE checkpoint neither waits for nor blocks the writer, and what it copies
 * is already committed to the log: durability is the log's, as before.
 *
 * The store's connection keeps an automatic checkpoint at a higher threshold (open.ts) in case this one falls
 * behind, or stops.
 */
export interface Checkpointer {
  /** Stops the worker; its connection is closed before it exits. */
  stop(): Promise<void>;
}

export interface CheckpointerOptions {
  /** The database file. */
  file: string;
  /** The resolved path of the better-sqlite3 module in use (the worker loads the same one). */
  driver: string;
  /** How long the worker waits between two checkpoints, in ms. */
  everyMs: number;
  /** Called if the worker fails (it cannot load the driver or open the file): it is then gone. */
  onError: (error: Error) => void;
}

/** The worker's program (CommonJS, evaluated: it needs no file of its own, built or not). */
const program = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 1000');
let timer;
const pass = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // a failed pass is retried at the next one; the store's own automatic checkpoint is the backstop
  }
  timer = setTimeout(pass, workerData.everyMs);
};
parentPort.once('message', () => {
  clearTimeout(timer);
  db.close();
  parentPort.close();
});
pass();
`;

export function startCheckpointer({ onError, ...data }: CheckpointerOptions): Checkpointer {
  const worker = new Worker(program, { eval: true, workerData: data });
  worker.unref();
  const exited = new Promise<void>((resolve) => {
    worker.once('exit', () => resolve());
    worker.once('error', (error) => {
      onError(error);
      resolve();
    });
  });
  return {
    stop() {
      // Unreferenced, the worker lets the process exit while it runs; stopping it, the process waits for it.
      worker.ref();
      worker.postMessage('stop');
      return exited;
    },
  };
}
