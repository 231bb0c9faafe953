-- Full quarantine rows by id, to write them again as replayed.
SELECT * FROM {table:quarantine} FINAL WHERE qid IN {qids:Array(UInt64)}
