INSERT INTO schema_migrations (name, applied_at) VALUES (@name, @applied_at)
