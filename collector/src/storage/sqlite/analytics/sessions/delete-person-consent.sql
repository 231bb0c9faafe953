-- Consent statements recorded over the API, under the person's id and the ids merged into it (@persons: JSON array): rows
-- computed before a merge carry the old id.
DELETE FROM consent_records WHERE site = @site AND person_id IN (SELECT value FROM json_each(@persons))
