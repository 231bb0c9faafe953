-- The columns of one table.
SELECT name FROM pragma_table_info(@table)
