-- The owner of an identity is the person of the earliest identify event claiming it (by event
-- time, then event id). A later claim by another person does not move it and merges nobody:
-- two identified persons are joined only by an explicit merge. first_seen and last_seen span
-- every claim.
INSERT INTO identities (site, type, value, person_id, first_seen, last_seen)
WITH claims AS (
  SELECT e.site, 'user_id' AS type, e.user_id AS value, e.person_id, e.ts, e.id
  FROM events AS e INDEXED BY events_site_identify
  WHERE e.site = @site AND e.event = 'identify' AND e.user_id IS NOT NULL
  UNION ALL
  SELECT e.site, j.key, j.value, e.person_id, e.ts, e.id
  FROM events AS e INDEXED BY events_site_identify, json_each(e.props, '$."$identities"') AS j
  WHERE e.site = @site AND e.event = 'identify' AND json_valid(e.props) AND j.type = 'text' AND j.value <> ''
),
wanted AS (
  SELECT c.*,
         ROW_NUMBER() OVER k AS n,
         MIN(c.ts) OVER (PARTITION BY c.type, c.value) AS first_seen,
         MAX(c.ts) OVER (PARTITION BY c.type, c.value) AS last_seen
  FROM claims c
  JOIN refresh_identity_keys r ON r.site = c.site AND r.type = c.type AND r.value = c.value
  WHERE c.person_id IS NOT NULL
  WINDOW k AS (PARTITION BY c.type, c.value ORDER BY c.ts, c.id)
)
SELECT site, type, value, person_id, first_seen, last_seen FROM wanted WHERE n = 1
