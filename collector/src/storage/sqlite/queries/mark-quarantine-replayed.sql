UPDATE quarantine SET status = 'replayed', replayed_at = @replayed_at WHERE qid = @qid AND status = 'open'
