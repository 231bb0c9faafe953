-- Queue-drop reports of the person's own devices (@anonymous_ids: JSON array). A shared device's
-- reports stay: they describe the device, and its other user keeps it.
DELETE FROM client_drops WHERE site = @site AND anonymous_id IN (SELECT value FROM json_each(@anonymous_ids))
