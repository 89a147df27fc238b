/**
 * A caller driven by a script (tests, the CLI): dials a number, hears the prompts as text, presses keys, hangs
 * up — through the same engine commands and events the web phone uses.
 */
import type { Engine } from '../contacts/engine.js';
import type { EngineEvent } from '../contacts/events.js';

export interface HeardPrompt {
  text: string;
  ssml: boolean;
  voice?: string;
}

export class ScriptedCall {
  readonly prompts: HeardPrompt[] = [];
  /** Why the line dropped, once it did (the engine hung up, or the caller did). */
  ended?: string;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly engine: Engine,
    readonly instanceId: string,
    readonly contactId: string,
    early: EngineEvent[],
  ) {
    for (const e of early) this.hear(e);
    this.unsubscribe = engine.events.subscribe((instance, e) => {
      if (instance === instanceId) this.hear(e);
    });
  }

  private hear(e: EngineEvent): void {
    if (e.type === 'prompt' && e.contactId === this.contactId)
      this.prompts.push({ text: e.text, ssml: e.ssml, ...(e.voice && { voice: e.voice }) });
    if (e.type === 'hangup' && e.contactId === this.contactId) {
      this.ended = e.reason;
      this.unsubscribe();
    }
  }

  /** The prompts' texts, in the order they were heard. */
  get heard(): string[] {
    return this.prompts.map((p) => p.text);
  }

  press(digits: string): Promise<void> {
    return this.engine.sendDigits(this.instanceId, this.contactId, digits);
  }

  async hangUp(): Promise<void> {
    await this.engine.hangUp(this.instanceId, this.contactId);
    this.ended ??= 'CUSTOMER_DISCONNECT';
    this.unsubscribe();
  }
}

/** Dials `to` from `from`; the prompts the inbound flow plays at once are already heard when this returns. */
export async function dial(
  engine: Engine,
  instanceId: string,
  from: string,
  to: string,
): Promise<ScriptedCall> {
  const early: EngineEvent[] = [];
  const stop = engine.events.subscribe((instance, e) => {
    if (instance === instanceId) early.push(e);
  });
  try {
    const contact = await engine.dial(instanceId, from, to);
    return new ScriptedCall(engine, instanceId, contact.Id, early);
  } finally {
    stop();
  }
}
