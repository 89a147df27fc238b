/**
 * B6's searches: SearchContacts requests (times in epoch ms, as the service takes them) that combine channel,
 * state, queue and an initiation time range, in a few shapes (variants) that differ by the range's length, the page
 * size and the order. The filter values of each sample are drawn from the population's own mix.
 */
import type { SearchContactsInput } from '../../src/contacts/queries.js';
import type { ContactChannel, ContactLifecycle } from '../../src/store/ports/index.js';
import { DAY, HOUR, pick, weighted, type Population } from './contacts.js';

export interface Variant {
  id: string;
  name: string;
  spanMs: number;
  maxResults: number;
  ascending: boolean;
}

export const VARIANTS: readonly Variant[] = [
  { id: '1h', name: '1-hour range, 25 a page, oldest first', spanMs: HOUR, maxResults: 25, ascending: true },
  { id: '1d', name: '1-day range, 25 a page', spanMs: DAY, maxResults: 25, ascending: false },
  { id: '30d', name: '30-day range, 100 a page', spanMs: 30 * DAY, maxResults: 100, ascending: false },
];

const CHANNEL_SETS: readonly (readonly [ContactChannel[], number])[] = [
  [['VOICE'], 35],
  [['CHAT'], 15],
  [['TASK'], 30],
  [['VOICE', 'CHAT'], 20],
];

const STATE_SETS: readonly (readonly [ContactLifecycle[], number])[] = [
  [['ENDED'], 50],
  [['ENDED', 'EXPIRED'], 10],
  [['QUEUED'], 10],
  [['QUEUED', 'CONNECTED', 'ACW'], 20],
  [['SCHEDULED'], 10],
];

/** One request of `variant`: the range placed at random (half of them within the last day), filters drawn. */
export function sampleRequest(rand: () => number, pop: Population, variant: Variant): SearchContactsInput {
  const span = Math.min(variant.spanMs, pop.days * DAY);
  const room = pop.days * DAY - span;
  const back = rand() < 0.5 ? rand() * Math.min(room, DAY) : rand() * room;
  const end = Math.floor(pop.now - back);
  const queues = Array.from({ length: rand() < 0.6 ? 1 : 2 + Math.floor(rand() * 2) }, () =>
    pick(rand, pop.queueIds),
  );
  return {
    TimeRange: { Type: 'INITIATION_TIMESTAMP', StartTime: end - span, EndTime: end },
    SearchCriteria: {
      Channels: weighted(rand, CHANNEL_SETS),
      States: weighted(rand, STATE_SETS),
      QueueIds: [...new Set(queues)],
    },
    Sort: { FieldName: 'INITIATION_TIMESTAMP', Order: variant.ascending ? 'ASCENDING' : 'DESCENDING' },
    MaxResults: variant.maxResults,
  };
}
