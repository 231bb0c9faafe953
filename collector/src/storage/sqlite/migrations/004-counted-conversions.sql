-- Conversions as reports count them: humans only, and one per order. A conversion with an order id
-- counts only if no earlier conversion (by time, then arrival) of the same site carries that order
-- id, so a thank-you page reloaded or a purchase sent by two SDKs does not double revenue.
CREATE VIEW counted_conversions AS
SELECT e.*
FROM events e
WHERE e.event = 'conversion'
  AND e.is_bot = 0
  AND (
    e.order_id IS NULL
    OR NOT EXISTS (
      SELECT 1 FROM events p
      WHERE p.site = e.site
        AND p.order_id = e.order_id
        AND p.event = 'conversion'
        AND p.is_bot = 0
        AND (p.ts < e.ts OR (p.ts = e.ts AND p.seq < e.seq))
    )
  );
