-- Accepted events of a site that carry flags (dictionary warnings in warn mode, corrected or
-- uncorrected event times) and arrived in [@from, @to). Arrival time, not event time: a
-- data-quality alert is about what came in.
SELECT COUNT(*) AS n
FROM events
WHERE site = @site AND received_at >= @from AND received_at < @to AND flags IS NOT NULL
