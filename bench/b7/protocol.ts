/**
 * What B7's server process and its client processes (bench/b7/clients.ts) say to each other over the fork's IPC
 * channel. The clients run in child processes so that neither their CPU nor their memory counts as the server's.
 */

/** The load: agents that log in, hold a WebSocket and work calls; callers that dial and wait in queue. */
export interface LoadJob {
  role: 'load';
  url: string;
  agents: string[];
  password: string;
  availableId: string;
  number: string;
  /** Calls kept open: those the agents hold and those waiting in queue. */
  callers: number;
  /** How long an agent holds a call before ending it (s), drawn uniformly. */
  holdMinS: number;
  holdMaxS: number;
  /** Logins and dials in flight at once during the ramp-up. */
  rampConcurrency: number;
}

/** The scenario, once, from a process of its own: agent2 logs in, a caller dials, waits, presses 2. */
export interface ScenarioJob {
  role: 'scenario';
  url: string;
  agent: string;
  password: string;
  availableId: string;
  number: string;
  caller: string;
}

export type Job = LoadJob | ScenarioJob;

/** The load's counters at one moment. */
export interface LoadStats {
  /** Agent sockets open (snapshot received, not closed). */
  agentsConnected: number;
  /** Calls placed and not ended: waiting in queue (queued or offered) plus connected to an agent. */
  callsOpen: number;
  queued: number;
  connected: number;
  dialled: number;
  offers: number;
  accepted: number;
  completed: number;
  /** Prompts the callers heard (F1's greeting, F2's offer and hold message). */
  prompts: number;
  errors: Record<string, number>;
  /** The client process's CPU time so far (ms). */
  cpuMs: number;
}

export interface ScenarioResult {
  worked: boolean;
  /** Key "2" sent by the caller → the task's offer on agent2's socket (ms). */
  latencyMs?: number;
  /** Each step's time (ms), in order. */
  steps: Record<string, number>;
  /** What the check found: the task's PhoneNumber reference, and the call it is linked to. */
  phoneNumber?: string;
  linkedToCall?: boolean;
  error?: string;
}

export type ChildMessage =
  | { type: 'agents-ready'; ms: number; stats: LoadStats }
  | { type: 'available'; ms: number; stats: LoadStats }
  | { type: 'callers-ready'; ms: number; stats: LoadStats }
  | { type: 'stats'; stats: LoadStats }
  | { type: 'final'; stats: LoadStats }
  | { type: 'scenario'; result: ScenarioResult };

export type ParentMessage = { type: 'start'; job: Job } | { type: 'stop' };
