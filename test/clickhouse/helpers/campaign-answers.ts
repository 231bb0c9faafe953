/**
 * The campaign side of the engine equivalence test: two campaigns of the seeded month are created
 * over HTTP, the later one is reviewed on demand, and the review is read back as JSON. Run after
 * alertAnswers: the review includes the saved funnel and the alerts fired in its period. Ids and
 * wall-clock times are left out, since they differ between any two collectors.
 */
import { expect } from 'vitest';
import { ADMIN_TOKEN, READ_TOKEN, type ClickHouseTestCollector, type TestCollector } from '../../collector/helpers/test-collector.js';

const CAMPAIGNS = [
  { name: 'Newsletter days', utm_campaigns: ['brand', 'march-news'], start: '2026-03-01', end: '2026-03-02', currency: 'CNY' },
  {
    // Its period holds the spring ad spend of March 3 (the equivalence test's ad costs).
    name: 'Spring launch', utm_campaigns: ['spring', 'launch'], start: '2026-03-03', end: '2026-03-16', currency: 'CNY',
    budget: 500, goal_conversions: 10, target_roi: 1, funnel_id: 'checkout',
  },
];

/** The review of the later campaign (its previous one is the first), without ids and times. */
export async function campaignAnswers(c: TestCollector | ClickHouseTestCollector): Promise<Record<string, unknown>> {
  const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
  let id = '';
  for (const campaign of CAMPAIGNS) {
    const res = await c.post('/v1/campaigns', { site: 'shop', ...campaign }, admin);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    id = res.body.id;
  }
  const written = await c.post(`/v1/campaigns/${id}/review`, {}, admin);
  expect(written.status, JSON.stringify(written.body)).toBe(201);
  const review = await c.get(written.body.json, READ_TOKEN);
  expect(review.status).toBe(200);
  const html = await c.get(written.body.html, READ_TOKEN);
  expect(html.status).toBe(200);
  expect(html.body).toContain('Spring launch');
  const { generatedAt: _g, campaign, alerts, previous, ...rest } = review.body;
  const { id: _i, createdAt: _c, updatedAt: _u, ...definition } = campaign;
  const { id: _p, ...previousFigures } = previous;
  return { ...rest, campaign: definition, previous: previousFigures, alerts: alerts.map(({ ruleId: _r, ...a }: Record<string, unknown>) => a) };
}
