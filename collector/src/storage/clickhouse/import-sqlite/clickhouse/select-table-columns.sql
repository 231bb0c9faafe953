-- The columns of one of Maidian's ClickHouse tables.
SELECT name FROM system.columns
WHERE database = {database:String} AND table = {table_name:String}
