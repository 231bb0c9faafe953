/**
 * The AIPL model (Awareness → Interest → Purchase → Loyalty, Alibaba's customer-lifecycle
 * stages) as data: which behaviour puts a person in which stage. Sites will be able to override
 * the rules in their config; the schema below is what such an override must satisfy.
 */
import { z } from 'zod';
import { NAME_PATTERN } from '../../../../dictionary/events.js';

const Events = z.array(z.string().max(64).regex(NAME_PATTERN)).min(1).max(50);

/** The rules of the four stages. A person counts once, at the highest stage reached. */
export const AiplRulesSchema = z
  .object({
    awareness: z.object({ events: Events.meta({ description: 'Any of these events in the range' }) }).strict(),
    interest: z
      .object({
        events: Events.meta({ description: 'Any of these engagement events in the range…' }),
        minSessions: z.number().int().min(1).meta({ description: '…or at least this many sessions in the range' }),
      })
      .strict(),
    purchase: z.object({ minConversions: z.number().int().min(1).meta({ description: 'Counted conversions in the range' }) }).strict(),
    loyalty: z
      .object({
        minConversions: z.number().int().min(2).meta({ description: 'Counted conversions in the range…' }),
        minMonths: z.number().int().min(2).meta({ description: '…or conversions in at least this many calendar months…' }),
        lookbackDays: z.number().int().min(28).max(1096).meta({ description: '…within this many days before the end of the range' }),
      })
      .strict(),
  })
  .strict();

export type AiplRules = z.infer<typeof AiplRulesSchema>;

/**
 * The defaults. Awareness: a page view. Interest: a click, a product view, an add to cart or a
 * signup, or two sessions. Purchase: one counted conversion. Loyalty: two conversions in the
 * range, or conversions in two different calendar months of the last year (a repeat customer
 * whose purchases the range alone would not show).
 */
export const DEFAULT_AIPL_RULES: AiplRules = {
  awareness: { events: ['page_view'] },
  interest: { events: ['click', 'view_product', 'add_to_cart', 'signup'], minSessions: 2 },
  purchase: { minConversions: 1 },
  loyalty: { minConversions: 2, minMonths: 2, lookbackDays: 365 },
};

/** The stages, lowest first; `none` holds active persons that meet no rule. */
export const AIPL_STAGES = [
  { id: 'none', name: { en: 'No stage', zh: '未分层' } },
  { id: 'awareness', name: { en: 'Awareness', zh: '认知' } },
  { id: 'interest', name: { en: 'Interest', zh: '兴趣' } },
  { id: 'purchase', name: { en: 'Purchase', zh: '购买' } },
  { id: 'loyalty', name: { en: 'Loyalty', zh: '忠诚' } },
] as const;

export type AiplStageId = (typeof AIPL_STAGES)[number]['id'];
