/**
 * A saved audience as the API accepts it: names, the expression, a holdout (control group) and
 * the activation policy (which identities may leave the collector, consent, a webhook).
 */
import { z } from 'zod';
import { AudienceExpression } from './audience-expression.js';
import { Bilingual, DefinitionId } from './tag-schema.js';

/** Which consent a person needs to be exported or triggered. */
export const ConsentPolicy = z.enum(['granted', 'not_withdrawn']).meta({
  description: 'granted: only persons whose latest consent statement is true (default); not_withdrawn: also persons who never said. Anyone whose latest statement is false is never exported or triggered.',
});

/** A signed webhook: the body is signed with HMAC-SHA256 (X-Maidian-Signature). */
export const Webhook = z.object({
  url: z.url({ protocol: /^https?$/ }).meta({ description: 'http(s) URL that receives the POST' }),
  secret: z.string().min(16, 'the secret must be at least 16 characters').max(256),
}).strict();

/** Identity types an export may contain. Phone and email leave only as their stored sha256: hashes. */
const IdentityType = z.string().min(1).max(64).regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an identity type such as phone, email, unionid, openid');

export const Activation = z.object({
  identities: z.array(IdentityType).max(20).default([]).meta({ description: 'Identity types exported besides the person id (e.g. phone, email as sha256: hashes, unionid)' }),
  consent: ConsentPolicy.default('granted'),
  webhook: Webhook.optional(),
}).strict();

export const Holdout = z.object({
  share: z.number().min(0).max(0.5).meta({ description: 'Share of members kept as a control group, never exported (0 to 0.5)' }),
  seed: z.string().min(1).max(128).meta({ description: 'Seed of the assignment: a person is in the holdout when hash(person id, seed) < share' }),
}).strict();

/** An audience as stored. */
export const AudienceDefinition = z.object({
  name: Bilingual,
  description: Bilingual,
  expression: AudienceExpression,
  holdout: Holdout.optional(),
  activation: Activation.default({ identities: [], consent: 'granted' }),
}).strict().meta({ title: 'AudienceDefinition' });

/** Body of `POST /v1/audiences` (create, or a new definition for an existing id). */
export const SaveAudienceBody = z.object({ site: z.string().min(1), id: DefinitionId, ...AudienceDefinition.shape }).strict().meta({ title: 'SaveAudience' });
/** Body of `POST /v1/audiences/preview`. */
export const PreviewAudienceBody = z.object({ site: z.string().min(1), expression: AudienceExpression }).strict().meta({ title: 'PreviewAudience' });

export type AudienceDefinition = z.infer<typeof AudienceDefinition>;
export type ConsentPolicy = z.infer<typeof ConsentPolicy>;
export type Webhook = z.infer<typeof Webhook>;
