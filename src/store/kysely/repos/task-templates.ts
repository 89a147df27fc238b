import type { Kysely } from 'kysely';
import type { ArnContext } from '../../../core/index.js';
import type { TaskTemplateRepo } from '../../ports/index.js';
import type { Database } from '../schema.js';

// Filled in by the piece that owns this resource.
export function createTaskTemplateRepo(_db: Kysely<Database>, _arns: ArnContext): TaskTemplateRepo {
  return {};
}
