/**
 * Our own golden files (test/golden/<scenario>/): every file we render for releases and options the
 * reference goldens do not cover, compared byte for byte. After a deliberate template change, review
 * the diff and refresh them with `npx vitest run test/unit/render/own-goldens.test.ts -u`.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GlanceModel } from '../../../src/model/types.js';
import { renderFiles } from '../../../src/render/render.js';
import { amqpSslModel, auditImportModel, ecCinderS3Model, fullModel } from './fixtures.js';
import { parseIni } from '../../fixtures/parse-config.js';
import { GOLDEN_DIR, goldenName, TEMPLATES } from '../../fixtures/templates.js';

const SCENARIOS: Record<string, GlanceModel> = {
  queens: fullModel('queens'),
  stein: fullModel('stein'),
  ussuri: fullModel('ussuri'),
  epoxy: fullModel('epoxy'),
  'caracal-audit-import': auditImportModel(),
  'caracal-ec-cinder-s3': ecCinderS3Model(),
  'caracal-amqp-ssl': amqpSslModel(),
};

describe('own goldens', () => {
  for (const [scenario, model] of Object.entries(SCENARIOS)) {
    describe(scenario, () => {
      const dir = join(GOLDEN_DIR, scenario);
      const files = renderFiles(model, TEMPLATES);

      for (const file of files) {
        it(`renders ${file.path}`, async () => {
          await expect(file.content).toMatchFileSnapshot(join(dir, goldenName(file.path)));
        });
      }

      // A missing golden is written (or, under CI, fails) by toMatchFileSnapshot; a stale one is caught here.
      it('keeps no golden for a file it no longer renders', () => {
        const rendered = new Set(files.map((f) => goldenName(f.path)));
        expect(readdirSync(dir).filter((name) => !rendered.has(name))).toEqual([]);
      });

      it('renders every INI file without a repeated section or key', () => {
        for (const file of files.filter((f) => /\.(conf|ini)$/.test(f.path) && !f.path.includes('apache2') && !f.path.includes('memcached'))) {
          expect(() => parseIni(file.content), file.path).not.toThrow();
        }
      });
    });
  }
});
