-- Typed identities written before the cut, of persons with no event left: a person whose whole
-- history aged out. A person with kept events keeps them (they describe the person now).
DELETE FROM identities
WHERE (site, type, value) IN (
  SELECT site, type, value FROM identities p
  WHERE p.site = @site AND p.last_seen < @cutoff
    AND NOT EXISTS (SELECT 1 FROM events e WHERE e.site = p.site AND e.person_id = p.person_id)
  LIMIT @chunk)
