-- Events SDKs reported dropping from full offline queues, by receive time in [{from}, {to}).
SELECT toUInt64(sum(dropped)) AS clientDropped
FROM {table:client_drops} FINAL
WHERE site = {site:String} AND received_at >= {from:Int64} AND received_at < {to:Int64}
