/**
 * B7's client process (forked by bench/b7-load.ts with tsx's loader): told its job by the first message, it runs
 * the load (until told to stop) or the scenario (once), and reports over the IPC channel.
 */
import { Load } from './load.js';
import type { ChildMessage, Job, ParentMessage } from './protocol.js';
import { runScenario } from './scenario.js';

const send = (m: ChildMessage): void => {
  process.send?.(m);
};

let load: Load | undefined;
let timer: NodeJS.Timeout | undefined;

async function start(job: Job): Promise<void> {
  if (job.role === 'scenario') {
    send({ type: 'scenario', result: await runScenario(job) });
    return;
  }
  load = new Load(job, send);
  const l = load;
  timer = setInterval(() => send({ type: 'stats', stats: l.snapshot() }), 1000);
  await load.run();
}

process.on('message', (m: ParentMessage) => {
  if (m.type === 'start')
    start(m.job).catch((e: unknown) => {
      console.error('b7 clients failed:', e);
      process.exit(1);
    });
  else if (m.type === 'stop' && load) {
    clearInterval(timer);
    const stats = load.snapshot();
    load.stop();
    send({ type: 'final', stats });
  }
});
