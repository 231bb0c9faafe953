-- The next version of a campaign's review; the primary key stops two writers from taking the same number.
INSERT INTO campaign_reviews (campaign_id, version, created_at, trigger, json)
SELECT @campaign_id, COALESCE(MAX(version), 0) + 1, @created_at, @trigger, @json
FROM campaign_reviews WHERE campaign_id = @campaign_id
RETURNING version
