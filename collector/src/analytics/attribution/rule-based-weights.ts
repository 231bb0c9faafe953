/**
 * Weights of the rule-based models: for a path of touches (oldest first) each function returns
 * one weight per touch, and the weights sum to 1. Keeping them as plain functions lets the tests
 * check each rule by hand and lets {@link attributeByWeights} do the bookkeeping once.
 */
import type { Touch } from './types.js';

/** Weights for a path; `conversionTs` is needed by time decay only. */
export type WeightRule = (touches: readonly Touch[], conversionTs: number) => number[];

function oneHot(length: number, index: number): number[] {
  const weights = new Array<number>(length).fill(0);
  weights[index] = 1;
  return weights;
}

/** All credit to the oldest touch. */
export const firstTouchWeights: WeightRule = (touches) => oneHot(touches.length, 0);

/** All credit to the newest touch. */
export const lastTouchWeights: WeightRule = (touches) => oneHot(touches.length, touches.length - 1);

/**
 * All credit to the newest touch that is not direct; a path made only of direct touches gives
 * it to the newest direct touch (so the conversion is still counted somewhere).
 */
export const lastNonDirectWeights: WeightRule = (touches) => {
  for (let i = touches.length - 1; i >= 0; i--) {
    if (!touches[i].direct) return oneHot(touches.length, i);
  }
  return oneHot(touches.length, touches.length - 1);
};

/** Equal credit to every touch. */
export const linearWeights: WeightRule = (touches) => new Array<number>(touches.length).fill(1 / touches.length);

/**
 * U-shaped: 40 % to the first touch, 40 % to the last, 20 % shared by the touches between.
 * One touch gets 100 %, two touches get 50 % each (there is no middle to share 20 %).
 */
export const positionBasedWeights: WeightRule = (touches) => {
  const n = touches.length;
  if (n === 1) return [1];
  if (n === 2) return [0.5, 0.5];
  const middle = 0.2 / (n - 2);
  return touches.map((_, i) => (i === 0 || i === n - 1 ? 0.4 : middle));
};
