/** Tags and audiences over the embedded SQLite engine: the event data and the metadata in one file. */
import type Database from 'better-sqlite3';
import { refreshDerived } from '../../../../analytics/sessions/refresh-derived.js';
import type { AudienceData, AudienceEngine, TraitConsent } from '../../../../audiences/audience-engine.js';
import { refreshTags } from '../../../../audiences/refresh-tags.js';
import { personTags, tagDistribution } from '../tags/tag-store.js';
import { audienceSql } from './audience-store.js';
import { selectAudience } from './compile-expression.js';
import { convertedPersons, identitiesOfPersons } from './person-facts.js';
import { triggerCandidates } from './scan-trigger.js';

export function sqliteAudienceEngine(db: Database.Database): AudienceEngine {
  return {
    refreshTags: async (site, o) => refreshTags(db, site, o),
    tagDistribution: async (site, tagId) => tagDistribution(db, site, tagId),
    personTags: async (site, personId) => {
      refreshDerived(db, site);
      return personTags(db, site, personId);
    },
    // deleteTag removes the values with the definition, in one transaction.
    dropTagValues: async () => {},
    selectAudience: async (site, expression, now) => {
      refreshDerived(db, site);
      return selectAudience(db, site, expression, now);
    },
    convertedPersons: async (q) => {
      refreshDerived(db, q.site);
      return convertedPersons(db, q);
    },
    identitiesOfPersons: async (q) => {
      refreshDerived(db, q.site);
      return identitiesOfPersons(db, q);
    },
    traitConsent: async (site, personIds) => {
      refreshDerived(db, site);
      const rows = audienceSql(db, 'trait-consent').all({ site, persons: JSON.stringify(personIds) }) as { personId: string; granted: number; ts: number }[];
      return rows.map((r): TraitConsent => ({ personId: r.personId, granted: r.granted === 1, ts: r.ts }));
    },
    triggerCandidates: async (q) => {
      refreshDerived(db, q.site);
      return triggerCandidates(db, q);
    },
  };
}

/** Audience data on the embedded SQLite engine: metadata and events in one database. */
export function sqliteAudienceData(db: Database.Database): AudienceData {
  return { meta: db, engine: sqliteAudienceEngine(db) };
}
