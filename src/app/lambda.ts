import { isRecord } from '../core/index.js';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import type { RequestResult } from '../flows/runtime/protocol.js';
import type { ContactState } from '../flows/runtime/state.js';

/**
 * What InvokeLambdaFunction calls in Tsunagi: the operator registers, for a function ARN (or its name), either an
 * HTTP endpoint that receives Connect's Lambda event as JSON and answers with the response object, or a local
 * JavaScript module whose export (default `handler`) is called with the event. Unregistered, failing or slow
 * functions give the flow its error branch.
 */
export type LambdaTarget = { url: string } | { module: string; export?: string };

export interface LambdaInvocation {
  functionArn: string;
  timeoutSeconds: number;
  invocationType: 'SYNCHRONOUS' | 'ASYNCHRONOUS';
  responseType: 'STRING_MAP' | 'JSON';
  parameters: Record<string, string>;
}

/** Connect's event for a contact flow's Lambda call. */
export function lambdaEvent(
  contact: ContactState,
  parameters: Record<string, string>,
): Record<string, unknown> {
  return {
    Name: 'ContactFlowEvent',
    Details: {
      ContactData: {
        Attributes: contact.Attributes,
        Channel: contact.Channel,
        ContactId: contact.ContactId,
        CustomerEndpoint: contact.CustomerEndpoint ?? null,
        Description: contact.Description ?? null,
        InitialContactId: contact.InitialContactId,
        InitiationMethod: contact.InitiationMethod,
        InstanceARN: contact.InstanceARN ?? '',
        LanguageCode: contact.LanguageCode ?? 'en-US',
        Name: contact.Name ?? null,
        PreviousContactId: contact.PreviousContactId ?? contact.ContactId,
        Queue: contact.Queue ? { ARN: contact.Queue.ARN ?? '', Name: contact.Queue.Name ?? '' } : null,
        References: contact.References,
        SystemEndpoint: contact.SystemEndpoint ?? null,
      },
      Parameters: parameters,
    },
  };
}

/** Checks a function's answer as the block's ResponseValidation says: a flat string map, or any JSON object. */
export function acceptResponse(
  value: unknown,
  responseType: LambdaInvocation['responseType'],
): RequestResult {
  if (!isRecord(value))
    return { ok: false, error: 'NoMatchingError', message: 'the function must return a JSON object' };
  if (responseType === 'JSON') return { ok: true, data: value };
  const flat: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (isRecord(v) || Array.isArray(v))
      return {
        ok: false,
        error: 'NoMatchingError',
        message: `STRING_MAP responses are flat: '${k}' is nested`,
      };
    flat[k] = typeof v === 'string' ? v : v === null || v === undefined ? '' : JSON.stringify(v);
  }
  return { ok: true, data: flat };
}

function timeout(ms: number): { promise: Promise<never>; cancel: () => void } {
  let handle: NodeJS.Timeout | undefined;
  const promise = new Promise<never>((_, reject) => {
    handle = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return { promise, cancel: () => clearTimeout(handle) };
}

export class LambdaRegistry {
  private readonly targets = new Map<string, LambdaTarget>();

  /** Registers `target` under a function ARN or name (`arn:aws:lambda:...:function:name` or `name`). */
  register(functionArnOrName: string, target: LambdaTarget): void {
    this.targets.set(functionArnOrName, target);
  }

  /** `name=http://...` or `name=./file.mjs[#export]`, as the CLI's --lambda option takes them. */
  registerSpec(spec: string): void {
    const eq = spec.indexOf('=');
    if (eq <= 0) throw new Error(`--lambda '${spec}': expected <function ARN or name>=<url or module>`);
    const name = spec.slice(0, eq);
    const where = spec.slice(eq + 1);
    if (/^https?:\/\//.test(where)) this.register(name, { url: where });
    else {
      const [module, exported] = where.split('#');
      this.register(name, { module: module ?? where, ...(exported && { export: exported }) });
    }
  }

  find(functionArn: string): LambdaTarget | undefined {
    const direct = this.targets.get(functionArn);
    if (direct) return direct;
    const name =
      functionArn.split(':function:')[1]?.split(':')[0] ?? functionArn.split('/').pop() ?? functionArn;
    return this.targets.get(name);
  }

  async invoke(call: LambdaInvocation, contact: ContactState): Promise<RequestResult> {
    const target = this.find(call.functionArn);
    if (!target)
      return {
        ok: false,
        error: 'NoMatchingError',
        message: `no function is registered for ${call.functionArn}`,
      };
    const event = lambdaEvent(contact, call.parameters);
    const limit = timeout(call.timeoutSeconds * 1000);
    try {
      const answer = await Promise.race([this.call(target, event, call.timeoutSeconds), limit.promise]);
      if (call.invocationType === 'ASYNCHRONOUS') return { ok: true, data: {} };
      return acceptResponse(answer, call.responseType);
    } catch (e) {
      return {
        ok: false,
        error: 'NoMatchingError',
        message: `${call.functionArn}: ${e instanceof Error ? e.message : String(e)}`,
      };
    } finally {
      limit.cancel();
    }
  }

  private async call(
    target: LambdaTarget,
    event: Record<string, unknown>,
    timeoutSeconds: number,
  ): Promise<unknown> {
    if ('url' in target) {
      const res = await fetch(target.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(event),
        signal: AbortSignal.timeout(timeoutSeconds * 1000),
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return await res.json();
    }
    const mod = (await import(pathToFileURL(resolve(target.module)).href)) as Record<string, unknown>;
    const fn = mod[target.export ?? 'handler'] ?? mod.default;
    if (typeof fn !== 'function')
      throw new Error(`${target.module} exports no function '${target.export ?? 'handler'}'`);
    return await (fn as (e: unknown) => unknown)(event);
  }
}
