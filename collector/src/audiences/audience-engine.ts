/**
 * What tags and audiences compute over event data, as one interface both storage engines
 * implement; definitions, membership spells, sizes, exports and consent records stay in the
 * metadata database (`meta`), on SQLite and on ClickHouse alike. Every method that reads events
 * first brings derived sessions and persons up to date.
 */
import type Database from 'better-sqlite3';
import type { Expression } from './audience-expression.js';
import type { RefreshTagsOptions, TagRefresh } from './refresh-tags.js';
import type { TagDefinition } from './tag-schema.js';
import type { FunnelFilter } from '../storage/sqlite/analytics/funnels/funnel-definition.js';
import type { ConvertedPersonsQuery, IdentitiesOfPersonsQuery, PersonIdentity } from '../storage/sqlite/analytics/audiences/person-facts.js';

/** A person's value of one tag, with the tag's name and kind. */
export interface PersonTag {
  id: string;
  name: TagDefinition['name'];
  kind: TagDefinition['rule']['kind'];
  value: string;
  computedAt: string;
}

/** The scan of one trigger: its conditions and the range of event times it may act on. */
export interface TriggerScan {
  site: string;
  when: { event: string; filters?: FunnelFilter[] };
  unless?: { event: string; filters?: FunnelFilter[] };
  /** Events at or after this time (epoch ms)… */
  scanFrom: number;
  /** …and at or before this one: now minus the unless delay. */
  dueBefore: number;
  /** How long an unless event may follow and cancel (0 without one). */
  withinMs: number;
}

/** An event that may fire a trigger. */
export interface TriggerCandidate {
  personId: string;
  ts: number;
  id: string;
}

/** A person's latest consent statement made in an identify trait `consent`. */
export interface TraitConsent {
  personId: string;
  granted: boolean;
  ts: number;
}

export interface AudienceEngine {
  /** Recomputes the site's tags (all, or `o.tagIds`) and says what each run did. */
  refreshTags(site: string, o?: RefreshTagsOptions): Promise<TagRefresh[]>;
  /** Persons per value of a tag, most common first (at most 200 values). */
  tagDistribution(site: string, tagId: string): Promise<{ value: string; persons: number; computedAt: string }[]>;
  /** A person's tag values, by tag id. */
  personTags(site: string, personId: string): Promise<PersonTag[]>;
  /** Forgets the values of a tag whose definition was deleted. */
  dropTagValues(site: string, tagId: string): Promise<void>;
  /** The person ids an expression selects now, in byte order. */
  selectAudience(site: string, expression: Expression, now: number): Promise<string[]>;
  /** Those of `personIds` with a counted conversion (of `goal` when given) in `[from, to)`, sorted. */
  convertedPersons(q: ConvertedPersonsQuery): Promise<string[]>;
  /** The identities of these types owned by these persons, by person, type, most recently seen first. */
  identitiesOfPersons(q: IdentitiesOfPersonsQuery): Promise<PersonIdentity[]>;
  /** Each listed person's latest consent statement in identify traits (persons without one left out). */
  traitConsent(site: string, personIds: readonly string[]): Promise<TraitConsent[]>;
  /**
   * Human events of a person that match `when` in the scan’s range and
   * that no `unless` event of the same person followed within `withinMs`; by person, time, id.
   */
  triggerCandidates(q: TriggerScan): Promise<TriggerCandidate[]>;
}

/** What the tag and audience features read and write. */
export interface AudienceData {
  /** The metadata database: tag and audience definitions, spells, sizes, exports, consent records. */
  meta: Database.Database;
  engine: AudienceEngine;
}
