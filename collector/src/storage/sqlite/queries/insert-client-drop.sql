INSERT INTO client_drops (site, received_at, anonymous_id, dropped)
VALUES (@site, @received_at, @anonymous_id, @dropped)
