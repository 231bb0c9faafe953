DELETE FROM refresh_persons
