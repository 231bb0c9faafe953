import { describe, expect, it } from 'vitest';
import { markov, markovRemovalEffects } from '../../../collector/src/analytics/attribution/markov-attribution.js';
import { buildMarkovChain, conversionProbability } from '../../../collector/src/analytics/attribution/markov-chain.js';
import { solveLinearSystem } from '../../../collector/src/analytics/attribution/solve-linear-system.js';
import { conversion, lost } from './attribution-fixtures.js';

describe('solveLinearSystem', () => {
  it('solves a 3 × 3 system that needs a row swap', () => {
    // 0x + 2y + z = 7, x + y + z = 6, 2x + y − z = 1 → x = 1, y = 2, z = 3
    // (check: 0 + 4 + 3 = 7; 1 + 2 + 3 = 6; 2 + 2 − 3 = 1).
    const x = solveLinearSystem([[0, 2, 1], [1, 1, 1], [2, 1, -1]], [7, 6, 1]);
    expect(x[0]).toBeCloseTo(1, 12);
    expect(x[1]).toBeCloseTo(2, 12);
    expect(x[2]).toBeCloseTo(3, 12);
  });
  it('refuses a singular system', () => {
    expect(() => solveLinearSystem([[1, 2], [2, 4]], [1, 2])).toThrow('singular');
  });
});

describe('Markov removal-effect attribution', () => {
  it('A>B>A>B>B>A, A>B>B>A>A, A>A, all converting → A = 2, B = 1', () => {
    // Collapse repeats: A>B>A>B>A, A>B>A, A.
    // Transitions: start→A 3. A→B 2 + 1 = 3, A→conv 1 + 1 + 1 = 3, B→A 2 + 1 = 3.
    // So P(A→B) = P(A→conv) = 1/2 and P(B→A) = 1.
    // h_A = ½·h_B + ½, h_B = h_A → h_A = 1: P(conv) = 1.
    // Remove A: start leads only to A → P = 0 → effect 1.
    // Remove B: h_A = ½ → P = ½ → effect 1 − ½ = ½.
    // Shares 1 : ½ → 2/3 and 1/3 of 3 conversions → A = 2, B = 1.
    const input = {
      conversions: [
        conversion(60, ['A', 'B', 'A', 'B', 'B', 'A']),
        conversion(30, ['A', 'B', 'B', 'A', 'A']),
        conversion(30, ['A', 'A']),
      ],
    };
    const effects = markovRemovalEffects(input);
    expect(effects.get('A')).toBeCloseTo(1, 12);
    expect(effects.get('B')).toBeCloseTo(0.5, 12);
    const r = markov(input);
    expect(r.credits.get('A')!.conversions).toBeCloseTo(2, 12);
    expect(r.credits.get('B')!.conversions).toBeCloseTo(1, 12);
    // Revenue 120 is shared with the same proportions: 80 and 40.
    expect(r.credits.get('A')!.revenue).toBeCloseTo(80, 10);
    expect(r.credits.get('B')!.revenue).toBeCloseTo(40, 10);
  });

  it('counts non-converting paths: A>B converts, B and A do not', () => {
    // Transitions: start→A 2, start→B 1; A→B 1, A→null 1; B→conv 1, B→null 1.
    // h_B = ½, h_A = ½·h_B = ¼. P(conv) = ⅔·¼ + ⅓·½ = ⅓ (one of three paths converts).
    // Remove A: P = ⅓·½ = ⅙ → effect 1 − (⅙)/(⅓) = ½.
    // Remove B: h_A = 0 and start→B is lost → P = 0 → effect 1.
    // Shares ½ : 1 → A ⅓, B ⅔ of the one conversion (value 90 → 30 and 60).
    const input = { conversions: [conversion(90, ['A', 'B'])], nonConverting: [lost(['B']), lost(['A'])] };
    const effects = markovRemovalEffects(input);
    expect(effects.get('A')).toBeCloseTo(0.5, 12);
    expect(effects.get('B')).toBeCloseTo(1, 12);
    const r = markov(input);
    expect(r.credits.get('A')!.conversions).toBeCloseTo(1 / 3, 12);
    expect(r.credits.get('A')!.revenue).toBeCloseTo(30, 10);
    expect(r.credits.get('B')!.conversions).toBeCloseTo(2 / 3, 12);
    expect(r.credits.get('B')!.revenue).toBeCloseTo(60, 10);
  });

  it('a path count weighs like repeated paths', () => {
    const once = markovRemovalEffects({ conversions: [conversion(1, ['A', 'B'])], nonConverting: [lost(['B']), lost(['B'])] });
    const counted = markovRemovalEffects({ conversions: [conversion(1, ['A', 'B'])], nonConverting: [lost(['B'], 2)] });
    expect(counted.get('A')).toBeCloseTo(once.get('A')!, 12);
    expect(counted.get('B')).toBeCloseTo(once.get('B')!, 12);
  });

  it('the exact solution matches iterating the chain until it settles (loops included)', () => {
    const paths = [
      { keys: ['A', 'B', 'C', 'A', 'B'], converted: true, count: 3 },
      { keys: ['C', 'A', 'C'], converted: false, count: 5 },
      { keys: ['B', 'C', 'B', 'A'], converted: true, count: 2 },
      { keys: ['B'], converted: false, count: 4 },
    ];
    const chain = buildMarkovChain(paths);
    expect(conversionProbability(chain)).toBeCloseTo(iterateConversionProbability(chain), 10);
    expect(conversionProbability(chain, 2)).toBeCloseTo(iterateConversionProbability(chain, 2), 10);
  });
});

/** Independent check: push probability mass through the chain until almost all is absorbed. */
function iterateConversionProbability(chain: ReturnType<typeof buildMarkovChain>, removed?: number): number {
  const size = chain.channels.length + 1;
  let mass = new Array<number>(size).fill(0);
  mass[0] = 1;
  let converted = 0;
  for (let step = 0; step < 5000; step++) {
    const next = new Array<number>(size).fill(0);
    for (let s = 0; s < size; s++) {
      if (mass[s] === 0 || s === removed) continue;
      const out = chain.toState[s].reduce((a, b) => a + b, 0) + chain.toConversion[s] + chain.toNull[s];
      converted += (mass[s] * chain.toConversion[s]) / out;
      for (let t = 1; t < size; t++) next[t] += (mass[s] * chain.toState[s][t]) / out;
    }
    mass = next;
  }
  return converted;
}
