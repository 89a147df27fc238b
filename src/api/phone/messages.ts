/**
 * The web-phone API's contract (docs/API.md "Web-phone API"): request and response bodies, and the messages on
 * a call's WebSocket. The browser web phone imports these types only.
 */

/** POST /api/phone/calls */
export interface DialRequest {
  /** The number called (E.164): one of the instance's numbers, associated with a flow. */
  To: string;
  /** The caller's number (E.164); a fixed test number when omitted. */
  From?: string;
}

/** 201 to POST /api/phone/calls. */
export interface DialResponse {
  /** The call's contact id. */
  CallId: string;
  /** The secret that authorises every later request for this call (header x-call-token, or ?token=). */
  Token: string;
}

/** GET /api/phone/calls/:id */
export interface CallStatus {
  CallId: string;
  State: PhoneState;
  Reason?: string;
}

/** POST /api/phone/calls/:id/digits */
export interface DigitsRequest {
  /** DTMF keys: 0-9, * and #, 1 to 64 of them. */
  Digits: string;
}

/** Every error of this API. */
export interface PhoneError {
  Code: string;
  Message: string;
}

/** Where the call is, as the caller sees it. */
export type PhoneState = 'in-flow' | 'queued' | 'connected' | 'ended';

/** Server → caller, on GET /api/phone/calls/:id/ws. */
export type PhoneServerMessage =
  /** Something the caller hears: SSML already reduced to text (`ssml` says it was SSML); `voice` is a hint. */
  | { type: 'prompt'; text: string; ssml: boolean; voice?: string }
  /** The call moved; `agent` is the agent's first name when connected (if they have one). */
  | { type: 'state'; state: PhoneState; reason?: string; agent?: string }
  /** WebRTC signalling (offer, answer, ICE candidate) from the agent, as the agent sent it. */
  | { type: 'signal'; data: unknown }
  /** A message from the caller could not be done. */
  | { type: 'error'; message: string };

/** Caller → server, on the call's WebSocket. */
export type PhoneClientMessage =
  { type: 'digits'; digits: string } | { type: 'hangup' } | { type: 'signal'; data: unknown };
