-- One tag value computed outside SQL (RFM segments: quintiles rank persons against each other).
INSERT OR REPLACE INTO person_tags (site, tag_id, person_id, value, computed_at)
VALUES (@site, @tag_id, @person_id, @value, @now)
