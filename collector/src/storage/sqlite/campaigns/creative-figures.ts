import type Database from 'better-sqlite3';
import { fileURLToPath } from 'node:url';
import type { Money } from '../analytics/channels/get-breakdown.js';
import { preparedStatement } from '../analytics/channels/prepare-cached.js';

const DIR = fileURLToPath(new URL('./', import.meta.url));

/** Figures of one creative (utm_content) of a campaign. */
export interface CreativeRow {
  content: string;
  sessions: number;
  users: number;
  conversions: number;
  convertingSessions: number;
  revenue: Money[];
}

/**
 * Sessions, users, conversions and revenue per utm_content among the sessions of `campaigns`
 * that started in `[from, to)`. Kept here until the breakdown report offers utm_content.
 */
export function getCreativeFigures(db: Database.Database, q: { site: string; from: number; to: number; campaigns: readonly string[] }): CreativeRow[] {
  const p = { site: q.site, from: q.from, to: q.to, campaigns: JSON.stringify(q.campaigns) };
  const revenue = preparedStatement(db, DIR, 'creative-revenue').all(p) as (Money & { content: string })[];
  return (preparedStatement(db, DIR, 'creative-groups').all(p) as { content: string; sessions: number; users: number; conversions: number; converting_sessions: number }[])
    .map((r) => ({
      content: r.content, sessions: r.sessions, users: r.users, conversions: r.conversions, convertingSessions: r.converting_sessions,
      revenue: revenue.filter((m) => m.content === r.content).map(({ currency, amount }) => ({ currency, amount })).sort((a, b) => a.currency.localeCompare(b.currency)),
    }));
}
