SELECT campaign_id, version, created_at, trigger, json FROM campaign_reviews WHERE campaign_id = @campaign_id AND version = @version
