import type { TaskTemplate, TaskTemplateBody } from '../../src/store/ports/index.js';

/** The Description every callback task shows the agent (rule T3). */
export const CALLBACK_DESCRIPTION =
  'The customer asked to be called back: call them at the number in PhoneNumber.';

/**
 * The scenario's template (rule T3): NAME required, DESCRIPTION read-only with its default text, and the TEXT
 * field PhoneNumber, visible and editable, that the Create task block fills in (rule T4).
 */
export function callbackTemplateRequest(contactFlowId: string) {
  return {
    Name: 'Callback request',
    Description: 'A caller waiting in queue asked for a callback',
    ContactFlowId: contactFlowId,
    Fields: [
      { Id: { Name: 'Task name' }, Type: 'NAME' as const },
      { Id: { Name: 'Description' }, Type: 'DESCRIPTION' as const },
      { Id: { Name: 'PhoneNumber' }, Type: 'TEXT' as const, Description: "The caller's phone number" },
    ],
    Constraints: {
      RequiredFields: [{ Id: { Name: 'Task name' } }],
      ReadOnlyFields: [{ Id: { Name: 'Description' } }],
    },
    Defaults: { DefaultFieldValues: [{ Id: { Name: 'Description' }, DefaultValue: CALLBACK_DESCRIPTION }] },
  };
}

/** The same template as the store keeps it (every constraint list present). */
export function callbackTemplate(overrides: Partial<TaskTemplateBody> = {}): TaskTemplate {
  const req = callbackTemplateRequest('flow-f3');
  return {
    InstanceId: 'instance-1',
    Id: 'template-1',
    Arn: 'arn:aws:connect:ap-northeast-1:123456789012:instance/instance-1/task-template/template-1',
    ...req,
    Constraints: { ...req.Constraints, InvisibleFields: [] },
    Status: 'ACTIVE',
    Version: 1,
    Tags: {},
    CreatedTime: 0,
    LastModifiedTime: 0,
    ...overrides,
  };
}
