-- The record of having been handed to a channel (the treated group of lift), under the person's id and the ids merged into it (@persons: JSON array): rows
-- computed before a merge carry the old id.
DELETE FROM audience_delivered WHERE site = @site AND person_id IN (SELECT value FROM json_each(@persons))
