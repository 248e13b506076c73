// Query strings of the cost-cap tests (fixture rest_limits.sql): the families ⇄ members embed cycle of
// the report, and wide selects.

/**
 * `id,rl_family_members(id,rl_families(id,…))` embedding `depth` levels below rl_families, as the
 * report's `families → family_members → families → …`.
 */
export function familyCycle(depth: number): string {
  let select = 'id';
  for (let level = depth; level > 0; level--) {
    const table = level % 2 === 1 ? 'rl_family_members' : 'rl_families';
    select = `id,${table}(${select})`;
  }
  return select;
}

/** `id,f1:rl_families(id),…` on rl_family_members: `n` to-one embeds side by side. */
export function wideEmbeds(n: number): string {
  return ['id', ...Array.from({ length: n }, (_, i) => `f${i + 1}:rl_families(id)`)].join(',');
}

/** `c1:id,c2:id,…`: `n` select items of the root. */
export function manyColumns(n: number): string {
  return Array.from({ length: n }, (_, i) => `c${i + 1}:id`).join(',');
}

/** The embed names down the cycle, as PGRST190's details spell the deepest path. */
export function cyclePath(depth: number): string {
  return Array.from({ length: depth }, (_, i) => (i % 2 === 0 ? 'rl_family_members' : 'rl_families')).join('.');
}
