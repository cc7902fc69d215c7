import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { compareVersions, MAX_PACK_DEFINITIONS, packFileName, packId, packOfText, readPack, writePack } from './pack.ts';
import { problemText } from '../import/limits.ts';
import { codeLine } from '../test-ui-text.ts';

const def = { port: 6443, protocols: ['tcp'], title: 'API server', summary: 'The front door.', uses: [] };
const pack = { format: 'porthole-pack', name: 'Kubernetes control plane', version: '1.0.0', author: 'Platform team', definitions: [def] };
const problems = (data: unknown) => {
  const r = readPack(data);
  if (r.ok) throw new Error('expected problems');
  return r.problems.map((p) => codeLine(problemText(p)));
};

describe('readPack', () => {
  it('reads a pack and writes it back the same', () => {
    const read = readPack({ ...pack, description: ' For kubeadm clusters. ' });
    expect(read).toEqual({ ok: true, pack: { name: 'Kubernetes control plane', version: '1.0.0', author: 'Platform team', description: 'For kubeadm clusters.', definitions: [def] } });
    if (!read.ok) return;
    expect(packOfText(writePack(read.pack, read.pack.definitions))).toEqual(read);
  });

  it('reports every problem of a pack, and nothing is installed', () => {
    expect(problems({ ...pack, format: 'other' })).toEqual(['import.pack.notPack(format="porthole-pack")']);
    expect(problems({ ...pack, colour: 'red' })).toEqual(['import.pack.unknownFields(fields=["colour"], allowed="format", "name", "version", "author", "description", "definitions")']);
    expect(problems({ ...pack, name: '' })).toEqual(['import.pack.textRequired(key="name", max=80)']);
    expect(problems({ ...pack, name: '---' })).toEqual(['import.pack.nameLetters']);
    expect(problems({ ...pack, author: undefined })).toEqual(['import.pack.textRequired(key="author", max=80)']);
    expect(problems({ ...pack, author: 'x'.repeat(81) })).toEqual(['import.pack.textRequired(key="author", max=80)']);
    expect(problems({ ...pack, description: 7 })).toEqual(['import.pack.text(key="description", max=300)']);
    expect(problems({ ...pack, version: '1.0-beta' })).toEqual(['import.pack.version(found="1.0-beta")']);
    expect(problems({ ...pack, version: 2 })).toEqual(['import.pack.version(found=2)']);
    expect(problems({ ...pack, version: undefined })).toEqual(['import.pack.version(found=import.value.nothing)']);
    expect(problems({ ...pack, definitions: [] })).toEqual(['import.pack.noDefinitions']);
    expect(problems({ ...pack, definitions: 'all' })).toEqual(['import.pack.noDefinitions']);
    expect(problems({ ...pack, definitions: Array.from({ length: MAX_PACK_DEFINITIONS + 1 }, (_, i) => ({ ...def, port: i })) })).toEqual([
      `import.pack.tooMany(count=${MAX_PACK_DEFINITIONS + 1}, max=${MAX_PACK_DEFINITIONS})`,
    ]);
    expect(problems({ ...pack, definitions: [def, { ...def, port: 70000 }, { ...def, title: '' }, def] })).toEqual([
      'import.at(where=definitions[1], problem=import.port.outOfRange(field=port, value=70000))',
      'import.at(where=definitions[2].title, problem=import.issue.empty)',
      'import.at(where=definitions[3], problem=import.pack.duplicate(port=6443, first=definitions[0]))',
    ]);
  });

  it('leaves files that are not packs to the other importers', () => {
    expect(packOfText('{"notes":[]}')).toBeNull();
    expect(packOfText('port,note\n22,x')).toBeNull();
    expect(packOfText('{"format":"porthole-pack"')).toBeNull();
  });
});

describe('versions and names', () => {
  it('compares dotted versions part by part', () => {
    expect(compareVersions('1.10.0', '1.9.9')).toBe(1);
    expect(compareVersions('1.0', '1.0.0')).toBe(0);
    expect(compareVersions('2', '10')).toBe(-1);
  });

  it('treats names that differ in case or punctuation as the same pack', () => {
    expect(packId('Kubernetes  Control-Plane!')).toBe(packId('kubernetes control plane'));
    expect(packFileName({ name: 'Small office', version: '1.2.0', author: 'x' })).toBe('porthole-pack-small-office-1.2.0.json');
  });
});

describe('example packs in docs/packs', () => {
  const dir = resolve(import.meta.dirname, '../../docs/packs');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    it(`${file} is a valid pack`, () => {
      const read = packOfText(readFileSync(resolve(dir, file), 'utf8'));
      expect(read?.ok ? 'ok' : read?.problems.map((p) => codeLine(problemText(p)))).toBe('ok');
    });
  }
});
