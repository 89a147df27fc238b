import type { Kysely } from 'kysely';
import type { ArnContext } from '../../../core/index.js';
import type { PhoneNumberRepo } from '../../ports/index.js';
import type { Database } from '../schema.js';

// Filled in by the piece that owns this resource.
export function createPhoneNumberRepo(_db: Kysely<Database>, _arns: ArnContext): PhoneNumberRepo {
  return {};
}
