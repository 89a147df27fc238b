/**
 * B8's load: `concurrency` loops, each sending StartTaskContact after StartTaskContact through the real SDK, every
 * request with its own ClientToken and the task named after it (so the store shows how many contacts one token
 * made). A share of the tasks is scheduled a few seconds ahead. Each request ends one of three ways: acknowledged
 * (a ContactId came back), refused (the server answered with an error), or lost (no answer: the server died with
 * it in flight, or was already gone).
 */
import { StartTaskContactCommand, type ConnectClient } from '@aws-sdk/client-connect';

/** A StartTaskContact request as sent, kept to send again with the same token and the same body. */
export interface TaskRequest {
  token: string;
  round: number;
  InstanceId: string;
  ContactFlowId: string;
  Name: string;
  ScheduledTime?: Date;
}

export interface Acknowledged {
  request: TaskRequest;
  contactId: string;
  at: number;
}

export interface LoadOptions {
  concurrency: number;
  /** Share of tasks scheduled (0–1), and how far ahead (ms, a uniform range). */
  scheduledShare: number;
  scheduleAheadMs: [number, number];
}

const httpStatusOf = (e: unknown): number | undefined =>
  (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;

/** Sends StartTaskContact with the request's token and body. */
export async function sendTask(connect: ConnectClient, r: TaskRequest): Promise<string> {
  const out = await connect.send(
    new StartTaskContactCommand({
      InstanceId: r.InstanceId,
      ContactFlowId: r.ContactFlowId,
      Name: r.Name,
      ClientToken: r.token,
      ...(r.ScheduledTime && { ScheduledTime: r.ScheduledTime }),
    }),
  );
  if (!out.ContactId) throw new Error(`StartTaskContact ${r.token}: no ContactId`);
  return out.ContactId;
}

/** Whether an error is an answer of the server (an HTTP status came back) rather than a lost request. */
export const answered = (e: unknown): boolean => httpStatusOf(e) !== undefined;

/**
 * `n` tasks for now, sent together right after a restart: work for every agent (more than their slots hold), so
 * an agent the restart left unable to take offers shows as one that is offered nothing.
 */
export async function sendProbes(
  connect: ConnectClient,
  target: { InstanceId: string; ContactFlowId: string },
  round: number,
  n: number,
): Promise<Acknowledged[]> {
  const requests = Array.from({ length: n }, (_, i): TaskRequest => {
    const token = `b8-${round}-probe-${i + 1}-${Math.random().toString(36).slice(2, 10)}`;
    return { token, round, ...target, Name: token };
  });
  return Promise.all(
    requests.map(async (request) => ({
      request,
      contactId: await sendTask(connect, request),
      at: Date.now(),
    })),
  );
}

export class Load {
  readonly acknowledged: Acknowledged[] = [];
  readonly lost: TaskRequest[] = [];
  readonly refused = new Map<string, number>();
  private stopped = false;
  private n = 0;
  private running: Promise<void> | undefined;

  constructor(
    private readonly connect: ConnectClient,
    private readonly target: { InstanceId: string; ContactFlowId: string },
    private readonly round: number,
    private readonly options: LoadOptions,
  ) {}

  private request(): TaskRequest {
    const token = `b8-${this.round}-${++this.n}-${Math.random().toString(36).slice(2, 10)}`;
    const { scheduledShare, scheduleAheadMs } = this.options;
    const [min, max] = scheduleAheadMs;
    return {
      token,
      round: this.round,
      ...this.target,
      Name: token,
      ...(Math.random() < scheduledShare && {
        ScheduledTime: new Date(Date.now() + min + Math.random() * (max - min)),
      }),
    };
  }

  start(): void {
    const loop = async () => {
      while (!this.stopped) {
        const r = this.request();
        try {
          const contactId = await sendTask(this.connect, r);
          this.acknowledged.push({ request: r, contactId, at: Date.now() });
        } catch (e) {
          if (answered(e)) {
            // By error and message, so that a refusal can be told apart (a ScheduledTime passed while the server
            // restarted, or something wrong).
            const what = e instanceof Error ? `${e.name} (${e.message.slice(0, 120)})` : 'Error';
            this.refused.set(what, (this.refused.get(what) ?? 0) + 1);
          } else this.lost.push(r);
        }
      }
    };
    this.running = Promise.all(Array.from({ length: this.options.concurrency }, loop)).then(() => undefined);
  }

  /** No new request starts; those in flight still end (answered, or lost when the server dies). */
  stop(): void {
    this.stopped = true;
  }

  /** Resolves once every loop has ended. */
  finished(): Promise<void> {
    return this.running ?? Promise.resolve();
  }
}
