/**
 * The tags audiences name. An audience over a tag the site does not have would select nobody
 * (or, under `neq`, everybody) without saying why, so unknown tags are refused when an
 * expression is saved or previewed, and a tag cannot be deleted while an audience uses it.
 */
import type Database from 'better-sqlite3';
import { listAudiences } from '../storage/sqlite/analytics/audiences/audience-store.js';
import { listTags } from '../storage/sqlite/analytics/tags/tag-store.js';
import { tagRefs, type Expression } from './audience-expression.js';

/** One problem, with its JSON pointer inside the request body. */
export interface TagIssue {
  path: string;
  message: string;
  expected: string;
}

/** Issues for every tag condition of `expression` naming a tag `site` does not have. */
export function unknownTagIssues(db: Database.Database, site: string, expression: Expression, at = '/expression'): TagIssue[] {
  const known = new Set(listTags(db, site).map((t) => t.id));
  return tagRefs(expression, at)
    .filter((r) => !known.has(r.tag))
    .map((r) => ({ path: r.path, message: `site "${site}" has no tag "${r.tag}"`, expected: `a tag id from GET /v1/tags?site=${site}` }));
}

/** Ids of the site's audiences whose expression reads `tagId`. */
export function audiencesUsingTag(db: Database.Database, site: string, tagId: string): string[] {
  return listAudiences(db, site).filter((a) => tagRefs(a.definition.expression).some((r) => r.tag === tagId)).map((a) => a.id);
}
