import { describe, expect, it } from 'vitest';
import { parseQuery } from './query.ts';

describe('parseQuery', () => {
  it.each([
    ['139', { kind: 'port', port: 139 }],
    [' 0 ', { kind: 'port', port: 0 }],
    ['53/udp', { kind: 'port', port: 53, protocol: 'udp' }],
    ['53 UDP', { kind: 'port', port: 53, protocol: 'udp' }],
    ['tcp/445', { kind: 'port', port: 445, protocol: 'tcp' }],
    ['135-139', { kind: 'range', port: 135, endPort: 139 }],
    ['135–139', { kind: 'range', port: 135, endPort: 139 }],
    ['6000:6063/tcp', { kind: 'range', port: 6000, endPort: 6063, protocol: 'tcp' }],
    ['80-80', { kind: 'port', port: 80 }],
    ['localhost:8080', { kind: 'port', port: 8080 }],
    [':5432', { kind: 'port', port: 5432 }],
    ['port 22', { kind: 'port', port: 22 }],
    ['ports 135-139', { kind: 'range', port: 135, endPort: 139 }],
    ['port: 53/udp', { kind: 'port', port: 53, protocol: 'udp' }],
    ['http://localhost:8080/app', { kind: 'port', port: 8080 }],
    ['postgres://db.internal:5432/app', { kind: 'port', port: 5432 }],
    ['139-', { kind: 'port', port: 139 }],
    ['0.0.0.0:139', { kind: 'port', port: 139 }],
    ['netbios-ssn', { kind: 'text', text: 'netbios-ssn' }],
    ['portainer', { kind: 'text', text: 'portainer' }],
    ['postgres', { kind: 'text', text: 'postgres' }],
    ['windows  file sharing', { kind: 'text', text: 'windows file sharing' }],
    ['', { kind: 'empty' }],
  ])('%j', (input, expected) => {
    expect(parseQuery(input)).toEqual(expected);
  });

  it('explains numbers that are not ports', () => {
    expect(parseQuery('70000')).toMatchObject({ kind: 'invalid', problem: { code: 'notAPort', port: 70000 } });
    expect(parseQuery('139-135')).toMatchObject({ kind: 'invalid', problem: { code: 'reversed', suggestion: '135-139' } });
  });
});
