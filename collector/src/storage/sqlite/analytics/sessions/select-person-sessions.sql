SELECT session_key, anonymous_id, start_ts, end_ts, events, pageviews, conversions, landing_path,
       source, medium, campaign, content, term, channel,
       lnd_source, lnd_medium, lnd_campaign, lnd_channel,
       device_type, browser, os, platform, engaged, is_bot, too_long
FROM sessions WHERE site = @site AND person_id = @person
ORDER BY start_ts, session_key
