-- Events SDKs reported dropping from full offline queues, by receive time in [@from, @to).
SELECT COALESCE(SUM(dropped), 0) AS clientDropped
FROM client_drops
WHERE site = @site AND received_at >= @from AND received_at < @to
