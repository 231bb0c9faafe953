-- Clears the values a refresh is about to recompute: all of the tag's values (@since_seq NULL, a
-- full run), or those of persons with events after @since_seq (an incremental run), plus values
-- of persons that no longer exist (stitched into a user id, merged or deleted).
DELETE FROM person_tags
WHERE site = @site AND tag_id = @tag_id
  AND (
    @since_seq IS NULL
    OR person_id IN (SELECT e.person_id FROM events e WHERE e.site = @site AND e.seq > @since_seq)
    OR NOT EXISTS (SELECT 1 FROM events e WHERE e.site = @site AND e.person_id = person_tags.person_id)
  )
