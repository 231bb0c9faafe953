-- Events (or unreadable bodies) of a site that went to quarantine in [from, to), by arrival. A
-- replay writes a row again under the same qid, so rows are counted once per qid (FINAL).
SELECT count() AS n
FROM {table:quarantine} FINAL
WHERE site = {site:String} AND received_at >= {from:Int64} AND received_at < {to:Int64}
