SELECT * FROM alert_incidents WHERE id = @id
