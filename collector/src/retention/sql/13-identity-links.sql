-- Links made before the cut of anonymous ids with no event left.
DELETE FROM identity_links
WHERE (site, anonymous_id) IN (
  SELECT site, anonymous_id FROM identity_links l
  WHERE l.site = @site AND l.linked_at < @cutoff
    AND NOT EXISTS (SELECT 1 FROM events e WHERE e.site = l.site AND e.anonymous_id = l.anonymous_id)
  LIMIT @chunk)
