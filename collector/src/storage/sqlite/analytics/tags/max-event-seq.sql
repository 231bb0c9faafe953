-- The newest stored event (of any site: seq is global, and max(seq) reads one b-tree edge): the
-- watermark an incremental tag refresh starts after next time.
SELECT coalesce(max(seq), 0) AS seq FROM events
