DELETE FROM alert_rules WHERE id = @id
