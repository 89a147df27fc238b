/**
 * A setup that cannot apply is refused before anything changes, with an error naming the member at fault (the
 * path in the setup file) and, for a reference, the name that neither exists nor is defined.
 */
import { expect, it } from 'vitest';
import { isConnectError } from '../../src/core/index.js';
import { applySetup, exportSetup, type SetupInput } from '../../src/setup/index.js';
import { describeStores, type TestEnv } from '../support/env.js';
import { flowJson } from '../support/flows.js';

const HOURS = { Name: 'Always open', TimeZone: 'UTC', Config: [] };
const PLACEHOLDER = 'arn:aws:connect:us-east-1:000000000000:instance/example';

const toQueue = (queue: string) =>
  flowJson('Set', {
    Set: {
      Type: 'UpdateContactTargetQueue',
      Parameters: { QueueId: `${PLACEHOLDER}/queue/${queue}` },
      Next: 'Transfer',
      Errors: { NoMatchingError: 'End' },
    },
    Transfer: { Type: 'TransferContactToQueue', Errors: { NoMatchingError: 'End', QueueAtCapacity: 'End' } },
    End: { Type: 'DisconnectParticipant' },
  });

/** A small valid setup: hours, a queue, a flow to it, a routing profile, a user. */
function base(): SetupInput & Required<Pick<SetupInput, 'Queues' | 'Flows' | 'Users' | 'QuickConnects'>> {
  return {
    Version: 1,
    HoursOfOperations: [HOURS],
    Queues: [{ Name: 'Sales', HoursOfOperation: 'Always open' }],
    Flows: [{ Name: 'Inbound', Type: 'CONTACT_FLOW', File: 'inbound.json' }],
    RoutingProfiles: [
      {
        Name: 'Sales agents',
        DefaultOutboundQueue: 'Sales',
        MediaConcurrencies: [{ Channel: 'VOICE', Concurrency: 1 }],
        Queues: [{ Queue: 'Sales', Channel: 'VOICE' }],
      },
    ],
    SecurityProfiles: [{ Name: 'Agent', Permissions: ['BasicAgentAccess'] }],
    Users: [{ Username: 'ann', RoutingProfile: 'Sales agents', SecurityProfiles: ['Agent'] }],
    QuickConnects: [],
  };
}

const files: Record<string, string> = { 'inbound.json': toQueue('Sales') };
const readFile = (f: string) => {
  const text = files[f];
  return text === undefined ? Promise.reject(new Error('no such file')) : Promise.resolve(text);
};

async function refused(env: TestEnv, setup: unknown, vars: Record<string, string> = {}) {
  const before = await exportSetup(env.store, env.instanceId);
  const error = await applySetup(env.services, env.store, env.instanceId, setup, readFile, {
    env: vars,
  }).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isConnectError(error)) throw new Error(`expected a refusal, got ${String(error)}`);
  expect(await exportSetup(env.store, env.instanceId)).toEqual(before);
  return error;
}

