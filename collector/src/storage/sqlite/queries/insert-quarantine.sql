INSERT INTO quarantine (
  site, event_id, event, received_at, sent_at, payload, reasons, dictionary_version, request, scope
) VALUES (
  @site, @event_id, @event, @received_at, @sent_at, @payload, @reasons, @dictionary_version, @request, @scope
)
