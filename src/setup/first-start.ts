/**
 * What the first start on a new database sets up besides the administrator: a setup file (the CLI's `serve`:
 * the callback-via-task example) and an access key for the administrator, each reported once.
 */
import type { AccessKeyService } from '../access/access-keys.js';
import type { Entropy } from '../core/index.js';
import type { Store } from '../store/ports/index.js';
import { applySetup } from './apply.js';
import type { SetupServices } from './create.js';
import { readSetupFile } from './files.js';
import type { SetupReport } from './report.js';

export interface FirstStartOptions {
  /** A setup file to apply to the default instance. */
  setupFile?: string;
  /** Whether to create an access key for the administrator. */
  accessKey: boolean;
  env: Readonly<Record<string, string | undefined>>;
  entropy?: Entropy;
}

export interface FirstStartResult {
  /** The setup file applied, and what it did; `error` when it could not be applied (the server starts anyway). */
  setup?: { file: string; report?: SetupReport; error?: string };
  /** The administrator's new access key: the secret is known only now. */
  accessKey?: { accessKeyId: string; secretAccessKey: string };
}

export async function setUpFirstStart(
  deps: {
    services: SetupServices;
    store: Store;
    instanceId: string;
    accessKeys: Pick<AccessKeyService, 'create'>;
    administratorId: string;
  },
  options: FirstStartOptions,
): Promise<FirstStartResult> {
  const result: FirstStartResult = {};
  if (options.setupFile !== undefined) {
    const file = options.setupFile;
    try {
      const { setup, readFile } = await readSetupFile(file);
      const report = await applySetup(deps.services, deps.store, deps.instanceId, setup, readFile, {
        env: options.env,
        ...(options.entropy && { entropy: options.entropy }),
      });
      result.setup = { file, report };
    } catch (e) {
      result.setup = { file, error: e instanceof Error ? e.message : String(e) };
    }
  }
  if (options.accessKey) {
    const key = await deps.accessKeys.create(deps.instanceId, {
      UserId: deps.administratorId,
      Description: 'Made on the first start for the AWS SDK',
    });
    result.accessKey = { accessKeyId: key.AccessKeyId, secretAccessKey: key.SecretAccessKey };
  }
  return result;
}
