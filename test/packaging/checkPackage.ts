// Checks one unpacked package (the `package/` folder of a `yarn pack` tarball) as a registry
// would publish it: every package its dist imports (JavaScript and .d.ts) is declared, since
// hoisting in a workspace hides an undeclared one from install and tsc; the entry points named
// in package.json exist; the metadata a registry page shows is filled in.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';

const IMPORT = /(?:^|[\s;}])(?:import|export)\s[^'";]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;}])import\s*['"]([^'"]+)['"]|\b(?:require|import)\(\s*['"]([^'"]+)['"]\s*\)/gm;

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The package a bare specifier names (`@scope/name/sub` → `@scope/name`); undefined for relative and built-in ones. */
export function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return undefined;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  return builtinModules.includes(name) ? undefined : name;
}

/** Bare imports of the published JavaScript and type declarations, with the first file using each. */
export function importsOf(packageDir: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of filesUnder(join(packageDir, 'dist')).filter(f => /\.(c|m)?js$|\.d\.(c|m)?ts$/.test(f))) {
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const name = packageOf(m[1] ?? m[2] ?? m[3]);
      if (name && !found.has(name)) found.set(name, file.slice(packageDir.length + 1));
    }
  }
  return found;
}

/** File paths named by an `exports` or `typesVersions` value; the `backstage` condition names a feature type, not a file. */
function targets(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(targets);
  if (value && typeof value === 'object') return Object.entries(value).filter(([k]) => k !== 'backstage').flatMap(([, v]) => targets(v));
  return [];
}

/** Problems of one unpacked package, as sentences; empty when it is publishable. */
export function checkPackage(packageDir: string): string[] {
  const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  const problems: string[] = [];
  const declared = new Set(Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies, ...pkg.optionalDependencies }));
  for (const [name, file] of importsOf(packageDir)) {
    if (name !== pkg.name && !declared.has(name)) problems.push(`${file} imports ${name}, which is not in dependencies or peerDependencies`);
  }
  for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
    for (const [name, range] of Object.entries<string>(pkg[field] ?? {})) {
      if (/^(workspace|link|portal|file):/.test(range)) problems.push(`${field}.${name} is "${range}", which a registry cannot resolve`);
    }
  }
  const entryPoints = [pkg.main, pkg.module, pkg.types, pkg.typings, pkg.configSchema, ...targets(pkg.exports), ...targets(pkg.typesVersions)]
    .filter((t): t is string => typeof t === 'string');
  for (const target of new Set(entryPoints)) {
    if (!existsSync(join(packageDir, target))) problems.push(`package.json names ${target}, which is not in the package`);
  }
  for (const f of pkg.files ?? []) if (!existsSync(join(packageDir, f))) problems.push(`files lists ${f}, which is not in the package`);
  for (const field of ['name', 'version', 'description', 'license', 'homepage', 'repository', 'keywords']) {
    const value = pkg[field];
    if (value === undefined || (Array.isArray(value) && value.length === 0) || value === '') problems.push(`package.json has no ${field}`);
  }
  if (!pkg.backstage?.role) problems.push('package.json has no backstage.role');
  for (const doc of ['README.md', 'CHANGELOG.md']) if (!existsSync(join(packageDir, doc))) problems.push(`${doc} is not in the package`);
  return problems;
}
