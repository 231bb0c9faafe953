SELECT person_id AS personId FROM audience_pushed WHERE site = @site AND audience_id = @audience_id
