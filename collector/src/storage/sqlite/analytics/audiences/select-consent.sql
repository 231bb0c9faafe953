SELECT granted, ts FROM consent_state WHERE site = @site AND person_id = @person_id
