import type { Migration } from 'kysely';
import * as m0001 from './0001_configuration.js';
import * as m0002 from './0002_contacts.js';
import * as m0003 from './0003_contact_links.js';
import * as m0004 from './0004_access_keys.js';
import * as m0005 from './0005_sessions.js';
import * as m0006 from './0006_contact_search_index.js';

/** Every migration, in order. A new one is added at the end, never edited once released. */
export const migrations: Record<string, Migration> = {
  '0001_configuration': m0001,
  '0002_contacts': m0002,
  '0003_contact_links': m0003,
  '0004_access_keys': m0004,
  '0005_sessions': m0005,
  '0006_contact_search_index': m0006,
};
