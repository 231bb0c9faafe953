-- A deleted tag's versions, values and run record go with it.
DELETE FROM tag_versions WHERE site = @site AND id = @id
