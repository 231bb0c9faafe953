#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so the collector needs no build step.
import { register } from 'tsx/esm/api';

register();
await import(new URL('../src/cli.ts', import.meta.url).href);
