/**
 * The setup file (docs/SETUP.md): one JSON document describing an instance's configuration, every resource named
 * by its name and every reference to another resource made by that name. Validated here, at the door: a bad
 * member is an InvalidParameterException naming its path (`Queues[1].HoursOfOperation is required`).
 */
import { z } from 'zod';
import { Channel, E164, validate } from '../core/index.js';
import { FLOW_TYPES } from '../flows/model.js';
import { isKnownPermission } from '../access/permissions.js';
import { Password } from '../access/password.js';
import { IdentityInfo, PhoneConfig } from '../access/user-input.js';
import { isTimeZone } from '../routing/hours.js';
import { CreateInput as CreateTaskTemplateInput } from '../tasks/template-input.js';

/** The name of another resource of the setup file or of the instance. */
const Ref = z.string().min(1).max(127);
const Name = z.string().min(1).max(127);
const Description = z.string().min(1).max(250);

const TimeSlice = z.strictObject({
  Hours: z.number().int().min(0).max(23),
  Minutes: z.number().int().min(0).max(59),
});
const Day = z.enum(['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY']);

const HoursOfOperation = z.strictObject({
  Name,
  Description: Description.optional(),
  TimeZone: z.string().refine(isTimeZone, 'is not a known IANA time zone'),
  Config: z.array(z.strictObject({ Day, StartTime: TimeSlice, EndTime: TimeSlice })).max(100),
});

const Queue = z.strictObject({
  Name,
  Description: Description.optional(),
  HoursOfOperation: Ref,
  MaxContacts: z.number().int().min(0).optional(),
  /** Quick connects (by name) associated with the queue: what its agents may transfer to. */
  QuickConnects: z.array(Ref).max(50).optional(),
});

const Flow = z.strictObject({
  Name: z.string().min(1).max(127),
  /** Connect's flow type, or MODULE for a flow module; absent: the type the file's Metadata gives. */
  Type: z.enum([...FLOW_TYPES, 'MODULE']).optional(),
  /** The flow export (bare or wrapped), relative to the setup file. */
  File: z.string().min(1),
  Description: Description.optional(),
});

/** CreateTaskTemplate's input, with the flows named instead of given by id. */
const TaskTemplate = CreateTaskTemplateInput.omit({
  ContactFlowId: true,
  SelfAssignFlowId: true,
  ClientToken: true,
})
  .extend({ ContactFlow: Ref.optional(), SelfAssignFlow: Ref.optional() })
  .strict();

const MediaConcurrency = z.strictObject({
  Channel,
  Concurrency: z.number().int().min(1).max(10),
  CrossChannelBehavior: z
    .strictObject({ BehaviorType: z.enum(['ROUTE_CURRENT_CHANNEL_ONLY', 'ROUTE_ANY_CHANNEL']) })
    .optional(),
});

const RoutingProfile = z.strictObject({
  Name,
  /** Connect requires one; absent, the name is used. */
  Description: Description.optional(),
  DefaultOutboundQueue: Ref,
  MediaConcurrencies: z
    .array(
      MediaConcurrency.refine((m) => m.Channel !== 'VOICE' || m.Concurrency === 1, {
        message: 'VOICE concurrency must be exactly 1',
        path: ['Concurrency'],
      }),
    )
    .min(1)
    .max(4),
  Queues: z
    .array(
      z.strictObject({
        Queue: Ref,
        Channel,
        Priority: z.number().int().min(1).max(99).default(1),
        Delay: z.number().int().min(0).max(9999).default(0),
      }),
    )
    .max(10)
    .optional(),
  AgentAvailabilityTimer: z.enum(['TIME_SINCE_LAST_ACTIVITY', 'TIME_SINCE_LAST_INBOUND']).optional(),
});

const SecurityProfile = z.strictObject({
  Name: z
    .string()
    .min(1)
    .max(127)
    .regex(/^[ a-zA-Z0-9_@-]+$/, 'may hold only letters, digits, spaces and _@-'),
  Description: z.string().max(250).optional(),
  Permissions: z.array(z.string().refine(isKnownPermission, 'is not an Amazon Connect permission')).max(500),
});

/** An environment variable name, or several: the first one that is set gives the password. */
const EnvNames = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

