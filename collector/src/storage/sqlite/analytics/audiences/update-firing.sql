UPDATE trigger_firings
SET status = @status, attempts = attempts + @attempted, delivered_at = @delivered_at, last_error = @error
WHERE site = @site AND trigger_id = @trigger_id AND person_id = @person_id AND window_start = @window_start
