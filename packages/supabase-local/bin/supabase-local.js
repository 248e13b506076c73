#!/usr/bin/env node
// The CLI's entry point: the package ships TypeScript, so tsx's loader is registered before the CLI loads.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
