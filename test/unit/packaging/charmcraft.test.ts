// charmcraft.yaml must be what current charmcraft packs: the `platforms:` form, one charm per
// platform. The schema below follows charmcraft's Platforms reference
// (documentation.ubuntu.com/charmcraft/stable/reference/platforms), which says:
//
//   "Multi-base notation ... Multi-base charms define a base in each platform entry instead of
//    the top-level base and build-base keys."
//   "Multi-base shorthand notation: platforms: <base>:<arch>: — Multi-base charms can also use
//    shorthand notation when the platform builds on and builds for the same architecture."
//   Naming rules: "A platform name must begin and end with a letter, a number, or a Unicode
//    character classified as 'Symbol, other'" and may contain "a hyphen (-), an at sign (@), a
//    full stop (.), or a colon (:)"; "The platform name any is reserved".
//
// and the base migration guide (charmcraft "Change to the Ubuntu 26.04 LTS base"): the `bases`
// key "is not supported by the Ubuntu 26.04 LTS base and must be replaced with the base and
// platforms keys"; charmcraft accepts `bases:` only up to 22.04, so a 24.04 entry there fails.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readRepoYaml } from './charm-files.js';

// Debian architecture names charmcraft knows (craft-platforms' DebianArchitecture).
const ARCH = z.enum(['amd64', 'arm64', 'armhf', 'ppc64el', 'riscv64', 's390x']);
// Bases current charmcraft builds machine charms on.
const BASE = z.enum(['ubuntu@20.04', 'ubuntu@22.04', 'ubuntu@24.04', 'ubuntu@26.04']);
const PLATFORM_NAME = z
  .string()
  .regex(/^[\p{L}\p{N}\p{So}]([\p{L}\p{N}\p{So}@.:-]*[\p{L}\p{N}\p{So}])?$/u)
  .refine((name) => name !== 'any', 'the platform name "any" is reserved');
const BASE_ARCH = z.string().transform((value, ctx) => {
  const [base, arch, ...rest] = value.split(':');
  const parsed = { base: BASE.safeParse(base), arch: ARCH.safeParse(arch) };
  if (rest.length > 0 || !parsed.base.success || !parsed.arch.success) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: `"${value}" is not <base>:<arch>` });
    return z.NEVER;
  }
  return { base: parsed.base.data, arch: parsed.arch.data };
});
// Multi-base standard notation: one base within an entry.
const PlatformEntry = z
  .object({ 'build-on': z.array(BASE_ARCH).min(1), 'build-for': z.array(BASE_ARCH).length(1) })
  .strict()
  .refine((p) => new Set([...p['build-on'], ...p['build-for']].map((b) => b.base)).size === 1, 'one base per platform');

const MultiBaseCharmcraft = z
  .object({
    type: z.literal('charm'),
    platforms: z.record(PLATFORM_NAME, z.union([z.null(), PlatformEntry])),
    parts: z.record(z.string(), z.object({ plugin: z.string() }).passthrough()),
  })
  .passthrough()
  .superRefine((project, ctx) => {
    for (const key of ['bases', 'base', 'build-base']) {
      if (key in project) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `a multi-base project has no top-level ${key}` });
    }
    for (const [name, entry] of Object.entries(project.platforms)) {
      // Shorthand: the name itself is <base>:<arch>.
      if (entry === null && !BASE_ARCH.safeParse(name).success) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `shorthand platform "${name}" is not <base>:<arch>` });
      }
    }
  });

describe('charmcraft.yaml', () => {
  const project = MultiBaseCharmcraft.safeParse(readRepoYaml('charmcraft.yaml'));

  it("validates against charmcraft's multi-base platforms schema", () => {
    expect(project.error?.issues ?? []).toEqual([]);
  });

  it('builds for ubuntu@22.04 and ubuntu@24.04 on amd64 and arm64', () => {
    const names = Object.keys(project.data?.platforms ?? {}).sort();
    expect(names).toEqual(['ubuntu@22.04:amd64', 'ubuntu@22.04:arm64', 'ubuntu@24.04:amd64', 'ubuntu@24.04:arm64']);
  });

  it('stages the runtime for the architecture being built, after building the bundle', () => {
    const build = String(project.data?.parts.charm?.['override-build'] ?? '');
    expect(build).toMatch(/npm ci\s+npm run build\s+node scripts\/runtime\.mjs --arch "\$CRAFT_ARCH_BUILD_FOR" --out runtime\s+craftctl default/);
  });

  it('refuses the old bases: form and an unknown architecture', () => {
    const old = {
      type: 'charm',
      bases: [{ 'build-on': [{ name: 'ubuntu', channel: '24.04' }], 'run-on': [{ name: 'ubuntu', channel: '24.04' }] }],
      platforms: { 'ubuntu@24.04:amd64': null },
      parts: { charm: { plugin: 'dump' } },
    };
    expect(MultiBaseCharmcraft.safeParse(old).success).toBe(false);
    const { bases: _, ...modern } = old;
    expect(MultiBaseCharmcraft.safeParse(modern).success).toBe(true);
    expect(MultiBaseCharmcraft.safeParse({ ...modern, platforms: { 'ubuntu@24.04:i386': null } }).success).toBe(false);
  });
});
