-- Campaigns that ended by @now and have no review written because they ended.
SELECT c.id, c.site, c.definition, c.created_at, c.updated_at FROM campaigns c
WHERE c.end_at <= @now
  AND NOT EXISTS (SELECT 1 FROM campaign_reviews r WHERE r.campaign_id = c.id AND r.trigger = 'ended')
ORDER BY c.end_at, c.id
