-- Each listed person's latest consent statement in an identify trait `consent` (true | false), by
-- event time, then event id. @persons is a JSON array of person ids.
SELECT person_id AS personId, granted, ts
FROM (
  SELECT e.person_id, json_type(e.props, '$.consent') = 'true' AS granted, e.ts,
         row_number() OVER (PARTITION BY e.person_id ORDER BY e.ts DESC, e.id DESC) AS k
  FROM events e
  WHERE e.site = @site AND e.event = 'identify'
    AND e.person_id IN (SELECT value FROM json_each(@persons))
    AND json_type(e.props, '$.consent') IN ('true', 'false')
)
WHERE k = 1
