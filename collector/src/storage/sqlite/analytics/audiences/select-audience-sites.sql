-- Sites with saved audiences, tags or triggers: the ones the scheduler has work for.
SELECT site FROM audiences UNION SELECT site FROM tags UNION SELECT site FROM triggers
