/**
 * The shapes of the task template operations' requests (Connect's model), checked at the door: a wrong type or
 * length is an InvalidParameterException naming the field. The rules between fields are template-rules.ts'.
 */
import { z } from 'zod';
import { MaxResults, idFromIdOrArn } from '../core/index.js';
import type { TaskTemplateBody, TaskTemplateStatus } from '../store/ports/index.js';
import { MAX_VALUE_LENGTH } from './field-values.js';

const FieldId = z.object({ Name: z.string().min(1).max(100) });
const FieldRef = z.object({ Id: FieldId });
const FieldRefs = z.array(FieldRef).max(1000);

export const FieldType = z.enum([
  'NAME',
  'DESCRIPTION',
  'SCHEDULED_TIME',
  'QUICK_CONNECT',
  'URL',
  'NUMBER',
  'TEXT',
  'TEXT_AREA',
  'DATE_TIME',
  'BOOLEAN',
  'SINGLE_SELECT',
  'EMAIL',
  'SELF_ASSIGN',
  'EXPIRY_DURATION',
]);

const Field = z.object({
  Id: FieldId,
  Description: z.string().min(1).max(255).optional(),
  Type: FieldType,
  /** Each option 1..100 characters; at most 50 (CloudFormation's cap). */
  SingleSelectOptions: z.array(z.string().min(1).max(100)).max(50).optional(),
});

const Constraints = z.object({
  RequiredFields: FieldRefs.optional(),
  ReadOnlyFields: FieldRefs.optional(),
  InvisibleFields: FieldRefs.optional(),
});

const Defaults = z.object({
  DefaultFieldValues: z
    .array(z.object({ Id: FieldId, DefaultValue: z.string().max(MAX_VALUE_LENGTH) }))
    .max(1000)
    .optional(),
});

export const Status = z.enum(['ACTIVE', 'INACTIVE']);
const Name = z.string().min(1).max(100);
const FlowId = z.string().min(1).max(500);

const body = {
  Description: z.string().min(1).max(255).optional(),
  ContactFlowId: FlowId.optional(),
  SelfAssignFlowId: FlowId.optional(),
  Constraints: Constraints.optional(),
  Defaults: Defaults.optional(),
  Status: Status.optional(),
};

export const CreateInput = z.object({
  Name,
  ...body,
  Fields: z.array(Field),
  /** Idempotency is the API layer's: the token is accepted and not used here. */
  ClientToken: z.string().max(500).optional(),
});

/** Full replacement: what is left out is cleared, except the Name, which a template always has. */
export const UpdateInput = z.object({ Name: Name.optional(), ...body, Fields: z.array(Field).optional() });

export const GetInput = z.object({ SnapshotVersion: z.string().optional() });

export const ListInput = z.object({
  NextToken: z.string().optional(),
  MaxResults: MaxResults(100).optional(),
  Status: Status.optional(),
  Name: Name.optional(),
});

export type CreateTaskTemplateInput = z.input<typeof CreateInput>;
export type UpdateTaskTemplateInput = z.input<typeof UpdateInput>;
export type ListTaskTemplatesInput = z.input<typeof ListInput>;

/** The template a request describes: flow ids without their ARN, every list present. */
export function bodyOf(
  req: z.output<typeof UpdateInput> & { Name: string },
  status: TaskTemplateStatus,
): TaskTemplateBody {
  const c = req.Constraints;
  return {
    Name: req.Name,
    ...(req.Description !== undefined && { Description: req.Description }),
    ...(req.ContactFlowId !== undefined && { ContactFlowId: idFromIdOrArn(req.ContactFlowId) }),
    ...(req.SelfAssignFlowId !== undefined && { SelfAssignFlowId: idFromIdOrArn(req.SelfAssignFlowId) }),
    Constraints: {
      RequiredFields: c?.RequiredFields ?? [],
      ReadOnlyFields: c?.ReadOnlyFields ?? [],
      InvisibleFields: c?.InvisibleFields ?? [],
    },
    Defaults: { DefaultFieldValues: req.Defaults?.DefaultFieldValues ?? [] },
    Fields: req.Fields ?? [],
    Status: req.Status ?? status,
  };
}
