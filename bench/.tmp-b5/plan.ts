import { openStore } from '../../src/store/kysely/index.js';
import { sql } from 'kysely';
const store = await openStore({ database: ':memory:' });
for (const q of [
 `select count(*) as n from contacts where instance_id = 'x' and channel = 'TASK' and state not in ('ENDED','EXPIRED')`,
 `select max(contact_events.seq) as seq from contact_events inner join contacts on contacts.id = contact_events.contact_id where contacts.instance_id = 'x' and contact_events.contact_id = 'y'`,
 `delete from timers where instance_id = 'x' and contact_id = 'y' and kind = 'deliver'`,
 `delete from timers where instance_id = 'x' and id = 'y'`,
]) { const r = await sql.raw(`explain query plan ${q}`).execute(store.db); console.log(q, '\n', r.rows); }
await store.close();
