import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { unwrapFlowExport } from '../../src/flows/content.js';
import { importFlowExport } from '../../src/flows/import.js';
import type { FlowType } from '../../src/flows/model.js';
import { sharedDir } from '../support/cli.js';
import { describeStores } from '../support/env.js';
import { expectConnectError } from '../support/errors.js';

const corpus = join(sharedDir, 'flows');
const files = readdirSync(corpus).filter((f) => f.endsWith('.json'));
/** The three exports that do not say their type; their repository's names say it. */
const TYPES: Record<string, FlowType> = {
  'aws-samples__amazon-connect-gitlab-cicd-terraform__acme_customer_queue_AUTO.json': 'CUSTOMER_QUEUE',
  'aws-samples__amazon-connect-gitlab-cicd-terraform__acme_main_AUTO.json': 'CONTACT_FLOW',
  'aws-samples__amazon-connect-gitlab-cicd-terraform__acme_queue_transfer_AUTO.json': 'QUEUE_TRANSFER',
};

describeStores('importing flow exports', (env) => {
  it('imports every corpus file and gives its content back byte for byte', async () => {
    const { services, instanceId } = env();
    for (const file of files) {
      const text = readFileSync(join(corpus, file), 'utf8');
      const name = file.replace(/\.json$/, '').slice(-100);
      const flow = await importFlowExport(services.flows, instanceId, text, {
        name,
        ...(TYPES[file] && { type: TYPES[file] }),
      });
      const content = unwrapFlowExport(text).content;
      if (flow.Type === 'MODULE')
        expect((await services.flows.describeModule(instanceId, flow.Id)).Content, file).toBe(content);
      else expect((await services.flows.describe(instanceId, flow.Id)).Content, file).toBe(content);
    }
    const flows = await services.flows.list(instanceId, { MaxResults: 100 });
    const modules = await services.flows.listModules(instanceId, { MaxResults: 100 });
    expect(flows.items.length + modules.items.length).toBe(files.length);
  });

  it('takes the type from the request, the wrapper or Metadata, and asks for one when none says', async () => {
    const { services, instanceId } = env();
    const bare = JSON.stringify({
      Version: '2019-10-30',
      StartAction: 'a',
      Actions: [{ Identifier: 'a', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} }],
    });
    await expectConnectError(
      importFlowExport(services.flows, instanceId, bare, { name: 'no type' }),
      'InvalidParameterException',
      /Type/,
    );
    const wrapped = JSON.stringify({ Name: 'Wrapped', Type: 'QUEUE_TRANSFER', Content: bare });
    expect(await importFlowExport(services.flows, instanceId, wrapped)).toMatchObject({
      Name: 'Wrapped',
      Type: 'QUEUE_TRANSFER',
    });
    expect(
      await importFlowExport(services.flows, instanceId, wrapped, {
        name: 'Overridden',
        type: 'AGENT_TRANSFER',
      }),
    ).toMatchObject({ Name: 'Overridden', Type: 'AGENT_TRANSFER' });
  });
});
