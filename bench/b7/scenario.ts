/**
 * The callback scenario (../shared/seed/scenario.md, V1–V2) run once in the middle of B7's load, from a client
 * process of its own: agent2 (tasks only, CallbackQueue) logs in, opens its WebSocket and goes Available; a caller
 * dials the example's number, waits in queue behind the load's callers until F2 offers a callback, and presses 2.
 * It worked when agent2's socket is offered a task that holds the caller's number in its PhoneNumber reference and
 * is linked to the call (as B4 checks), the caller is told they will be called back, and agent2 accepts and
 * completes the task. Its latency is key "2" sent → the offer on agent2's socket, both stamped here.
 */
import type WebSocket from 'ws';
import { AgentSession, dial } from './agent-session.js';
import { Inbox } from '../inbox.js';
import type { ScenarioJob, ScenarioResult } from './protocol.js';

const STEP_TIMEOUT_MS = 30_000;

export async function runScenario(job: ScenarioJob): Promise<ScenarioResult> {
  const steps: Record<string, number> = {};
  let t = performance.now();
  const step = (name: string) => {
    const now = performance.now();
    steps[name] = Number((now - t).toFixed(2));
    t = now;
  };
  const sockets: WebSocket[] = [];
  try {
    const agent = new AgentSession(job.url, job.agent);
    await agent.login(job.password);
    step('agent2 logs in');
    const agentInbox = new Inbox(STEP_TIMEOUT_MS);
    const agentWs = await agent.connect(agentInbox.push);
    sockets.push(agentWs);
    agentWs.on('close', agentInbox.close);
    step('agent2 socket and snapshot');
    await agent.api('PUT', '/status', { AgentStatusId: job.availableId });
    step('agent2 Available');

    const callerInbox = new Inbox(STEP_TIMEOUT_MS);
    const call = await dial(job.url, job.number, job.caller, callerInbox.push);
    sockets.push(call.ws);
    call.ws.on('close', callerInbox.close);
    step('caller dials, socket open');
    await callerInbox.next((m) => m.type === 'prompt' && /press 2/.test(String(m.text)), 'the F2 prompt');
    step('F2 offers a callback');

    const t0 = performance.now();
    call.ws.send(JSON.stringify({ type: 'digits', digits: '2' }));
    const offer = await agentInbox.next((m) => m.type === 'offer', 'the offer on agent2 socket');
    const latencyMs = Number((offer.at - t0).toFixed(2));
    t = offer.at;
    steps['key "2" → offer on agent2 socket'] = latencyMs;

    const taskId = String(offer.m.contactId);
    const details = await agent.api('GET', `/contacts/${encodeURIComponent(taskId)}`);
    const task = details.Contact as {
      Channel?: string;
      RelatedContactId?: string;
      References?: Record<string, { Value?: string }>;
    };
    const phoneNumber = task.References?.PhoneNumber?.Value;
    const linkedToCall = task.RelatedContactId === call.callId;
    step('task details read');
    await callerInbox.next((m) => m.type === 'prompt' && /call you back/.test(String(m.text)), 'the goodbye');
    await callerInbox.next((m) => m.type === 'state' && m.state === 'ended', 'the end of the call');
    step('caller told, call ended');
    await agent.api('POST', `/contacts/${encodeURIComponent(taskId)}/accept`);
    await agent.api('POST', `/contacts/${encodeURIComponent(taskId)}/complete`);
    step('agent2 accepts and completes the task');
    const worked = task.Channel === 'TASK' && phoneNumber === job.caller && linkedToCall;
    return {
      worked,
      latencyMs,
      steps,
      ...(phoneNumber !== undefined && { phoneNumber }),
      linkedToCall,
      ...(!worked && { error: `the task offered was ${JSON.stringify(task)}` }),
    };
  } catch (e) {
    return { worked: false, steps, error: e instanceof Error ? e.message : String(e) };
  } finally {
    for (const ws of sockets) ws.terminate();
  }
}
