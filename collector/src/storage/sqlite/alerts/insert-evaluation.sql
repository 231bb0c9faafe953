-- Fails on a second evaluation of the same rule and slot (primary key): that is the guard
-- against doubled evaluations.
INSERT INTO alert_evaluations (rule_id, slot, evaluated_at, outcome, reason, value, detail)
VALUES (@rule_id, @slot, @evaluated_at, @outcome, @reason, @value, @detail)
