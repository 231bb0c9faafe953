DELETE FROM campaigns WHERE id = @id
