-- Quarantined payloads that carry one of the person's ids as a JSON string (@needles: JSON array
-- of ids): events of this site, and bodies whose site could not be read. The payload is raw
-- (possibly invalid) JSON or text, so a text search is the only test that works on all of it.
DELETE FROM quarantine
WHERE (site = @site OR site IS NULL)
  AND EXISTS (SELECT 1 FROM json_each(@needles) AS n WHERE instr(payload, json_quote(n.value)) > 0)
