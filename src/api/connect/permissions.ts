/**
 * What an access key may do: its user's security profiles (DESIGN.md "Security model"). Each operation names
 * the permission it needs, in Connect's names; operations on contacts that the engine checks itself (P1 for
 * StartTaskContact, P2 for UpdateContactSchedule, P3 for SearchContacts, TransferContact.Enabled,
 * StopContact.Enabled) are not listed. A key acts only within its user's instance.
 */
import { ConnectError } from '../../core/index.js';
import type { Actor } from '../../access/actor.js';

const crud = (prefix: string, ops: Record<string, string>) =>
  Object.fromEntries(Object.entries(ops).map(([op, action]) => [op, `${prefix}.${action}`]));

/** Operation → the permission its caller's profiles must grant. */
export const OPERATION_PERMISSIONS: Readonly<Record<string, string>> = {
  // Instance administration needs what only administrators have.
  CreateInstance: 'SecurityProfiles.Create',
  ListInstances: 'SecurityProfiles.View',
  ...crud('HoursOfOperation', {
    CreateHoursOfOperation: 'Create',
    DescribeHoursOfOperation: 'View',
    ListHoursOfOperations: 'View',
    UpdateHoursOfOperation: 'Edit',
    DeleteHoursOfOperation: 'Delete',
  }),
  ...crud('Queues', {
    CreateQueue: 'Create',
    DescribeQueue: 'View',
    ListQueues: 'View',
    UpdateQueueStatus: 'EnableAndDisable',
    UpdateQueueMaxContacts: 'Edit',
    AssociateQueueQuickConnects: 'Edit',
    DisassociateQueueQuickConnects: 'Edit',
    ListQueueQuickConnects: 'View',
  }),
  ...crud('RoutingPolicies', {
    CreateRoutingProfile: 'Create',
    DescribeRoutingProfile: 'View',
    ListRoutingProfiles: 'View',
    AssociateRoutingProfileQueues: 'Edit',
    ListRoutingProfileQueues: 'View',
    UpdateRoutingProfileConcurrency: 'Edit',
    UpdateRoutingProfileQueues: 'Edit',
  }),
  ...crud('Users', {
    CreateUser: 'Create',
    DescribeUser: 'View',
    ListUsers: 'View',
    DeleteUser: 'Delete',
    UpdateUserRoutingProfile: 'Edit',
    UpdateUserSecurityProfiles: 'EditPermission',
    PutUserStatus: 'Edit',
  }),
  ...crud('SecurityProfiles', {
    CreateSecurityProfile: 'Create',
    DescribeSecurityProfile: 'View',
    ListSecurityProfiles: 'View',
    UpdateSecurityProfile: 'Edit',
    DeleteSecurityProfile: 'Delete',
    ListSecurityProfilePermissions: 'View',
  }),
  ...crud('TransferDestinations', {
    CreateQuickConnect: 'Create',
    DescribeQuickConnect: 'View',
    ListQuickConnects: 'View',
    DeleteQuickConnect: 'Delete',
    UpdateQuickConnectConfig: 'Edit',
  }),
  ...crud('ContactFlows', {
    CreateContactFlow: 'Create',
    DescribeContactFlow: 'View',
    ListContactFlows: 'View',
    UpdateContactFlowContent: 'Edit',
    DeleteContactFlow: 'Delete',
  }),
  ...crud('PhoneNumbers', {
    ClaimPhoneNumber: 'Claim',
    ListPhoneNumbersV2: 'View',
    DescribePhoneNumber: 'View',
    AssociatePhoneNumberContactFlow: 'Edit',
  }),
  ...crud('TaskTemplates', {
    CreateTaskTemplate: 'Create',
    GetTaskTemplate: 'View',
    UpdateTaskTemplate: 'Edit',
    ListTaskTemplates: 'View',
    DeleteTaskTemplate: 'Delete',
  }),
  ...crud('AgentStates', {
    CreateAgentStatus: 'Create',
    DescribeAgentStatus: 'View',
    UpdateAgentStatus: 'Edit',
    ListAgentStatuses: 'View',
  }),
  DescribeContact: 'ContactSearch.View',
  GetContactAttributes: 'ContactSearch.View',
  ListContactReferences: 'ContactSearch.View',
  UpdateContact: 'ContactSearch.View',
  UpdateContactAttributes: 'ContactSearch.View',
  GetCurrentMetricData: 'AccessMetrics.RealTimeMetrics.Access',
  GetCurrentUserData: 'AccessMetrics.RealTimeMetrics.Access',
};

/**
 * The caller as an actor of the instance the request names, checked for the operation's permission. A key whose
 * user is not in that instance is refused (AccessDeniedException), as is a profile without the permission.
 */
export async function authorize(
  actors: (instanceId: string, userId: string) => Promise<Actor>,
  operation: string,
  instanceId: string | undefined,
  userId: string,
  userInstanceId: string,
): Promise<Actor> {
  if (instanceId !== undefined && instanceId !== userInstanceId)
    throw new ConnectError('AccessDeniedException', `this access key cannot act on instance ${instanceId}`);
  const actor = await actors(userInstanceId, userId);
  const needed = OPERATION_PERMISSIONS[operation];
  if (needed && !actor.permissions.has(needed))
    throw new ConnectError(
      'AccessDeniedException',
      `user ${actor.username} may not call ${operation}: the security profile lacks ${needed}`,
      { ids: { UserId: actor.userId } },
    );
  return actor;
}
