-- Membership acknowledged by webhooks written before the cut, of persons with no event left: a person whose whole
-- history aged out. A person with kept events keeps them (they describe the person now).
DELETE FROM audience_pushed
WHERE (site, audience_id, person_id) IN (
  SELECT site, audience_id, person_id FROM audience_pushed p
  WHERE p.site = @site AND p.pushed_at < @cutoff
    AND NOT EXISTS (SELECT 1 FROM events e WHERE e.site = p.site AND e.person_id = p.person_id)
  LIMIT @chunk)
