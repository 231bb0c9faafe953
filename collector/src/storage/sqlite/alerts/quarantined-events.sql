-- Events (or unreadable bodies) of a site that went to quarantine in [@from, @to), by arrival.
SELECT COUNT(*) AS n
FROM quarantine
WHERE site = @site AND received_at >= @from AND received_at < @to
