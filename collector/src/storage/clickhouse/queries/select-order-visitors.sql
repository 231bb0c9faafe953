-- Whether a conversion counts depends on earlier conversions of the same order id, possibly sent
-- by another visitor (device): the visitors sharing an order id with the ones being refreshed are
-- refreshed with them. Also returns, per order id, the id of its first human conversion by
-- (ts, id): the one that counts.
SELECT order_id, groupUniqArray(anonymous_id) AS visitors,
       argMinIf(id, (ts, id), is_bot = 0) AS first_id
FROM {table:events} FINAL
WHERE site = {site:String} AND event = 'conversion' AND order_id IS NOT NULL
  AND order_id GLOBAL IN (
    SELECT order_id FROM {table:events} FINAL
    WHERE site = {site:String} AND anonymous_id IN {visitors:Array(String)}
      AND event = 'conversion' AND order_id IS NOT NULL
  )
GROUP BY order_id
