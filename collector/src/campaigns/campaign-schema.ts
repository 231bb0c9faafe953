/** A campaign as users write it (JSON over the API) and as it is stored. */
import { z } from 'zod';

const Day = z.iso.date().meta({ description: 'YYYY-MM-DD, a day in the site time zone' });

/** The body of `POST /v1/campaigns` and `PUT /v1/campaigns/:id`. */
export const CampaignSchema = z.object({
  site: z.string().min(1).max(64),
  name: z.string().min(1).max(200),
  utm_campaigns: z.array(z.string().min(1).max(200)).min(1).max(50)
    .meta({ description: 'The utm_campaign values of the campaign’s links (matched exactly, as sent)' }),
  start: Day.meta({ description: 'First day (inclusive)' }),
  end: Day.meta({ description: 'Last day (inclusive); the review is written when it is over' }),
  budget: z.number().nonnegative().optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as CNY').default('CNY'),
  goal_conversions: z.number().int().nonnegative().optional(),
  target_roi: z.number().optional().meta({ description: 'Target ROI as a ratio: 1.5 means revenue − cost = 1.5 × cost' }),
  funnel_id: z.string().min(1).max(100).optional().meta({ description: 'A saved funnel to include in the review' }),
}).strict().refine((c) => c.end >= c.start, { message: 'end must not be before start', path: ['end'] });

export type CampaignDefinition = z.infer<typeof CampaignSchema>;

/** A stored campaign. */
export interface Campaign extends CampaignDefinition {
  id: string;
  /** The site's IANA time zone when the campaign was saved: its days are cut there. */
  timezone: string;
  createdAt: number;
  updatedAt: number;
}
