/**
 * The flows an instance's contacts run, parsed once per version. The interpreter asks for flows synchronously
 * (`FlowLibrary`); the engine loads a flow before it runs it, and answers the interpreter's LoadFlow request by
 * loading the target.
 */
import { idFromIdOrArn } from '../core/index.js';
import type { FlowLibrary } from '../flows/runtime/protocol.js';
import { readFlowDocument, type FlowDocument, type FlowType } from '../flows/model.js';
import type { Repositories } from '../store/ports/index.js';

interface Entry {
  /** The store's configuration generation when the entry was last checked against the store. */
  checked: number;
  version: number;
  modified: number;
  flow: FlowDocument;
  type: FlowType;
  name: string;
}

export class FlowCache implements FlowLibrary {
  private readonly entries = new Map<string, Entry>();

  /**
   * `generation` is the store's configuration generation (Store.configurationGeneration): while it has not moved
   * since a flow was last read, the flow is known unchanged and is not read again.
   */
  constructor(
    private readonly instanceId: string,
    private readonly generation: () => number = () => NaN,
  ) {}

  get(flowId: string): { flow: FlowDocument; type: FlowType } | undefined {
    const e = this.entries.get(idFromIdOrArn(flowId));
    return e && { flow: e.flow, type: e.type };
  }

  name(flowId: string): string | undefined {
    return this.entries.get(idFromIdOrArn(flowId))?.name;
  }

  /**
   * Reads the flow's current version from the store (published content) and keeps it parsed. Returns an error
   * message when the flow does not exist, is archived, or cannot be read.
   */
  async load(
    repos: Repositories,
    flowIdOrArn: string,
  ): Promise<{ ok: true } | { ok: false; message: string }> {
    const id = idFromIdOrArn(flowIdOrArn);
    // Taken before the read: a change made meanwhile moves it past what the entry records.
    const generation = this.generation();
    const cached = this.entries.get(id);
    if (cached?.checked === generation) return { ok: true };
    const flow = await repos.flows.get(this.instanceId, id);
    if (!flow) return { ok: false, message: `flow ${id} does not exist` };
    if (flow.State === 'ARCHIVED') return { ok: false, message: `flow ${flow.Name} is archived` };
    if (cached && cached.version === flow.Version && cached.modified === flow.LastModifiedTime) {
      cached.checked = generation;
      return { ok: true };
    }
    const { flow: doc, problems } = readFlowDocument(flow.Content);
    if (!doc) return { ok: false, message: `flow ${flow.Name}: ${problems[0]?.message ?? 'cannot be read'}` };
    this.entries.set(id, {
      checked: generation,
      version: flow.Version,
      modified: flow.LastModifiedTime,
      flow: doc,
      type: flow.Type,
      name: flow.Name,
    });
    return { ok: true };
  }
}
