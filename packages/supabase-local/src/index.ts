// The front door of the local Supabase platform. Products import only this module (and
// `supabase-local/testing` in their tests); everything else in src/ is internal.
export { type BackupSummary, backedUpSequences, backedUpTables, restoreBackup, writeBackup } from './backup';
export { apiUrl, dbUrl, loadConfig, type StackConfig } from './config';
export { freePort, freeStackPorts } from './free-port';
export { signAccessToken, signJwt } from './jwt';
export { ANON_KEY, JWT_SECRET, PUBLISHABLE_KEY, SECRET_KEY, SERVICE_ROLE_KEY } from './keys';
export { applyBootstrap, listMigrations, type MigrationFile, migrate, rollback, seed } from './migrations';
export { percentile } from './percentile';
export type { RealtimeControl } from './realtime/restartable';
export { type RunningStack, type StartStackOptions, startStack } from './stack';
export { type StackProcess, type StackProcessOptions, startStackProcess } from './stack-process';
export { generateDatabaseTypes, writeDatabaseTypes } from './types-gen';
