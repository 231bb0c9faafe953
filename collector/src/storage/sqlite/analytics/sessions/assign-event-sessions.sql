-- Server sessions of the refreshed visitors, from all their events ordered by (ts, id) — never by
-- arrival — so the result does not depend on the order events came in.
-- An event starts a session when it is the visitor's first, when at least @timeout_ms passed
-- since the visitor's previous event (GA4: 30 minutes of inactivity end a session; an event
-- exactly 30 minutes later is in a new one, as in the SDK), or when its person differs from the
-- previous event's (a shared device switching users).
-- With @split_on_campaign, an event carrying campaign fields (utm_source, utm_medium,
-- utm_campaign, click id) also starts one when they differ from the "current campaign": the
-- fields of the latest earlier event that either started a session or carried campaign fields.
-- That is exactly the campaign of the session in progress, since each such event either opens a
-- session with its fields (none for a direct start) or carries the session's fields; so no
-- recursion is needed.
-- The key of a session is the id of its first event: unique per site, and reproducible.
INSERT INTO event_sessions (seq, session_key)
WITH ordered AS (
  SELECT e.seq, e.id, e.anonymous_id, e.ts, e.person_id,
         CASE WHEN COALESCE(e.utm_source, e.utm_medium, e.utm_campaign, e.click_id) IS NULL THEN NULL
              ELSE json_array(e.utm_source, e.utm_medium, e.utm_campaign, e.click_id) END AS campaign_key,
         ROW_NUMBER() OVER w AS k,
         LAG(e.ts) OVER w AS prev_ts,
         LAG(e.person_id) OVER w AS prev_person
  FROM refresh_visitors r
  CROSS JOIN events AS e INDEXED BY events_site_anon_ts ON e.site = r.site AND e.anonymous_id = r.anonymous_id
  WHERE r.site = @site
  WINDOW w AS (PARTITION BY e.anonymous_id ORDER BY e.ts, e.id)
),
hard AS (
  SELECT *, (prev_ts IS NULL OR ts - prev_ts >= @timeout_ms OR person_id IS NOT prev_person) AS hard_start
  FROM ordered
),
-- The campaign in force before each event: the key of the latest earlier event that started a
-- session or carried campaign fields. SQLite has no IGNORE NULLS, so each such event is tagged
-- with its zero-padded position and the running MAX of the tags picks the latest.
current AS (
  SELECT *,
         substr(MAX(CASE WHEN hard_start OR campaign_key IS NOT NULL THEN printf('%010d', k) || COALESCE(campaign_key, '') END)
                OVER (PARTITION BY anonymous_id ORDER BY k ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 11) AS current_campaign
  FROM hard
),
numbered AS (
  SELECT seq, id, anonymous_id, k,
         SUM(hard_start OR (@split_on_campaign AND campaign_key IS NOT NULL AND campaign_key IS NOT NULLIF(current_campaign, '')))
           OVER (PARTITION BY anonymous_id ORDER BY k ROWS UNBOUNDED PRECEDING) AS n
  FROM current
)
SELECT seq, FIRST_VALUE(id) OVER (PARTITION BY anonymous_id, n ORDER BY k)
FROM numbered
