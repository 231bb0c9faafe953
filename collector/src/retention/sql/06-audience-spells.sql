-- Membership spells that ended before the cut. Open spells and later ones stay.
DELETE FROM audience_members
WHERE (site, audience_id, person_id, joined_at) IN (
  SELECT site, audience_id, person_id, joined_at FROM audience_members
  WHERE site = @site AND left_at < @cutoff LIMIT @chunk)
