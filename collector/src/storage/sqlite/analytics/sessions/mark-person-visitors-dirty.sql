INSERT OR IGNORE INTO dirty_visitors (site, anonymous_id)
SELECT DISTINCT site, anonymous_id FROM events WHERE site = @site AND person_id = @person
