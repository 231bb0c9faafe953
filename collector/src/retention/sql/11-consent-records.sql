-- Consent statements written before the cut, of persons with no event left: a person whose whole
-- history aged out. A person with kept events keeps them (they describe the person now).
DELETE FROM consent_records
WHERE (site, person_id, ts) IN (
  SELECT site, person_id, ts FROM consent_records p
  WHERE p.site = @site AND p.ts < @cutoff
    AND NOT EXISTS (SELECT 1 FROM events e WHERE e.site = p.site AND e.person_id = p.person_id)
  LIMIT @chunk)
