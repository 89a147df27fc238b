/**
 * What B8 reads straight from the server's SQLite file (read-only, while the server runs): the contacts as
 * stored, and per contact the timeline entries that count deliveries — `DELIVERED` (a scheduled task's flow
 * started at its time: SCHEDULED → IN_FLOW) and `FLOW_STARTED` with slot `main` (any task's own flow started).
 */
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';

// The driver the store uses on this Node (src/store/kysely/open.ts).
const require = createRequire(import.meta.url);
const SQLite = require(
  Number(process.versions.node.split('.')[0]) >= 22 ? 'better-sqlite3-napi' : 'better-sqlite3',
) as typeof BetterSqlite3;

export interface StoredContact {
  id: string;
  name: string;
  state: string;
  scheduledTs: number | null;
  offeredTs: number | null;
  agentId: string | null;
}

export interface Timeline {
  /** DELIVERED entries (a scheduled task's delivery), and when the first one was written. */
  delivered: number;
  firstDeliveredTs: number | null;
  /** FLOW_STARTED entries of the contact's own flow (slot main). */
  flowStarts: number;
}

export interface AgentRow {
  username: string;
  missed: boolean;
}

export interface StoreSnapshot {
  contacts: Map<string, StoredContact>;
  /** Contact ids by name (B8 names every task after its ClientToken). */
  byName: Map<string, string[]>;
  timelines: Map<string, Timeline>;
  agents: AgentRow[];
  /**
   * MISSED timeline entries: offers that went back to their queue unanswered. B8's agents answer every offer at
   * once, well within the offer timeout, so these are the offers in flight at a kill that recovery put back.
   */
  missed: number;
}

/** Everything B8 checks, read in one read transaction (one consistent view of the file). */
export function readStore(file: string): StoreSnapshot {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    return db.transaction(() => {
      const contacts = new Map<string, StoredContact>();
      const byName = new Map<string, string[]>();
      const rows = db
        .prepare(
          `select id, name, state, scheduled_ts as scheduledTs, offered_ts as offeredTs, agent_id as agentId
             from contacts where channel = 'TASK'`,
        )
        .all() as StoredContact[];
      for (const c of rows) {
        contacts.set(c.id, c);
        const same = byName.get(c.name);
        if (same) same.push(c.id);
        else byName.set(c.name, [c.id]);
      }
      const timelines = new Map<string, Timeline>();
      const counted = db
        .prepare(
          `select contact_id as id,
                  sum(case when type = 'DELIVERED' then 1 else 0 end) as delivered,
                  min(case when type = 'DELIVERED' then ts end) as firstDeliveredTs,
                  sum(case when type = 'FLOW_STARTED' and json_extract(detail_json, '$.slot') = 'main'
                      then 1 else 0 end) as flowStarts
             from contact_events where type in ('DELIVERED', 'FLOW_STARTED') group by contact_id`,
        )
        .all() as ({ id: string } & Timeline)[];
      for (const { id, ...t } of counted) timelines.set(id, t);
      const agents = (
        db
          .prepare(
            `select u.username as username, a.missed as missed
               from agent_states a join users u on u.id = a.user_id`,
          )
          .all() as { username: string; missed: number }[]
      ).map((a) => ({ username: a.username, missed: a.missed === 1 }));
      const missed = (
        db.prepare(`select count(*) as n from contact_events where type = 'MISSED'`).get() as { n: number }
      ).n;
      return { contacts, byName, timelines, agents, missed };
    })();
  } finally {
    db.close();
  }
}

export const ACTIVE = new Set(['INITIATED', 'SCHEDULED', 'IN_FLOW', 'QUEUED', 'OFFERED', 'CONNECTED', 'ACW']);
