-- Accepted events of a site that carry dictionary warnings (warn mode) and arrived in
-- [@from, @to). Arrival time, not event time: a data-quality alert is about what came in.
SELECT COUNT(*) AS n
FROM events
WHERE site = @site AND received_at >= @from AND received_at < @to AND flags IS NOT NULL
