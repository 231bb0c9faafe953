-- Engaged sessions (GA4 rule, column `engaged` of the derived sessions) that started in
-- [@from, @to), humans only, optionally narrowed to one session dimension @dim = @value.
-- Same session population as the breakdown report (channels/session-groups.sql).
SELECT COUNT(*) AS sessions, COALESCE(SUM(engaged), 0) AS engaged
FROM sessions
WHERE site = @site AND start_ts >= @from AND start_ts < @to AND is_bot = 0 AND too_long = 0
  AND (@dim IS NULL OR COALESCE(NULLIF(CASE @dim
        WHEN 'channel' THEN channel
        WHEN 'source_medium' THEN source || ' / ' || medium
        WHEN 'campaign' THEN COALESCE(NULLIF(campaign, ''), CASE WHEN source = '(direct)' THEN '(direct)' END)
        WHEN 'device_type' THEN device_type
      END, ''), '(not set)') = @value)
