-- Merges made before the cut into persons with no event left.
DELETE FROM person_merges
WHERE (site, from_person) IN (
  SELECT site, from_person FROM person_merges m
  WHERE m.site = @site AND m.merged_at < @cutoff
    AND NOT EXISTS (SELECT 1 FROM events e WHERE e.site = m.site AND e.person_id = m.into_person)
  LIMIT @chunk)
