import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

/**
 * Turns zod issues into `pointer: message` lines. A failed union is reported through the branch the
 * input most likely meant, so the user reads "/rules/0/when/any/0/op: expected 'equals' | …"
 * rather than a bare "Invalid input" at the union.
 */
export function formatZodIssues(issues: readonly Issue[], base: readonly PropertyKey[] = []): string[] {
  const lines: string[] = [];
  for (const issue of issues) {
    const path = [...base, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      lines.push(...formatZodIssues(likeliestBranch(issue.errors), path));
    } else {
      lines.push(`${toJsonPointer(path)}: ${issue.message}`);
    }
  }
  return lines;
}

// A branch that rejects the input's own keys was not meant; among the rest, the one that got deepest
// into the input before failing is the one the user was writing.
function likeliestBranch(branches: Issue[][]): Issue[] {
  const plausible = branches.filter((b) => !b.some((i) => i.code === 'unrecognized_keys' && i.path.length === 0));
  const pool = plausible.length > 0 ? plausible : branches;
  let best = pool[0];
  for (const branch of pool) if (depth(branch) > depth(best)) best = branch;
  return best;
}

function depth(branch: Issue[]): number {
  return Math.max(0, ...branch.map((i) => i.path.length));
}

/** RFC 6901 JSON pointer of a path. */
export function toJsonPointer(path: readonly PropertyKey[]): string {
  return path.map((p) => '/' + String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}
