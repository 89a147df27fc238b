/**
 * DescribeContact and SearchContacts over the store. Inputs are Connect's request shapes with times in epoch ms
 * (the API turns Connect's epoch seconds into ms). Reads go straight to the store (DESIGN.md "Runtime model").
 */
import { z } from 'zod';
import {
  idFromIdOrArn,
  invalidParameter,
  listPage,
  notFound,
  validate,
  type ListResult,
} from '../core/index.js';
import { actorOf, requireContactSearch } from '../access/actor.js';
import type { Contact, ContactEvent, ContactQuery, ContactTimeField } from '../store/ports/index.js';
import { requireInstance, type ServiceDeps } from '../instances/context.js';

const TIME_TYPES: Record<string, ContactTimeField> = {
  INITIATION_TIMESTAMP: 'initiation',
  SCHEDULED_TIMESTAMP: 'scheduled',
  CONNECTED_TO_AGENT_TIMESTAMP: 'connected',
  DISCONNECT_TIMESTAMP: 'disconnect',
  ENQUEUE_TIMESTAMP: 'enqueue',
  EXPIRY_TIMESTAMP: 'expiry',
};
const TimeType = z.enum([
  'INITIATION_TIMESTAMP',
  'SCHEDULED_TIMESTAMP',
  'CONNECTED_TO_AGENT_TIMESTAMP',
  'DISCONNECT_TIMESTAMP',
  'ENQUEUE_TIMESTAMP',
]);
const TimeRange = z
  .object({ Type: TimeType, StartTime: z.number().finite(), EndTime: z.number().finite() })
  .refine((r) => r.EndTime >= r.StartTime, { message: 'EndTime is before StartTime', path: ['EndTime'] });
const Channel = z.enum(['VOICE', 'CHAT', 'TASK', 'EMAIL']);
const Method = z.enum([
  'INBOUND',
  'OUTBOUND',
  'TRANSFER',
  'QUEUE_TRANSFER',
  'CALLBACK',
  'API',
  'DISCONNECT',
  'FLOW',
  'WEBRTC_API',
]);
const Match = z.enum(['MATCH_ALL', 'MATCH_ANY', 'MATCH_EXACT', 'MATCH_NONE']);

const SearchInput = z.object({
  TimeRange,
  SearchCriteria: z
    .object({
      Channels: z.array(Channel).optional(),
      InitiationMethods: z.array(Method).optional(),
      QueueIds: z.array(z.string().min(1)).max(100).optional(),
      AgentIds: z.array(z.string().min(1).max(256)).max(100).optional(),
      Name: z.object({ SearchText: z.array(z.string().max(128)).max(100), MatchType: Match }).optional(),
      AdditionalTimeRange: z
        .object({
          Criteria: z.array(
            z.object({
              TimeRange: TimeRange.optional(),
              TimestampCondition: z
                .object({ Type: TimeType, ConditionType: z.enum(['NOT_EXISTS', 'EXISTS']) })
                .optional(),
            }),
          ),
          MatchType: Match,
        })
        .optional(),
      SearchableContactAttributes: z
        .object({
          Criteria: z
            .array(
              z.object({ Key: z.string().min(1).max(100), Values: z.array(z.string().max(100)).max(20) }),
            )
            .max(15),
          MatchType: Match.optional(),
        })
        .optional(),
      /** Tsunagi's own: the lifecycle states (docs/ENGINE.md) to keep. */
      States: z
        .array(
          z.enum([
            'INITIATED',
            'SCHEDULED',
            'IN_FLOW',
            'QUEUED',
            'OFFERED',
            'CONNECTED',
            'ACW',
            'ENDED',
            'EXPIRED',
          ]),
        )
        .optional(),
    })
    .optional(),
  Sort: z
    .object({
      FieldName: z.enum([
        'INITIATION_TIMESTAMP',
        'SCHEDULED_TIMESTAMP',
        'CONNECTED_TO_AGENT_TIMESTAMP',
        'DISCONNECT_TIMESTAMP',
        'INITIATION_METHOD',
        'CHANNEL',
        'EXPIRY_TIMESTAMP',
      ]),
      Order: z.enum(['ASCENDING', 'DESCENDING']),
    })
    .optional(),
  MaxResults: z.number().int().min(1).max(100).optional(),
  NextToken: z.string().min(1).max(100_000).optional(),
});
export type SearchContactsInput = z.input<typeof SearchInput>;

