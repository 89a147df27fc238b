export { openStore, isPostgresUrl, type StoreOptions } from './open.js';
export { migrateToLatest } from './migrate.js';
