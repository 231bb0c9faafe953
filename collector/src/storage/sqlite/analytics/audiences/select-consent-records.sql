-- Each listed person's latest consent statement made over the API (consent_records).
-- @persons is a JSON array of person ids.
SELECT person_id AS personId, granted, ts
FROM (
  SELECT r.person_id, r.granted, r.ts,
         row_number() OVER (PARTITION BY r.person_id ORDER BY r.ts DESC) AS k
  FROM consent_records r
  WHERE r.site = @site AND r.person_id IN (SELECT value FROM json_each(@persons))
)
WHERE k = 1
