SELECT campaign_id, version, created_at, trigger FROM campaign_reviews WHERE campaign_id = @campaign_id ORDER BY version
