-- AIPL value tag: each active person's stage, by the same query as the AIPL report (the stages
-- slot holds ../aipl/aipl-person-stages.sql, whose parameters come from chAiplParams).
INSERT INTO {table:person_tags} (site, tag_id, run, person_id, value, computed_at)
SELECT {site:String}, {tag_id:String}, {run:UInt64}, person_id, stage, {now:Int64}
FROM (/*stages*/)
