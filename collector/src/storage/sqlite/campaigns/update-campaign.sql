UPDATE campaigns SET name = @name, definition = @definition, end_at = @end_at, updated_at = @updated_at WHERE id = @id
