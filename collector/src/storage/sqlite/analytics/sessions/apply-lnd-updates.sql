-- Step 2 of 2: driven by the few changed sessions, not by the site's sessions.
UPDATE sessions
SET (lnd_source, lnd_medium, lnd_campaign, lnd_channel) =
    (SELECT u.lnd_source, u.lnd_medium, u.lnd_campaign, u.lnd_channel FROM lnd_updates u WHERE u.session_key = sessions.session_key)
WHERE site = @site AND session_key IN (SELECT session_key FROM lnd_updates)
