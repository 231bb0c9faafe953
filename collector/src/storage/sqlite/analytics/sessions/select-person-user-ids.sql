SELECT DISTINCT user_id FROM events WHERE site = @site AND person_id = @person AND user_id IS NOT NULL ORDER BY user_id
