#!/usr/bin/env node
// Runs the TypeScript cost importer through tsx, so it needs no build step.
import { register } from 'tsx/esm/api';

register();
const { runImportCosts } = await import(new URL('../src/costs/import-costs-cli.ts', import.meta.url).href);
process.exitCode = runImportCosts(process.argv.slice(2));
