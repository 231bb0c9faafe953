-- The tables in Maidian's ClickHouse database.
SELECT name FROM system.tables WHERE database = {database:String}
