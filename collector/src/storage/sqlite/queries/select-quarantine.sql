-- `IS` rather than `=` so that `@site = NULL` lists the bodies whose site was unreadable.
SELECT qid, site, event_id, event, received_at, sent_at, payload, reasons, dictionary_version,
       request, scope, status, replayed_at
FROM quarantine
WHERE site IS @site AND status = @status
ORDER BY received_at DESC, qid DESC
LIMIT @limit
