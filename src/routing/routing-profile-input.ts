/** The request shapes of the routing-profile operations and the rules on their queue-channel pairs. */
import { z } from 'zod';
import { Channel, IdOrArn, MaxResults, idFromIdOrArn, invalidParameter, type Limits } from '../core/index.js';
import type {
  MediaConcurrency,
  RoutingProfileQueueConfig,
  RoutingProfileQueueReference,
} from '../store/ports/index.js';

export const Name = z.string().min(1).max(127);
export const Description = z.string().min(1).max(250);
export const BehaviorType = z.enum(['ROUTE_CURRENT_CHANNEL_ONLY', 'ROUTE_ANY_CHANNEL']);
export const AgentAvailabilityTimer = z.enum(['TIME_SINCE_LAST_ACTIVITY', 'TIME_SINCE_LAST_INBOUND']);
export const QueueReference = z.object({ QueueId: IdOrArn, Channel });
export const QueueConfigs = z
  .array(
    z.object({
      QueueReference,
      Priority: z.number().int().min(1).max(99),
      Delay: z.number().int().min(0).max(9999),
    }),
  )
  .min(1)
  .max(10);
export const QueueReferences = z.array(QueueReference).min(1).max(10);
/** Manual-assignment queues are not served by Tsunagi's routing: refused rather than silently dropped. */
export const ManualAssignment = z
  .unknown()
  .refine((v) => v === undefined, 'manual assignment queues are not supported')
  .optional();
export const ListInput = z.object({
  NextToken: z.string().optional(),
  MaxResults: MaxResults(1000).optional(),
});
export const ListQueuesInput = z.object({
  NextToken: z.string().optional(),
  MaxResults: MaxResults(100).optional(),
});

/**
 * MediaConcurrencies (rules S1, S2): each channel at most once; VOICE exactly 1, the others
 * 1..limits.taskConcurrencyMax; CrossChannelBehavior defaults to ROUTE_CURRENT_CHANNEL_ONLY and is stored.
 */
export function mediaConcurrencies(limits: Limits) {
  return z
    .array(
      z.object({
        Channel,
        Concurrency: z.number().int().min(1),
        CrossChannelBehavior: z.object({ BehaviorType }).optional(),
      }),
    )
    .min(1)
    .max(Channel.options.length)
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((m, i) => {
        if (seen.has(m.Channel))
          ctx.addIssue({ code: 'custom', path: [i, 'Channel'], message: `${m.Channel} is listed twice` });
        seen.add(m.Channel);
        const max = m.Channel === 'VOICE' ? 1 : limits.taskConcurrencyMax;
        if (m.Concurrency > max)
          ctx.addIssue({
            code: 'custom',
            path: [i, 'Concurrency'],
            message:
              m.Channel === 'VOICE'
                ? 'VOICE concurrency must be exactly 1'
                : `${m.Channel} concurrency must be 1..${max}`,
          });
      });
    })
    .transform((list): MediaConcurrency[] =>
      list.map((m) => ({
        Channel: m.Channel,
        Concurrency: m.Concurrency,
        CrossChannelBehavior: {
          BehaviorType: m.CrossChannelBehavior?.BehaviorType ?? 'ROUTE_CURRENT_CHANNEL_ONLY',
        },
      })),
    );
}

export const pairKey = (r: RoutingProfileQueueReference) => `${r.QueueId}/${r.Channel}`;
export const pairText = (r: RoutingProfileQueueReference) => `queue ${r.QueueId} on channel ${r.Channel}`;

/** Resolves ids and ARNs of the request's pairs; a pair listed twice in one request is refused. */
export function uniquePairs<T extends { QueueReference: z.output<typeof QueueReference> }>(
  items: T[],
  field: string,
): (T & RoutingProfileQueueReference)[] {
  const seen = new Set<string>();
  return items.map((item, i) => {
    const pair = {
      ...item,
      QueueId: idFromIdOrArn(item.QueueReference.QueueId),
      Channel: item.QueueReference.Channel,
    };
    if (seen.has(pairKey(pair)))
      throw invalidParameter(`${field}[${i}].QueueReference`, `${pairText(pair)} is listed twice`);
    seen.add(pairKey(pair));
    return pair;
  });
}

/** Pairs that must already be in the profile (update, disassociate). */
export function requireAssociated<T extends RoutingProfileQueueReference>(
  pairs: T[],
  existing: RoutingProfileQueueConfig[],
  field: string,
): T[] {
  const associated = new Set(existing.map(pairKey));
  pairs.forEach((p, i) => {
    if (!associated.has(pairKey(p)))
      throw invalidParameter(`${field}[${i}]`, `${pairText(p)} is not in the routing profile`);
  });
  return pairs;
}
