/**
 * The console's own operations (not Connect's), each with the permission it needs: access keys, flow lint and
 * binding an example flow's references, rule X2's warning for a quick connect, and the real-time page's figures.
 */
import { z } from 'zod';
import { validate } from '../../core/index.js';
import type { AccessKeyService } from '../../access/access-keys.js';
import { PERMISSION_CATALOGUE } from '../../access/permissions.js';
import { lintFlowText } from '../../flows/lint.js';
import { bindToInstance } from '../../flows/bind-instance.js';
import { unwrapFlowExport } from '../../flows/content.js';
import { FLOW_TYPES } from '../../flows/model.js';
import type { ApiDeps } from '../deps.js';
import type { ConnectHandler } from '../connect/types.js';

export interface ConsoleOperation {
  permission: string;
  run: ConnectHandler;
}

const LintInput = z.object({
  Content: z.string().min(1, 'is empty').max(256_000, 'is longer than 256,000 characters'),
  Type: z.enum([...FLOW_TYPES, 'MODULE']).optional(),
});
const QuickConnectInput = z.object({ QuickConnectId: z.string().min(1, 'is required').max(500) });

/** Every queue of the instance (standard ones), each page of 100 read in turn. */
async function standardQueues(deps: ApiDeps) {
  const all = [];
  for (let offset = 0; ; offset += 100) {
    const page = await deps.store.repos.queues.list(deps.instanceId, { offset, limit: 100 }, ['STANDARD']);
    all.push(...page);
    if (page.length < 100) return all;
  }
}

export function consoleOperations(deps: ApiDeps, keys: AccessKeyService): Record<string, ConsoleOperation> {
  const userIdOf = (i: Record<string, unknown>) => (typeof i.UserId === 'string' ? i.UserId : '');
  return {
    CreateAccessKey: {
      permission: 'Users.EditPermission',
      run: async (i) => {
        const created = await keys.create(deps.instanceId, {
          UserId: userIdOf(i),
          ...(typeof i.Description === 'string' && { Description: i.Description }),
        });
        return created as unknown as Record<string, unknown>;
      },
    },
    ListAccessKeys: {
      permission: 'Users.View',
      run: async () => ({ AccessKeys: await keys.list(deps.instanceId) }),
    },
    RevokeAccessKey: {
      permission: 'Users.EditPermission',
      run: async (i) => {
        await keys.revoke(deps.instanceId, typeof i.AccessKeyId === 'string' ? i.AccessKeyId : '');
        return {};
      },
    },
    /** `tsunagi flow lint` for a flow export pasted or chosen in the console (nothing is stored). */
    LintContactFlow: {
      permission: 'ContactFlows.View',
      run: (i) => {
        const { Content, Type } = validate(LintInput, { Content: i.Content, Type: i.Type });
        const unwrapped = unwrapFlowExport(Content);
        const type = Type ?? unwrapped.type;
        const report = lintFlowText(unwrapped.content, type);
        return Promise.resolve({
          Actions: report.actions,
          FlowType: report.flowType ?? type ?? null,
          Errors: report.errors.map(finding),
          Warnings: report.warnings.map(finding),
        });
      },
    },
    /**
     * Reads a flow export as people have it (bare, or in a DescribeContactFlow / CreateContactFlow wrapper) and
     * binds its placeholder ARNs (`instance/example/queue/CallbackQueue`) to this instance's resources of those
     * names, before import: the bare content to save, the name, type and description the export gives, and what
     * the instance lacks.
     */
    BindFlowReferences: {
      permission: 'ContactFlows.View',
      run: async (i) => {
        const { Content } = validate(LintInput, { Content: i.Content });
        const exported = unwrapFlowExport(Content);
        const bound = await bindToInstance(deps.store.repos, deps.instanceId, exported.content);
        return {
          Content: bound.content,
          ...(exported.type && { Type: exported.type }),
          ...(exported.name && { Name: exported.name }),
          ...(exported.description && { Description: exported.description }),
          Bound: bound.bound.map((b) => ({ Kind: b.segment, Name: b.name, Arn: b.arn })),
          Missing: bound.missing.map((m) => ({ Kind: m.segment, Name: m.name })),
        };
      },
    },
    /** Rule X2's warning: why a task transferred with this quick connect would fail (empty when it would not). */
    GetQuickConnectTaskWarnings: {
      permission: 'TransferDestinations.View',
      run: async (i) => {
        const { QuickConnectId } = validate(QuickConnectInput, { QuickConnectId: i.QuickConnectId });
        return {
          TaskWarnings: await deps.services.quickConnects.taskWarnings(deps.instanceId, QuickConnectId),
        };
      },
    },
    /** Connect's permissions, grouped as its security profile page groups them (the console's editor). */
    ListPermissionGroups: {
      permission: 'SecurityProfiles.View',
      run: () =>
        Promise.resolve({
          Groups: PERMISSION_CATALOGUE.map((g) => ({
            Label: g.label,
            Features: g.features.map((f) => ({ Label: f.label, Permissions: [...f.names] })),
          })),
        }),
    },
    /** The real-time page: per queue, contacts waiting, the oldest, agents; scheduled tasks. */
    GetRealtimeMetrics: {
      permission: 'AccessMetrics.RealTimeMetrics.Access',
      run: async () => {
        const queues = await standardQueues(deps);
        const scheduled = await deps.engine.scheduledTasks(deps.instanceId);
        const rows = await Promise.all(
          queues.map(async (q) => {
            const m = await deps.engine.queueMetrics(deps.instanceId, q.QueueId);
            return {
              QueueId: q.QueueId,
              Name: q.Name,
              ContactsInQueue: m.contactsInQueue,
              OldestContactAgeSeconds: m.oldestContactAgeSeconds,
              AgentsOnline: m.agentsOnline,
              AgentsAvailable: m.agentsAvailable,
              AgentsOnContact: m.agentsOnContact,
              AgentsStaffed: m.agentsStaffed,
              ScheduledTasks: scheduled.byQueue[q.QueueId] ?? 0,
            };
          }),
        );
        return { Timestamp: deps.clock.now(), Queues: rows, ScheduledTasks: scheduled.total };
      },
    },
  };
}

const finding = (f: { actionId?: string; code: string; message: string }) => ({
  Code: f.code,
  Message: f.message,
  ...(f.actionId && { ActionId: f.actionId }),
});