const User = z.strictObject({
  Username: z.string().min(1).max(100),
  FirstName: IdentityInfo.shape.FirstName,
  LastName: IdentityInfo.shape.LastName,
  Email: IdentityInfo.shape.Email,
  /** CreateUser's PhoneConfig; absent: a soft phone. */
  PhoneConfig: PhoneConfig.optional(),
  RoutingProfile: Ref,
  SecurityProfiles: z.array(Ref).min(1).max(10),
  /** Where the password comes from; unset (or no such variable): one is made up and reported once. */
  PasswordEnv: EnvNames.optional(),
});

const QuickConnect = z
  .strictObject({
    Name,
    Description: Description.optional(),
    Type: z.enum(['USER', 'QUEUE', 'PHONE_NUMBER', 'FLOW']),
    User: Ref.optional(),
    Queue: Ref.optional(),
    PhoneNumber: E164.optional(),
    /** The transfer flow: AGENT_TRANSFER for USER, QUEUE_TRANSFER for QUEUE, CONTACT_FLOW for FLOW. */
    Flow: Ref.optional(),
  })
  .superRefine((qc, ctx) => {
    const needs = {
      USER: ['User', 'Flow'],
      QUEUE: ['Queue', 'Flow'],
      PHONE_NUMBER: ['PhoneNumber'],
      FLOW: ['Flow'],
    } as const;
    const wanted: readonly string[] = needs[qc.Type];
    for (const member of ['User', 'Queue', 'PhoneNumber', 'Flow'] as const) {
      if (wanted.includes(member) && qc[member] === undefined)
        ctx.addIssue({ code: 'custom', path: [member], message: `is required for Type ${qc.Type}` });
      if (!wanted.includes(member) && qc[member] !== undefined)
        ctx.addIssue({ code: 'custom', path: [member], message: `is not allowed for Type ${qc.Type}` });
    }
  });

const AgentStatus = z.strictObject({
  Name,
  Description: Description.optional(),
  State: z.enum(['ENABLED', 'DISABLED']).default('ENABLED'),
  DisplayOrder: z.number().int().min(1).max(50).optional(),
});

const PhoneNumber = z.strictObject({
  PhoneNumber: E164,
  Description: z.string().max(500).optional(),
  /** The inbound (CONTACT_FLOW) flow a call to the number runs. */
  Flow: Ref.optional(),
});

export const SetupSchema = z.strictObject({
  /** The format's version: 1. */
  Version: z.literal(1),
  Description: z.string().optional(),
  HoursOfOperations: z.array(HoursOfOperation).optional(),
  Queues: z.array(Queue).optional(),
  Flows: z.array(Flow).optional(),
  TaskTemplates: z.array(TaskTemplate).optional(),
  RoutingProfiles: z.array(RoutingProfile).optional(),
  SecurityProfiles: z.array(SecurityProfile).optional(),
  Users: z.array(User).optional(),
  QuickConnects: z.array(QuickConnect).optional(),
  AgentStatuses: z.array(AgentStatus).optional(),
  PhoneNumbers: z.array(PhoneNumber).optional(),
});

export type Setup = z.output<typeof SetupSchema>;
export type SetupInput = z.input<typeof SetupSchema>;
export type SetupHours = z.output<typeof HoursOfOperation>;
export type SetupQueue = z.output<typeof Queue>;
export type SetupFlow = z.output<typeof Flow>;
export type SetupTaskTemplate = z.output<typeof TaskTemplate>;
export type SetupRoutingProfile = z.output<typeof RoutingProfile>;
export type SetupSecurityProfile = z.output<typeof SecurityProfile>;
export type SetupUser = z.output<typeof User>;
export type SetupQuickConnect = z.output<typeof QuickConnect>;
export type SetupAgentStatus = z.output<typeof AgentStatus>;
export type SetupPhoneNumber = z.output<typeof PhoneNumber>;

/** The setup file's content, checked; InvalidParameterException naming the path of the first bad members. */
export function parseSetup(input: unknown): Setup {
  return validate(SetupSchema, input);
}

/** Whether `password` meets Connect's rule (a password taken from the environment is checked before use). */
export const isValidPassword = (password: string): boolean => Password.safeParse(password).success;
