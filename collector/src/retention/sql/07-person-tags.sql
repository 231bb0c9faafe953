-- Tag values written before the cut, of persons with no event left: a person whose whole
-- history aged out. A person with kept events keeps them (they describe the person now).
DELETE FROM person_tags
WHERE (site, tag_id, person_id) IN (
  SELECT site, tag_id, person_id FROM person_tags p
  WHERE p.site = @site AND p.computed_at < @cutoff
    AND NOT EXISTS (SELECT 1 FROM events e WHERE e.site = p.site AND e.person_id = p.person_id)
  LIMIT @chunk)
