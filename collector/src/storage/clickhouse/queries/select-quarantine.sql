-- Quarantine rows of a site (or, with {no_site} = 1, of the bodies whose site was unreadable),
-- newest first.
SELECT qid, site, event_id, event, received_at, sent_at, payload, reasons, dictionary_version,
       request, scope, status, replayed_at
FROM {table:quarantine} FINAL
WHERE ({no_site:UInt8} = 1 ? site IS NULL : site = {site:String}) AND status = {status:String}
ORDER BY received_at DESC, qid DESC
LIMIT {limit:UInt32}
