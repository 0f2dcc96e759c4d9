// Browser figures for `npm run bench` (filled in as features land).
export async function run() {
  return [];
}
