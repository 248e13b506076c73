import path from 'node:path';
import { stackGlobalSetup } from 'supabase-local/testing';

// The product's database tests run on one fresh stack with this repository's migrations and seed.
export default stackGlobalSetup({
  supabaseDir: path.resolve(import.meta.dirname, '../..'),
  name: 'tale-forge-db',
});
