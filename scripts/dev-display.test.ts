import { describe, expect, it } from 'vitest';
import { missingDisplay } from './dev-display.ts';

describe('npm run dev without a display', () => {
  it('says what to do on Linux with neither X nor Wayland', () => {
    const message = missingDisplay({}, 'linux');
    expect(message).toContain('xvfb-run npm run dev');
    expect(message).toContain('npm run build');
    expect(message).toContain('.output/chrome-mv3');
  });

  it('stays quiet where a browser can open', () => {
    expect(missingDisplay({ DISPLAY: ':0' }, 'linux')).toBeNull();
    expect(missingDisplay({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBeNull();
    expect(missingDisplay({}, 'darwin')).toBeNull();
    expect(missingDisplay({}, 'win32')).toBeNull();
  });
});
