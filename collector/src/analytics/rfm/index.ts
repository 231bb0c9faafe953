/** RFM: quintile scores and named segments. */
export { quintileScores, type ScoreDirection } from './quintile-scores.js';
export { scoreRfm, type RfmCustomer, type RfmScore } from './rfm-scores.js';
export { rfmSegment, fmScore, RFM_SEGMENT_RULES, type RfmSegmentId, type RfmSegmentRule } from './rfm-segments.js';