describeStores('a setup file that cannot apply', (env) => {
  it('applies when nothing is wrong (the base the other cases break)', async () => {
    const e = env();
    const report = await applySetup(e.services, e.store, e.instanceId, base(), readFile);
    expect(report.created.map((c) => c.name)).toEqual([
      'Always open',
      'Sales',
      'Agent',
      'Sales agents',
      'ann',
      'Inbound',
    ]);
  });

  it('a member of the wrong shape: InvalidParameterException naming its path, nothing changed', async () => {
    const setup = base();
    const { RoutingProfile: _gone, ...user } = setup.Users[0] ?? { Username: 'x' };
    const error = await refused(env(), { ...setup, Users: [user] });
    expect(error.code).toBe('InvalidParameterException');
    expect(error.message).toContain('Users[0].RoutingProfile is required');

    const typo = await refused(env(), {
      ...base(),
      Queues: [{ Name: 'Sales', HoursOfOperation: 'Always open', Hours: 1 }],
    });
    expect(typo.message).toMatch(/Queues\[0\].*Hours/);
    const version = await refused(env(), { ...base(), Version: 2 });
    expect(version.message).toContain('Version');
  });

  it('a name that neither exists nor is defined: ResourceNotFoundException naming the member and the name', async () => {
    const setup = base();
    setup.Queues.push({ Name: 'Support', HoursOfOperation: 'Never open', QuickConnects: ['Nobody'] });
    const error = await refused(env(), setup);
    expect(error.code).toBe('ResourceNotFoundException');
    expect(error.message).toContain("Queues[1].HoursOfOperation: names the hours of operation 'Never open'");
    expect(error.message).toContain("Queues[1].QuickConnects[0]: names the quick connect 'Nobody'");
  });

  it("a flow file's placeholder naming a queue that neither exists nor is defined", async () => {
    files['elsewhere.json'] = toQueue('Elsewhere');
    const setup = base();
    setup.Flows.push({ Name: 'Elsewhere', Type: 'CONTACT_FLOW', File: 'elsewhere.json' });
    const error = await refused(env(), setup);
    expect(error.message).toContain("Flows[1].File: 'elsewhere.json' names the queue 'Elsewhere'");
  });

  it('a flow file that cannot be read, or is not a flow, is refused naming Flows[i].File', async () => {
    const missing = base();
    missing.Flows.push({ Name: 'Lost', Type: 'CONTACT_FLOW', File: 'lost.json' });
    expect((await refused(env(), missing)).message).toContain("Flows[1].File: cannot read 'lost.json'");
    files['broken.json'] = '{"Version":"2019-10-30","Actions":[]}';
    const broken = base();
    broken.Flows.push({ Name: 'Broken', Type: 'CONTACT_FLOW', File: 'broken.json' });
    const error = await refused(env(), broken);
    expect(error.code).toBe('InvalidContactFlowException');
    expect(error.message).toContain("Flows[1].File: 'broken.json' is not a valid flow");
  });

  it('a name defined twice, a transfer flow of the wrong type, a weak password from the environment', async () => {
    const twice = base();
    twice.Queues.push({ Name: 'Sales', HoursOfOperation: 'Always open' });
    expect((await refused(env(), twice)).message).toContain(
      "Queues[1].Name: 'Sales' is defined twice (also at Queues[0].Name)",
    );

    const wrongType = base();
    wrongType.QuickConnects.push({ Name: 'To sales', Type: 'QUEUE', Queue: 'Sales', Flow: 'Inbound' });
    expect((await refused(env(), wrongType)).message).toContain(
      "QuickConnects[0].Flow: the flow 'Inbound' is of type CONTACT_FLOW; it must be QUEUE_TRANSFER",
    );

    const weak = base();
    weak.Users[0] = {
      ...weak.Users[0],
      Username: 'ann',
      RoutingProfile: 'Sales agents',
      SecurityProfiles: ['Agent'],
      PasswordEnv: 'ANN_PASSWORD',
    };
    const error = await refused(env(), weak, { ANN_PASSWORD: 'short' });
    expect(error.message).toContain('Users[0].PasswordEnv: the password in ANN_PASSWORD must be');
    expect(error.message).not.toContain('short');
  });

  it('a template breaking a template rule (T5) and a VOICE concurrency of 2, named before anything changes', async () => {
    const t5 = {
      ...base(),
      TaskTemplates: [
        {
          Name: 'Callback',
          ContactFlow: 'Inbound',
          Fields: [{ Id: { Name: 'Phone' }, Type: 'TEXT' as const }],
          Constraints: {
            RequiredFields: [{ Id: { Name: 'Phone' } }],
            ReadOnlyFields: [{ Id: { Name: 'Phone' } }],
          },
        },
      ],
    };
    const error = await refused(env(), t5);
    expect(error.code).toBe('PropertyValidationException');
    expect(error.message).toContain(
      "TaskTemplates[0].Constraints.ReadOnlyFields[0]: field 'Phone' is read-only and required",
    );

    const voice = base();
    const profile = voice.RoutingProfiles?.[0];
    if (profile) profile.MediaConcurrencies = [{ Channel: 'VOICE', Concurrency: 2 }];
    expect((await refused(env(), voice)).message).toContain(
      'RoutingProfiles[0].MediaConcurrencies[0].Concurrency: VOICE concurrency must be exactly 1',
    );
  });

  it('a phone number another instance has claimed', async () => {
    const e = env();
    const other = await e.services.instances.create({ InstanceAlias: 'other' });
    await e.services.phoneNumbers.claim({ InstanceId: other.Id, PhoneNumber: '+81311112222' });
    const setup = { ...base(), PhoneNumbers: [{ PhoneNumber: '+81311112222', Flow: 'Inbound' }] };
    expect((await refused(e, setup)).message).toContain(
      'PhoneNumbers[0].PhoneNumber: +81311112222 is claimed by another instance',
    );
  });
});
