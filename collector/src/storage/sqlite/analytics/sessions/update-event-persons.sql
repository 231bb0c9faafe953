-- The person of an event: its own user id, else the user id its anonymous id is linked to, else
-- 'anon:' || anonymous id; then, if that id was merged into another, the one it was merged into.
-- person_merges is kept flat (no chains), so one lookup resolves it.
UPDATE events
SET person_id = COALESCE(
  (SELECT m.into_person FROM person_merges m
   WHERE m.site = events.site
     AND m.from_person = COALESCE(events.user_id,
                                  (SELECT l.user_id FROM identity_links l WHERE l.site = events.site AND l.anonymous_id = events.anonymous_id),
                                  'anon:' || events.anonymous_id)),
  COALESCE(events.user_id,
           (SELECT l.user_id FROM identity_links l WHERE l.site = events.site AND l.anonymous_id = events.anonymous_id),
           'anon:' || events.anonymous_id))
WHERE site = @site AND anonymous_id IN (SELECT anonymous_id FROM refresh_visitors WHERE site = @site)
