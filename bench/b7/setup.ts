/**
 * B7's configuration, made in the server's process before the load starts: the callback-via-task example applied
 * as a setup file (src/setup, examples/callback-via-task/setup.json: its queues, four flows, template, agent2 on
 * "Callback task agents", the number bound to F1), then `agents` load agents on a routing profile of their own
 * (VOICE only, the queue the callers wait in, BasicQueue), so that the scenario's callback task (CallbackQueue)
 * goes to agent2 and never to one of them.
 *
 * The first load agent is made through the user service; the others are copies of it as the store holds it (each
 * with its own agent queue, as the service makes), written through the store's repositories in a few
 * transactions. All share one stored password hash made with a cheap scrypt cost (the hash carries its
 * parameters): a thousand users and a thousand logins would otherwise spend minutes in scrypt at the default
 * cost, which is not what B7 measures.
 */
import { randomUUID } from 'node:crypto';
import { hashPassword } from '../../src/access/password.js';
import { systemEntropy } from '../../src/core/index.js';
import type { Tsunagi } from '../../src/app/runtime.js';
import { applySetup, EXAMPLE_SETUP, readSetupFile } from '../../src/setup/index.js';
import { requireExisting } from '../../src/setup/catalog.js';
import type { User } from '../../src/store/ports/index.js';

/** The example's number (setup.json PhoneNumbers), whose flow is F1. */
export const NUMBER = '+81312345678';
/** The password of every user B7 logs in as (agent2 of the example, the load agents). */
export const PASSWORD = 'LoadBench2026';
/** A scrypt cost for the load agents' stored hash: cheap, B7 measures the contact center, not logins. */
const CHEAP_SCRYPT = { N: 1024, r: 8, p: 1 };

export interface LoadSetup {
  /** The load agents' usernames, in order. */
  agents: string[];
  /** The example's task-only agent, who receives the scenario's callback task. */
  scenarioAgent: string;
  /** The status that makes an agent routable. */
  availableId: string;
  /** The queue the callers wait in (F1's), and the callback tasks' queue (F3's). */
  callerQueueId: string;
  callbackQueueId: string;
}

export async function setUpLoad(tsunagi: Tsunagi, agents: number): Promise<LoadSetup> {
  const { services, store } = tsunagi;
  const instanceId = tsunagi.defaultInstance.Id;
  const { setup, readFile } = await readSetupFile(EXAMPLE_SETUP);
  const report = await applySetup(services, store, instanceId, setup, readFile, {
    env: { TSUNAGI_EXAMPLE_PASSWORD: PASSWORD },
  });
  if (report.problems.length > 0) throw new Error(`setup: ${report.problems.join('; ')}`);

  const find = (kind: 'queue' | 'securityProfile', name: string) =>
    requireExisting(store.repos, instanceId, kind, name).then((e) => e.id);
  const callerQueueId = await find('queue', 'BasicQueue');
  const callbackQueueId = await find('queue', 'CallbackQueue');
  const agentProfileId = await find('securityProfile', 'Agent');
  const profile = await services.routingProfiles.create(instanceId, {
    Name: 'Load agents',
    Description: 'B7: calls only, from the queue the callers wait in',
    DefaultOutboundQueueId: callerQueueId,
    MediaConcurrencies: [{ Channel: 'VOICE', Concurrency: 1 }],
    QueueConfigs: [{ QueueReference: { QueueId: callerQueueId, Channel: 'VOICE' }, Priority: 1, Delay: 0 }],
  });

  const names = Array.from({ length: agents }, (_, i) => `load${String(i + 1).padStart(5, '0')}`);
  const [firstName = 'load00001', ...others] = names;
  const first = await services.users.create(instanceId, {
    Username: firstName,
    Password: PASSWORD,
    IdentityInfo: { FirstName: 'Load', LastName: firstName },
    SecurityProfileIds: [agentProfileId],
    RoutingProfileId: profile.RoutingProfileId,
    PhoneConfig: { PhoneType: 'SOFT_PHONE' },
  });
  const firstQueue = await store.repos.queues.findAgentQueue(instanceId, first.Id);
  if (!firstQueue) throw new Error(`the agent queue of ${firstName} is missing`);
  const hash = await hashPassword(PASSWORD, systemEntropy, CHEAP_SCRYPT);
  await store.repos.users.setPasswordHash(instanceId, first.Id, hash, first.LastModifiedTime);
  // The others are copies of the first as the store holds it, each with its own agent queue.
  for (let i = 0; i < others.length; i += 100)
    await store.transaction(async (repos) => {
      for (const Username of others.slice(i, i + 100)) {
        const id = randomUUID();
        const queueId = randomUUID();
        const user: User = {
          ...first,
          Id: id,
          Arn: first.Arn.replace(first.Id, id),
          Username,
          IdentityInfo: { FirstName: 'Load', LastName: Username },
        };
        await repos.users.insert(user, hash);
        await repos.queues.insert({
          ...firstQueue,
          QueueId: queueId,
          QueueArn: firstQueue.QueueArn.replace(firstQueue.QueueId, queueId),
          Name: Username,
          UserId: id,
        });
      }
    });

  const available = (await services.agentStatuses.list(instanceId)).items.find((s) => s.Name === 'Available');
  if (!available) throw new Error('the built-in status Available is missing');
  return {
    agents: names,
    scenarioAgent: 'agent2',
    availableId: available.Id,
    callerQueueId,
    callbackQueueId,
  };
}
