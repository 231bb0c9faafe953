-- The clusters this server knows (its remote_servers), with their shard counts.
SELECT cluster, uniqExact(shard_num) AS shards FROM system.clusters GROUP BY cluster ORDER BY cluster
