// Fails when packages/domain imports a framework or Node I/O (the house rule: pure rules only).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const forbidden =
  /from\s+['"](typeorm|type-graphql|graphql|react|react-dom|@apollo\/[\w-]+|express|node:[\w/]+|fs|http|https|net|child_process|path|os)['"]/;
const root = process.argv[2] ?? 'src';
const offenders = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const file = join(dir, name);
    if (statSync(file).isDirectory()) walk(file);
    else if (file.endsWith('.ts') && !file.endsWith('.test.ts') && forbidden.test(readFileSync(file, 'utf8')))
      offenders.push(file);
  }
};
walk(root);
if (offenders.length) {
  console.error(`packages/domain must stay pure; these files import frameworks or I/O:\n${offenders.join('\n')}`);
  process.exit(1);
}
console.log(`domain purity: ${root} clean`);
