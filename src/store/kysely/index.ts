export { openStore, migrateToLatest, isPostgresUrl, type StoreOptions } from './open.js';
