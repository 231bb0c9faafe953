DELETE FROM tags WHERE site = @site AND id = @id
