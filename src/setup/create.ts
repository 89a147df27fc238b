/** How each kind of the setup file is created through the services, its references turned from names to ids. */
import type { Entropy } from '../core/index.js';
import type { FlowService } from '../flows/flow-resources.js';
import type { HoursOfOperationService } from '../routing/hours.js';
import type { QueueService } from '../routing/queues.js';
import type { RoutingProfileService } from '../routing/routing-profiles.js';
import type { QuickConnectService } from '../routing/quick-connects.js';
import type { AgentStatusService } from '../routing/agent-statuses.js';
import type { UserService } from '../access/users.js';
import type { SecurityProfileService } from '../access/security-profiles.js';
import type { PhoneNumberService } from '../channels/phone-numbers.js';
import type { TaskTemplateService } from '../tasks/templates.js';
import type { ContactFlowType, QuickConnectConfig, Repositories } from '../store/ports/index.js';
import { requireExisting, type SetupKind } from './catalog.js';
import type {
  SetupAgentStatus,
  SetupHours,
  SetupPhoneNumber,
  SetupQueue,
  SetupQuickConnect,
  SetupRoutingProfile,
  SetupSecurityProfile,
  SetupTaskTemplate,
  SetupUser,
} from './format.js';
import { newPassword } from './password.js';

/** The services a setup is applied through (the app's `Services` has them all). */
export interface SetupServices {
  hours: Pick<HoursOfOperationService, 'create'>;
  queues: Pick<QueueService, 'create' | 'associateQuickConnects'>;
  securityProfiles: Pick<SecurityProfileService, 'create'>;
  routingProfiles: Pick<RoutingProfileService, 'create'>;
  users: Pick<UserService, 'create'>;
  agentStatuses: Pick<AgentStatusService, 'create'>;
  taskTemplates: Pick<TaskTemplateService, 'create'>;
  flows: Pick<FlowService, 'create' | 'createModule' | 'updateContent' | 'updateModuleContent'>;
  quickConnects: Pick<QuickConnectService, 'create'>;
  phoneNumbers: Pick<PhoneNumberService, 'claim' | 'associateContactFlow'>;
}

export interface CreateContext {
  services: SetupServices;
  repos: Repositories;
  instanceId: string;
}

const idOf = async (ctx: CreateContext, kind: SetupKind, name: string) =>
  (await requireExisting(ctx.repos, ctx.instanceId, kind, name)).id;

export async function createHours(ctx: CreateContext, h: SetupHours): Promise<void> {
  await ctx.services.hours.create(ctx.instanceId, h);
}

export async function createQueue(ctx: CreateContext, q: SetupQueue): Promise<void> {
  await ctx.services.queues.create(ctx.instanceId, {
    Name: q.Name,
    ...(q.Description !== undefined && { Description: q.Description }),
    HoursOfOperationId: await idOf(ctx, 'hours', q.HoursOfOperation),
    ...(q.MaxContacts !== undefined && { MaxContacts: q.MaxContacts }),
  });
}

export async function createSecurityProfile(ctx: CreateContext, p: SetupSecurityProfile): Promise<void> {
  await ctx.services.securityProfiles.create(ctx.instanceId, {
    SecurityProfileName: p.Name,
    ...(p.Description !== undefined && { Description: p.Description }),
    Permissions: p.Permissions,
  });
}

export async function createRoutingProfile(ctx: CreateContext, p: SetupRoutingProfile): Promise<void> {
  const configs = [];
  for (const c of p.Queues ?? [])
    configs.push({
      QueueReference: { QueueId: await idOf(ctx, 'queue', c.Queue), Channel: c.Channel },
      Priority: c.Priority,
      Delay: c.Delay,
    });
  await ctx.services.routingProfiles.create(ctx.instanceId, {
    Name: p.Name,
    Description: p.Description ?? p.Name,
    DefaultOutboundQueueId: await idOf(ctx, 'queue', p.DefaultOutboundQueue),
    MediaConcurrencies: p.MediaConcurrencies,
    ...(configs.length > 0 && { QueueConfigs: configs }),
    ...(p.AgentAvailabilityTimer !== undefined && { AgentAvailabilityTimer: p.AgentAvailabilityTimer }),
  });
}

