-- Deleting an audience drops its definition; membership history, sizes and push state are
-- removed by delete-audience-data.sql in the same transaction.
DELETE FROM audiences WHERE site = @site AND id = @id
