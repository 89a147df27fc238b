/**
 * What the engine tells the world, after each command has committed (agent workspaces, the web phone, the
 * scripted caller, supervisors' pages), and the ports it is given for work outside the instance loop.
 */
import type { Contact } from '../store/ports/index.js';
import type { RequestResult } from '../flows/runtime/protocol.js';
import type { ContactState } from '../flows/runtime/state.js';

export type EngineEvent =
  /** A contact changed (any field, any state). */
  | { type: 'contact'; contact: Contact }
  /** A voice caller hears a prompt (text, or SSML reduced to text by the channel). */
  | { type: 'prompt'; contactId: string; text: string; ssml: boolean; voice?: string }
  /** A contact is offered to an agent; it must be accepted before `expiresAt`. */
  | { type: 'offer'; userId: string; contactId: string; expiresAt: number }
  /** The agent's status, routability or holdings changed. */
  | { type: 'agent'; userId: string; statusId: string; statusName: string; missed: boolean }
  /** Something the agent must be told in words (e.g. why a transfer failed, rule X2). */
  | { type: 'notice'; userId: string; contactId?: string; message: string }
  /** The engine ended a voice call (flow disconnect, agent hung up): the caller's line drops. */
  | { type: 'hangup'; contactId: string; reason: string };

export interface EventSink {
  publish(instanceId: string, event: EngineEvent): void;
}

export interface LambdaInvoker {
  invoke(
    request: {
      functionArn: string;
      timeoutSeconds: number;
      invocationType: 'SYNCHRONOUS' | 'ASYNCHRONOUS';
      responseType: 'STRING_MAP' | 'JSON';
      parameters: Record<string, string>;
    },
    contact: ContactState,
  ): Promise<RequestResult>;
}

/** Where the engine reports what failed outside any caller (a timer, routing, work after a commit): the log. */
export interface EngineLog {
  error(
    fields: { instanceId: string; contactId?: string; work: string; err: unknown },
    message: string,
  ): void;
}

export interface EnginePorts {
  events: EventSink;
  lambdas: LambdaInvoker;
  log: EngineLog;
}

type Listener = (instanceId: string, event: EngineEvent) => void;

/** An in-process event hub: subscribers get every event in the order the engine published them. */
export class EventHub implements EventSink {
  private readonly listeners = new Set<Listener>();

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(instanceId: string, event: EngineEvent): void {
    for (const l of this.listeners) {
      try {
        l(instanceId, event);
      } catch {
        // a failing observer never stops the engine or the other observers
      }
    }
  }
}

/** When no functions are registered: every call takes the block's error branch, with a reason. */
export const NO_LAMBDAS: LambdaInvoker = {
  invoke: (request) =>
    Promise.resolve({
      ok: false,
      error: 'NoMatchingError',
      message: `no function is registered for ${request.functionArn}`,
    }),
};