/** SearchContacts' request as the store's query. */
export function toContactQuery(req: z.output<typeof SearchInput>): ContactQuery {
  const c = req.SearchCriteria ?? {};
  const field = (t: string): ContactTimeField => TIME_TYPES[t] ?? 'initiation';
  const extra = c.AdditionalTimeRange;
  if (extra && extra.MatchType !== 'MATCH_ALL' && extra.Criteria.length > 1)
    throw invalidParameter(
      'SearchCriteria.AdditionalTimeRange.MatchType',
      'only MATCH_ALL is supported for more than one criterion',
    );
  const attrs = c.SearchableContactAttributes;
  if (attrs?.MatchType && attrs.MatchType !== 'MATCH_ALL' && attrs.MatchType !== 'MATCH_ANY')
    throw invalidParameter(
      'SearchCriteria.SearchableContactAttributes.MatchType',
      'must be MATCH_ALL or MATCH_ANY',
    );
  const sortField = req.Sort?.FieldName ?? 'INITIATION_TIMESTAMP';
  return {
    timeRange: {
      field: field(req.TimeRange.Type),
      start: req.TimeRange.StartTime,
      end: req.TimeRange.EndTime,
    },
    ...(c.Channels && { channels: c.Channels }),
    ...(c.InitiationMethods && { initiationMethods: c.InitiationMethods }),
    ...(c.QueueIds && { queueIds: c.QueueIds.map(idFromIdOrArn) }),
    ...(c.AgentIds && { agentIds: c.AgentIds.map(idFromIdOrArn) }),
    ...(c.States && { states: c.States }),
    ...(c.Name && { name: { texts: c.Name.SearchText, match: c.Name.MatchType } }),
    ...(extra && {
      moreRanges: extra.Criteria.flatMap((x) =>
        x.TimeRange
          ? [{ field: field(x.TimeRange.Type), start: x.TimeRange.StartTime, end: x.TimeRange.EndTime }]
          : [],
      ),
      timestamps: extra.Criteria.flatMap((x) =>
        x.TimestampCondition
          ? [
              {
                field: field(x.TimestampCondition.Type),
                exists: x.TimestampCondition.ConditionType === 'EXISTS',
              },
            ]
          : [],
      ),
    }),
    ...(attrs && {
      attributes: {
        criteria: attrs.Criteria.map((x) => ({ key: x.Key, values: x.Values })),
        match: attrs.MatchType === 'MATCH_ANY' ? 'MATCH_ANY' : 'MATCH_ALL',
      },
    }),
    sort: {
      field:
        sortField === 'INITIATION_METHOD'
          ? 'initiationMethod'
          : sortField === 'CHANNEL'
            ? 'channel'
            : field(sortField),
      descending: req.Sort ? req.Sort.Order === 'DESCENDING' : true,
    },
  };
}

export function contactQueryService(deps: ServiceDeps) {
  const { store } = deps;
  return {
    /** DescribeContact. */
    async describe(instanceId: string, contactId: string): Promise<Contact> {
      await requireInstance(store.repos, instanceId);
      const id = idFromIdOrArn(validate(z.string().min(1).max(256), contactId));
      const contact = await store.repos.contacts.get(instanceId, id);
      if (!contact) throw notFound('Contact', id, 'ContactId');
      return contact;
    },

    /** The contact's timeline: every change, oldest first (contact details). */
    async timeline(instanceId: string, contactId: string): Promise<ContactEvent[]> {
      const contact = await this.describe(instanceId, contactId);
      return store.repos.contacts.events(instanceId, contact.Id);
    },

    /** Linked contacts (contact details): the call a task was made from and back (C1), transfer segments. */
    async linked(instanceId: string, contactId: string): Promise<Contact[]> {
      const contact = await this.describe(instanceId, contactId);
      return store.repos.contacts.linked(instanceId, contact.Id);
    },

    /** SearchContacts: a page of matches (newest first unless sorted otherwise) and how many match in all. */
    async search(
      instanceId: string,
      input: SearchContactsInput,
      acting?: { userId: string },
    ): Promise<ListResult<Contact> & { totalCount: number }> {
      const req = validate(SearchInput, input);
      await requireInstance(store.repos, instanceId);
      const query = toContactQuery(req);
      // P3: a person searches with ContactSearch.View; with only MyContacts.View, among their own contacts.
      if (acting) {
        const scope = requireContactSearch(await actorOf(store.repos, instanceId, acting.userId));
        if (scope === 'MINE') query.agentIds = [acting.userId];
      }
      let totalCount = 0;
      const page = await listPage(
        `contacts:${instanceId}:${JSON.stringify(query)}`.slice(0, 2000),
        req,
        100,
        async (p) => {
          const found = await store.repos.contacts.search(instanceId, query, p);
          totalCount = found.total;
          return found.items;
        },
      );
      return { ...page, totalCount };
    },
  };
}
export type ContactQueryService = ReturnType<typeof contactQueryService>;
