import path from 'node:path';
import { stackGlobalSetup } from '../../src/testing/global-setup';

// The conformance tests run on a project of their own (test/project: config.toml, no migrations) with
// the fixtures applied as the superuser, so no conformance table ever lands in a product's database.
export default stackGlobalSetup({
  supabaseDir: path.resolve(import.meta.dirname, '../project/supabase'),
  fixturesDir: path.resolve(import.meta.dirname, '../fixtures'),
  seed: false,
  name: 'supabase-local-conformance',
});
