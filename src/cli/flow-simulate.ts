import { Command, Option } from 'commander';
import {
  simulate,
  type SimEvent,
  type SimulationOptions,
  type SimulationResult,
} from '../flows/simulator.js';
import { LambdaRegistry } from '../app/lambda.js';
import { readFlowFile, readFlowFolder, toSimFlow } from './flow-files.js';

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

function attributes(pairs: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new Error(`--attribute '${pair}': expected key=value`);
    out[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return out;
}

function line(e: SimEvent): string | undefined {
  switch (e.type) {
    case 'flow':
      return `flow ${e.flowId} (${e.flowType})${e.via === 'start' ? '' : ` via ${e.via}`}`;
    case 'action':
      return `  ${e.actionId}  [${e.actionType}]  -> ${e.branch}`;
    case 'prompt':
      return `    says: "${e.text}"${e.loop ? ' (looping)' : ''}${e.voice ? ` [voice ${e.voice}]` : ''}`;
    case 'attributes':
      return `    sets: ${Object.entries(e.changed)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ')}`;
    case 'input':
      return `    keys: ${e.digits}  (at ${e.at / 1000}s)`;
    case 'timeout':
      return `    timer fired at ${e.at / 1000}s`;
    case 'request':
      return `    asks ${e.request.type}: ${e.result.ok ? 'ok' : `failed (${e.result.error}${e.result.ok ? '' : e.result.message ? `: ${e.result.message}` : ''})`}`;
    case 'ended':
      return `  flow ended: ${e.outcome.type}`;
  }
}

export function describeOutcome(result: SimulationResult): string {
  const o = result.outcome;
  switch (o.type) {
    case 'disconnected':
      return `disconnected (${o.reason}) after ${result.seconds}s`;
    case 'queued':
      return `queued to ${o.queue.Name ?? o.queue.Id}${o.queueFlowId ? ` with customer queue flow ${o.queueFlowId}` : ''}; followed for ${o.waitedSeconds}s, no agent answers in the simulator`;
    case 'transferred':
      return `transferred to ${o.to}`;
    case 'ended':
      return o.detail;
    case 'error':
      return `stopped by ${o.error} at ${o.actionId} (no error branch)`;
  }
}

export function flowSimulateCommand(): Command {
  return new Command('simulate')
    .description('Run a flow for a scripted caller, with no server, and print what happened.')
    .argument('<flow>', 'the flow to start (a JSON export)')
    .option(
      '--flows <dir>',
      'a folder of other flows it reaches (TransferToFlow, modules, customer queue flows)',
    )
    .option(
      '--input <keys>',
      'keys the caller presses at the next prompt that asks (repeatable, e.g. --input 2 --input 1234#)',
      collect,
      [],
    )
    .option(
      '--attribute <key=value>',
      'a contact attribute set before the flow starts (repeatable)',
      collect,
      [],
    )
    .option('--caller <number>', "the caller's number ($.CustomerEndpoint.Address)", '+815012345678')
    .option('--dialled <number>', 'the number dialled ($.SystemEndpoint.Address)', '+81312345678')
    .addOption(
      new Option('--channel <channel>', 'the contact channel')
        .choices(['VOICE', 'CHAT', 'TASK'])
        .default('VOICE'),
    )
    .addOption(
      new Option('--hours <state>', 'what Check hours of operation answers')
        .choices(['open', 'closed'])
        .default('open'),
    )
    .option(
      '--lambda <name=target>',
      'answer a Lambda function from a URL or a JS module (repeatable)',
      collect,
      [],
    )
    .option('--seed <n>', 'seed of Distribute by percentage', '1')
    .option('--queue-seconds <n>', 'how long to follow a queued caller, in simulated seconds', '600')
    .option('--json', 'print the whole trace as JSON')
    .action(
      async (
        file: string,
        opts: {
          flows?: string;
          input: string[];
          attribute: string[];
          caller: string;
          dialled: string;
          channel: 'VOICE' | 'CHAT' | 'TASK';
          hours: string;
          lambda: string[];
          seed: string;
          queueSeconds: string;
          json?: boolean;
        },
      ) => {
        const entry = toSimFlow(readFlowFile(file));
        const others = opts.flows
          ? readFlowFolder(opts.flows)
              .filter((f) => f.flow)
              .map((f) => toSimFlow(f))
          : [];
        const lambdas = new LambdaRegistry();
        for (const spec of opts.lambda) lambdas.registerSpec(spec);
        const options: SimulationOptions = {
          inputs: opts.input,
          attributes: attributes(opts.attribute),
          callerNumber: opts.caller,
          dialledNumber: opts.dialled,
          channel: opts.channel,
          hoursOpen: opts.hours === 'open',
          seed: Number(opts.seed),
          maxQueueSeconds: Number(opts.queueSeconds),
          respond: (request, contact) =>
            request.type === 'InvokeLambda' ? lambdas.invoke(request, contact) : undefined,
        };
        const result = await simulate(
          entry,
          others.filter((o) => o.id !== entry.id),
          options,
        );
        if (opts.json) {
          console.log(
            JSON.stringify(
              {
                outcome: result.outcome,
                seconds: result.seconds,
                tasks: result.tasks,
                attributes: result.contact.Attributes,
                events: result.events,
              },
              null,
              2,
            ),
          );
          return;
        }
        for (const e of result.events) {
          const text = line(e);
          if (text) console.log(text);
        }
        for (const t of result.tasks)
          console.log(`task created: ${t.contactId} ${JSON.stringify(t.request)}`);
        console.log(`outcome: ${describeOutcome(result)}`);
      },
    );
}

export function flowCommand(): Command {
  return new Command('flow').description('Work with Amazon Connect flow exports.');
}
