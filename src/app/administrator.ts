/**
 * The built-in administrator of the default instance: a user `admin` with a security profile `Admin` holding
 * every permission, made on the first start (with the hours, queue and routing profile a user needs). The
 * bootstrap access key of the environment belongs to this user.
 */
import { ALL_PERMISSIONS } from '../access/permissions.js';
import type { Entropy } from '../core/index.js';
import { newPassword } from '../setup/password.js';
import type { Instance } from '../store/ports/index.js';
import type { Services } from './services.js';

export { newPassword };

export interface Administrator {
  userId: string;
  /** Set only when this start created the user: the password to print once. */
  password?: string;
}

export async function ensureAdministrator(
  services: Services,
  instanceId: string,
  options: { password?: string; entropy: Entropy },
): Promise<Administrator> {
  const existing = (await services.users.list(instanceId, { MaxResults: 1000 })).items.find(
    (u) => u.Username === 'admin',
  );
  if (existing) return { userId: existing.Id };
  const hours = await services.hours.create(instanceId, {
    Name: 'Basic Hours',
    Description: 'Open every day, all day',
    TimeZone: 'UTC',
    Config: (['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'] as const).map(
      (Day) => ({
        Day,
        StartTime: { Hours: 0, Minutes: 0 },
        EndTime: { Hours: 0, Minutes: 0 },
      }),
    ),
  });
  const queue = await services.queues.create(instanceId, {
    Name: 'BasicQueue',
    Description: 'The default queue',
    HoursOfOperationId: hours.HoursOfOperationId,
  });
  const profile = await services.routingProfiles.create(instanceId, {
    Name: 'Basic Routing Profile',
    Description: 'The default routing profile',
    DefaultOutboundQueueId: queue.QueueId,
    MediaConcurrencies: [{ Channel: 'VOICE', Concurrency: 1 }],
    QueueConfigs: [{ QueueReference: { QueueId: queue.QueueId, Channel: 'VOICE' }, Priority: 1, Delay: 0 }],
  });
  const admin = await services.securityProfiles.create(instanceId, {
    SecurityProfileName: 'Admin',
    Description: 'Every permission',
    Permissions: ALL_PERMISSIONS.filter((p) => !p.startsWith('Restrict')),
  });
  const password = options.password ?? newPassword(options.entropy);
  const user = await services.users.create(instanceId, {
    Username: 'admin',
    Password: password,
    IdentityInfo: { FirstName: 'Tsunagi', LastName: 'Administrator' },
    PhoneConfig: { PhoneType: 'SOFT_PHONE' },
    SecurityProfileIds: [admin.Id],
    RoutingProfileId: profile.RoutingProfileId,
  });
  return { userId: user.Id, password };
}

/** Creates the default instance on the first start; later starts find it. */
export async function ensureDefaultInstance(
  services: Services,
  alias: string,
): Promise<{ instance: Instance; created: boolean }> {
  const existing = await services.instances.findByAlias(alias);
  if (existing) {
    await services.agentStatuses.ensureDefaults(existing.Id);
    return { instance: existing, created: false };
  }
  return { instance: await services.instances.create({ InstanceAlias: alias }), created: true };
}
