-- The identities owned by the persons in {person_ids}, of the types in {types}, most recently
-- seen first per person and type, as the SQLite engine's identities table gives them
-- (insert-identities-for-keys.sql). ClickHouse keeps no identities table: they are computed here
-- from the identify events. Claims are an identify's user id (type user_id) and each non-empty
-- string of its props' "$identities" object; only claims with a person count. The owner of a
-- (type, value) is the person of its earliest claim by (ts, event id), and last_seen its latest
-- claim.
-- The object is parsed with string functions (18.16 has no JSONExtract): props are written by
-- JSON.stringify as the traits (names without "$", flat values, whose quotes are escaped) then
-- "$identities", so the first '"$identities":{' is that key, and the text from its brace on is
-- the object and props' closing brace. Its values are all strings, so each member is one match
-- of "key":"value" (JSON strings: no bare quote inside), read left to right. Keys and values are
-- unescaped by visitParamExtractString on a one-member object, so a custom type with quotes,
-- backslashes or control characters matches as SQLite's json_each reads it. (One known gap:
-- 18.16 drops an unpaired high-surrogate escape, \ud800-\udbff, which SQLite decodes to 3 bytes;
-- JSON.stringify writes one only for a string that is not valid UTF-16.)
-- A person's devices may sit on several shards: the Distributed table merges the per-(type,
-- value) argMin and max across them (the tuple holds no Nullable column), and the owner is
-- picked only then.
SELECT personId, type, value
FROM (
  WITH position(props, '"$identities":{') AS at,
       if(at = 0, '', substring(props, at + 14)) AS object,
       arrayMap(k -> visitParamExtractString(concat('{"k":"', k, '"}'), 'k'),
                extractAll(object, '"((?:[^"\\\\]|\\\\.)*)":"(?:[^"\\\\]|\\\\.)*"')) AS keys,
       arrayMap(v -> visitParamExtractString(concat('{"k":"', v, '"}'), 'k'),
                extractAll(object, '"(?:[^"\\\\]|\\\\.)*":"((?:[^"\\\\]|\\\\.)*)"')) AS texts
  SELECT claim.1 AS type, claim.2 AS value,
         argMin(assumeNotNull(person_id), (ts, id)) AS personId,
         max(ts) AS last_seen
  FROM {table:events} FINAL
  -- (type, value, whether it is a claim): a NULL user id claims nothing, an empty value neither.
  ARRAY JOIN arrayConcat([('user_id', ifNull(user_id, ''), isNotNull(user_id))],
                         arrayMap((k, t) -> (k, t, t != ''), keys, texts)) AS claim
  WHERE site = {site:String} AND event = 'identify' AND person_id IS NOT NULL
    AND claim.3 = 1 AND claim.1 IN {types:Array(String)}
  GROUP BY type, value
  HAVING personId IN {person_ids:Array(String)}
)
ORDER BY personId, type, last_seen DESC, value
