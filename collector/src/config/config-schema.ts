/**
 * The collector's configuration file (`maidian.config.json`): the sites it collects for, who may
 * read reports, and privacy settings. Validated with zod so a mistake is reported with its place.
 */
import { z } from 'zod';
import { SessionOptionsSchema } from '../analytics/sessions/session-options.js';
import { ChannelRulesOverride } from '../channels/channel-rules-override.js';
import { AiplRulesSchema } from '../storage/sqlite/analytics/aipl/aipl-rules.js';
import { TOKEN_HASH_PATTERN } from '../security/token-hash.js';
import { isTimeZone } from '../time/zoned-time.js';

const Token = z.string().min(16, 'tokens must be at least 16 characters, so they cannot be guessed');
const TokenHash = z.string().regex(TOKEN_HASH_PATTERN, 'a token hash is "sha256:" and 64 lowercase hex digits; "maidian-collector hash-token" prints one');
const oneSecret = (t: { token?: string; tokenHash?: string }) => (t.token === undefined) !== (t.tokenHash === undefined);
const ONE_SECRET = { message: 'give exactly one of "token" (plain) or "tokenHash" (sha256:<hex>)' };

/** A rate limit: at most `limit` requests per `windowSeconds`. */
export const RateLimit = z.object({ limit: z.number().int().positive(), windowSeconds: z.number().int().positive().max(3600) }).strict();

/** One site the collector accepts events for. */
export const SiteConfig = z
  .object({
    id: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'site ids use letters, digits, _ and -'),
    name: z.string().min(1),
    /** The site's own hosts: referrers from them are internal, not traffic sources. */
    hosts: z.array(z.string().min(1)).default([]),
    /** Write keys accepted in the batch body; empty or absent = no key required. */
    writeKeys: z.array(z.string().min(1)).default([]),
    /** Browser origins allowed to send events (CORS); "*" allows any. */
    allowedOrigins: z.array(z.string().min(1)).default([]),
    /** Path to the site dictionary JSON, relative to the config file. */
    dictionary: z.string().min(1),
    /** IANA time zone in which the site's reports cut days. */
    timezone: z.string().refine(isTimeZone, { message: 'not an IANA time zone (e.g. "Asia/Shanghai", "UTC")' }).default('UTC'),
    /** Secret mixed into hashed phone numbers and emails. */
    salt: z.string().min(16, 'the salt must be at least 16 characters'),
    /** How server sessions are cut for this site (defaults follow GA4: 30 min idle, no campaign split). */
    sessions: SessionOptionsSchema.optional(),
    /** The site's own channel rules and source categories, applied before the GA4 defaults (docs/channels.md). */
    channels: ChannelRulesOverride.optional(),
    /** The site's AIPL stage rules (docs/funnels.md); default: page view, engagement events, one and two conversions. */
    aipl: AiplRulesSchema.optional(),
    /** Days of data to keep (events, sessions, quarantine, per-person rows); absent = keep forever. */
    retentionDays: z.number().int().min(1, 'keep at least 1 day').max(36500).optional(),
  })
  .strict();

/** A token allowed to read reports of some sites ("*" = all); stored plain or hashed. */
export const ReadToken = z
  .object({
    token: Token.optional(),
    tokenHash: TokenHash.optional(),
    sites: z.union([z.literal('*'), z.array(z.string().min(1)).min(1)]),
  })
  .strict()
  .refine(oneSecret, ONE_SECRET);

/** An administrative token, plain or hashed. Several may be valid at once (rotation). */
export const AdminToken = z.object({ token: Token.optional(), tokenHash: TokenHash.optional() }).strict().refine(oneSecret, ONE_SECRET);

/** The whole configuration file. */
export const CollectorConfig = z
  .object({
    sites: z.array(SiteConfig).min(1),
    readTokens: z.array(ReadToken).default([]),
    /** Token for administrative calls (quarantine replay); also reads every site. */
    adminToken: Token.optional(),
    /** More admin tokens (plain or hashed), valid beside adminToken: add the new one, then retire the old. */
    adminTokens: z.array(AdminToken).default([]),
    /**
     * Request rate limits (429 + Retry-After). perIp counts ingest requests per client address
     * (loopback peers are exempt: without trustProxy they are a local proxy's many clients);
     * perSite counts ingest requests per site. false switches a limit off.
     */
    rateLimits: z
      .object({
        perIp: z.union([RateLimit, z.literal(false)]).default({ limit: 1200, windowSeconds: 60 }),
        perSite: z.union([RateLimit, z.literal(false)]).default(false),
      })
      .strict()
      .default({ perIp: { limit: 1200, windowSeconds: 60 }, perSite: false }),
    ip: z
      .object({
        /** truncate: zero the host part (IPv4 /24, IPv6 /48); drop: store no IP at all. */
        anonymize: z.enum(['truncate', 'drop']).default('truncate'),
      })
      .strict()
      .default({ anonymize: 'truncate' }),
    /** Express "trust proxy" setting; only set it behind a proxy you run, else clients spoof IPs. */
    trustProxy: z.union([z.boolean(), z.number().int().nonnegative(), z.string()]).default(false),
  })
  .strict()
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.sites.forEach((site, i) => {
      if (seen.has(site.id)) ctx.addIssue({ code: 'custom', path: ['sites', i, 'id'], message: `site id "${site.id}" appears twice` });
      seen.add(site.id);
    });
  });

export type SiteConfig = z.infer<typeof SiteConfig>;
export type ReadToken = z.infer<typeof ReadToken>;
export type CollectorConfig = z.infer<typeof CollectorConfig>;
/** The configuration as written in the file (defaults not yet applied). */
export type CollectorConfigInput = z.input<typeof CollectorConfig>;