/** Creates the user; returns the password made up for it, when it was not given. */
export async function createUser(
  ctx: CreateContext,
  u: SetupUser,
  given: string | undefined,
  entropy: Entropy,
): Promise<string | undefined> {
  const password = given ?? newPassword(entropy);
  const securityProfileIds = [];
  for (const name of u.SecurityProfiles) securityProfileIds.push(await idOf(ctx, 'securityProfile', name));
  const identity = {
    ...(u.FirstName !== undefined && { FirstName: u.FirstName }),
    ...(u.LastName !== undefined && { LastName: u.LastName }),
    ...(u.Email !== undefined && { Email: u.Email }),
  };
  await ctx.services.users.create(ctx.instanceId, {
    Username: u.Username,
    Password: password,
    ...(Object.keys(identity).length > 0 && { IdentityInfo: identity }),
    PhoneConfig: u.PhoneConfig ?? { PhoneType: 'SOFT_PHONE' },
    SecurityProfileIds: securityProfileIds,
    RoutingProfileId: await idOf(ctx, 'routingProfile', u.RoutingProfile),
  });
  return given === undefined ? password : undefined;
}

export async function createAgentStatus(ctx: CreateContext, s: SetupAgentStatus): Promise<void> {
  await ctx.services.agentStatuses.create(ctx.instanceId, s);
}

export async function createTemplate(ctx: CreateContext, t: SetupTaskTemplate): Promise<void> {
  const { ContactFlow, SelfAssignFlow, ...rest } = t;
  await ctx.services.taskTemplates.create(ctx.instanceId, {
    ...rest,
    ...(ContactFlow !== undefined && { ContactFlowId: await idOf(ctx, 'flow', ContactFlow) }),
    ...(SelfAssignFlow !== undefined && { SelfAssignFlowId: await idOf(ctx, 'flow', SelfAssignFlow) }),
  });
}

export async function createFlow(
  ctx: CreateContext,
  f: { Name: string; Description?: string; type: string; content: string },
): Promise<void> {
  const description = f.Description !== undefined ? { Description: f.Description } : {};
  if (f.type === 'MODULE')
    await ctx.services.flows.createModule(ctx.instanceId, {
      Name: f.Name,
      Content: f.content,
      ...description,
    });
  else
    await ctx.services.flows.create(ctx.instanceId, {
      Name: f.Name,
      Type: f.type as ContactFlowType,
      Content: f.content,
      ...description,
    });
}

export async function publishFlow(
  ctx: CreateContext,
  id: string,
  type: string,
  content: string,
): Promise<void> {
  if (type === 'MODULE')
    await ctx.services.flows.updateModuleContent(ctx.instanceId, id, { Content: content });
  else await ctx.services.flows.updateContent(ctx.instanceId, id, { Content: content });
}

export async function createQuickConnect(ctx: CreateContext, q: SetupQuickConnect): Promise<void> {
  const flow = async () => idOf(ctx, 'flow', q.Flow ?? '');
  let config: QuickConnectConfig;
  switch (q.Type) {
    case 'USER':
      config = {
        QuickConnectType: 'USER',
        UserConfig: { UserId: await idOf(ctx, 'user', q.User ?? ''), ContactFlowId: await flow() },
      };
      break;
    case 'QUEUE':
      config = {
        QuickConnectType: 'QUEUE',
        QueueConfig: { QueueId: await idOf(ctx, 'queue', q.Queue ?? ''), ContactFlowId: await flow() },
      };
      break;
    case 'FLOW':
      config = { QuickConnectType: 'FLOW', FlowConfig: { ContactFlowId: await flow() } };
      break;
    case 'PHONE_NUMBER':
      config = { QuickConnectType: 'PHONE_NUMBER', PhoneConfig: { PhoneNumber: q.PhoneNumber ?? '' } };
      break;
  }
  await ctx.services.quickConnects.create(ctx.instanceId, {
    Name: q.Name,
    ...(q.Description !== undefined && { Description: q.Description }),
    QuickConnectConfig: config,
  });
}

export async function createPhoneNumber(ctx: CreateContext, p: SetupPhoneNumber): Promise<void> {
  const claimed = await ctx.services.phoneNumbers.claim({
    InstanceId: ctx.instanceId,
    PhoneNumber: p.PhoneNumber,
    ...(p.Description !== undefined && { PhoneNumberDescription: p.Description }),
  });
  if (p.Flow !== undefined)
    await ctx.services.phoneNumbers.associateContactFlow(claimed.PhoneNumberId, {
      InstanceId: ctx.instanceId,
      ContactFlowId: await idOf(ctx, 'flow', p.Flow),
    });
}
