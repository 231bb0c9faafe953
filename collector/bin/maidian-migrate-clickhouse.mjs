#!/usr/bin/env node
// Runs the TypeScript SQLite-to-ClickHouse copy through tsx, so it needs no build step.
import { register } from 'tsx/esm/api';

register();
const { runMigrateClickHouse } = await import(new URL('../src/import-clickhouse-cli.ts', import.meta.url).href);
process.exitCode = await runMigrateClickHouse(process.argv.slice(2));
