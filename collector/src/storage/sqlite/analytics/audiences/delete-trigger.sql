DELETE FROM triggers WHERE site = @site AND id = @id
