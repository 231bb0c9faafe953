DELETE FROM lnd_updates
