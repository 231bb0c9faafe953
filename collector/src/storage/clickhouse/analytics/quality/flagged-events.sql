-- Accepted events of a site that carry flags (dictionary warnings in warn mode, corrected or
-- uncorrected event times) and arrived in [from, to). Arrival time, not event time: a
-- data-quality alert is about what came in.
SELECT count() AS n
FROM {table:events} FINAL
WHERE site = {site:String} AND received_at >= {from:Int64} AND received_at < {to:Int64} AND flags IS NOT NULL
