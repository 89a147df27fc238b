/** The web-phone API (docs/API.md, "Web-phone API"): dial, then everything else over the call's WebSocket. */
import { request } from './client.js';

export interface Dialled {
  CallId: string;
  Token: string;
}

export type CallState = 'dialling' | 'in-flow' | 'queued' | 'connected' | 'ended';

/** What the call's WebSocket sends. */
export type CallMessage =
  | { type: 'prompt'; text: string; ssml: boolean; voice?: string }
  | { type: 'state'; state: Exclude<CallState, 'dialling'>; agent?: string; reason?: string }
  | { type: 'signal'; data: unknown }
  | { type: 'error'; message: string };

export const E164 = /^\+[1-9]\d{1,14}$/;

export const phoneApi = {
  dial: (To: string, From?: string) =>
    request<Dialled>('POST', '/api/phone/calls', { To, ...(From && { From }) }),
  socketUrl: (call: Dialled) => {
    const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
    const id = encodeURIComponent(call.CallId);
    return `${scheme}//${window.location.host}/api/phone/calls/${id}/ws?token=${encodeURIComponent(call.Token)}`;
  },
};
