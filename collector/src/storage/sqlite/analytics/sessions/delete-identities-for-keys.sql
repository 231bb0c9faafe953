DELETE FROM identities
WHERE site = @site
  AND (type, value) IN (SELECT type, value FROM refresh_identity_keys WHERE site = @site)
