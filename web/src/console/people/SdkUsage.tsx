/**
 * How to use an access key with the AWS SDK for JavaScript: the endpoint is this server's /connect, any region
 * works (the instance's own is shown), the secret comes from the environment rather than the code.
 */
import { CopyButton } from './CopyButton.js';
import { usePeopleT } from './messages.js';

interface Props {
  accessKeyId?: string;
  instanceId: string;
  region: string;
}

export function SdkUsage({ accessKeyId, instanceId, region }: Props) {
  const tp = usePeopleT();
  const endpoint = `${window.location.origin}/connect`;
  const code = `import { ConnectClient, ListQueuesCommand } from '@aws-sdk/client-connect';

const connect = new ConnectClient({
  endpoint: '${endpoint}',
  region: '${region}',
  credentials: {
    accessKeyId: '${accessKeyId ?? 'AKIA…'}',
    secretAccessKey: process.env.TSUNAGI_SECRET_ACCESS_KEY,
  },
  maxAttempts: 1,
});

const { QueueSummaryList } = await connect.send(new ListQueuesCommand({ InstanceId: '${instanceId}' }));`;

  return (
    <section className="card" aria-labelledby="sdk-title">
      <h3 id="sdk-title">{tp('sdk.title')}</h3>
      <p>{tp('sdk.intro', { endpoint })}</p>
      <dl className="facts">
        <div className="pair">
          <dt>{tp('sdk.endpoint')}</dt>
          <dd>
            <code data-testid="sdk-endpoint">{endpoint}</code>
          </dd>
        </div>
        <div className="pair">
          <dt>{tp('sdk.instance')}</dt>
          <dd>
            <code>{instanceId}</code>
          </dd>
        </div>
      </dl>
      <p className="help">{tp('sdk.secretFromEnv')}</p>
      <pre className="code" data-testid="sdk-example">
        <code>{code}</code>
      </pre>
      <CopyButton text={code} label={tp('sdk.copy')} />
    </section>
  );
}
