-- A member who no longer matches leaves: the open spell gets its end.
UPDATE audience_members SET left_at = @now
WHERE site = @site AND audience_id = @audience_id AND person_id = @person_id AND left_at IS NULL
