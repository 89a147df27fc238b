/**
 * The agent's live state from the WebSocket /api/agent/ws: the snapshot on (re)connect, then offers, contact
 * changes, status changes and notices. Reconnects with a growing delay; a close with 4401 means the session
 * ended. A ping every 25 seconds keeps the connection alive through proxies. WebRTC signalling of the agent's
 * calls goes both ways on the same socket (`send`, `onSignal`).
 */
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { Agent, Contact, Offer, ServerMessage } from '../api/types.js';

export type Connection = 'connecting' | 'open' | 'reconnecting';
export type SignalListener = (contactId: string, data: unknown) => void;

export interface AgentState {
  agent?: Agent;
  /** The contacts the agent holds or is offered, by id, in arrival order. */
  contacts: Map<string, Contact>;
  offers: Map<string, Offer>;
  notices: { id: number; message: string; contactId?: string }[];
}

type Action =
  | { type: 'message'; message: ServerMessage; userId: string }
  | { type: 'agent'; agent: Agent }
  | { type: 'contact'; contact: Contact; userId: string }
  | { type: 'dismiss'; id: number };

const HELD = new Set(['OFFERED', 'CONNECTED', 'ACW']);
let noticeSeq = 0;

function withContact(state: AgentState, contact: Contact, userId: string): AgentState {
  const contacts = new Map(state.contacts);
  const offers = new Map(state.offers);
  if (HELD.has(contact.State) && contact.AgentId === userId) contacts.set(contact.Id, contact);
  else contacts.delete(contact.Id);
  if (contact.State !== 'OFFERED' || contact.AgentId !== userId) offers.delete(contact.Id);
  return { ...state, contacts, offers };
}

function reduce(state: AgentState, action: Action): AgentState {
  if (action.type === 'dismiss')
    return { ...state, notices: state.notices.filter((n) => n.id !== action.id) };
  if (action.type === 'agent')
    return { ...state, agent: { ...action.agent, contacts: state.agent?.contacts ?? [] } };
  if (action.type === 'contact') return withContact(state, action.contact, action.userId);
  const m = action.message;
  switch (m.type) {
    case 'snapshot':
      return {
        ...state,
        agent: m.agent,
        contacts: new Map(m.agent.contacts.map((c) => [c.Id, c])),
        offers: new Map(m.offers.map((o) => [o.contactId, o])),
      };
    case 'offer':
      return {
        ...state,
        offers: new Map(state.offers).set(m.contactId, { contactId: m.contactId, expiresAt: m.expiresAt }),
      };
    case 'contact':
      return withContact(state, m.contact, action.userId);
    case 'agent':
      if (!state.agent) return state;
      return {
        ...state,
        agent: { ...state.agent, statusId: m.statusId, statusName: m.statusName, missed: m.missed },
      };
    case 'notice':
      return {
        ...state,
        notices: [
          ...state.notices,
          {
            id: ++noticeSeq,
            message: m.message,
            ...(m.contactId !== undefined && { contactId: m.contactId }),
          },
        ],
      };
    case 'error':
      return { ...state, notices: [...state.notices, { id: ++noticeSeq, message: m.message }] };
    default:
      return state;
  }
}

const EMPTY: AgentState = { contacts: new Map(), offers: new Map(), notices: [] };

export function useAgentState(
  userId: string,
  onSessionEnded: () => void,
  onOffer: (contactId: string) => void,
) {
  const [state, dispatch] = useReducer(reduce, EMPTY);
  const [connection, setConnection] = useState<Connection>('connecting');
  const callbacks = useRef({ onSessionEnded, onOffer });
  const socketRef = useRef<WebSocket | undefined>(undefined);
  const signalListener = useRef<SignalListener | undefined>(undefined);
  callbacks.current = { onSessionEnded, onOffer };

  useEffect(() => {
    let socket: WebSocket | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let ping: ReturnType<typeof setInterval> | undefined;
    let attempts = 0;
    let stopped = false;

    const connect = () => {
      const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
      const ws = new WebSocket(`${scheme}//${window.location.host}/api/agent/ws`);
      socket = ws;
      socketRef.current = ws;
      ws.onopen = () => {
        attempts = 0;
        setConnection('open');
        ping = setInterval(() => ws.send(JSON.stringify({ type: 'ping' })), 25_000);
      };
      ws.onmessage = (event) => {
        if (typeof event.data !== 'string') return;
        let message: ServerMessage;
        try {
          message = JSON.parse(event.data) as ServerMessage;
        } catch {
          return;
        }
        if (message.type === 'signal') {
          signalListener.current?.(message.contactId, message.data);
          return;
        }
        dispatch({ type: 'message', message, userId });
        if (message.type === 'offer' && message.userId === userId)
          callbacks.current.onOffer(message.contactId);
      };
      ws.onclose = (event) => {
        clearInterval(ping);
        if (stopped) return;
        if (event.code === 4401) {
          callbacks.current.onSessionEnded();
          return;
        }
        setConnection('reconnecting');
        attempts += 1;
        retry = setTimeout(connect, Math.min(10_000, 500 * 2 ** Math.min(attempts, 5)));
      };
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(retry);
      clearInterval(ping);
      socket?.close(1000);
    };
  }, [userId]);

  return {
    state,
    connection,
    /** An answer of the HTTP API (accept, end, status…) applied at once, before the socket's echo. */
    applyContact: (contact: Contact) => dispatch({ type: 'contact', contact, userId }),
    applyAgent: (agent: Agent) => dispatch({ type: 'agent', agent }),
    dismissNotice: (id: number) => dispatch({ type: 'dismiss', id }),
    /** Sends a message on the socket when it is open (signalling: best effort, the caller's side retries nothing). */
    send: useCallback((message: unknown) => {
      const ws = socketRef.current;
      if (ws?.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message));
    }, []),
    /** The one listener of signalling messages (contactId, data). */
    onSignal: useCallback((listener: SignalListener | undefined) => {
      signalListener.current = listener;
    }, []),
  };
}
