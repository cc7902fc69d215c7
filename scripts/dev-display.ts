// `npm run dev` opens Chromium with Porthole loaded, which needs a display.
// Without one Chromium dies at start and WXT only reports "CDP connection
// closed before response to Extensions.loadUnpacked": say what to do instead.
import process from 'node:process';

/** Why `npm run dev` cannot open a browser here, or null when it can. */
export function missingDisplay(env: Record<string, string | undefined>, platform: string): string | null {
  if (platform !== 'linux' || env.DISPLAY || env.WAYLAND_DISPLAY) return null;
  return [
    'npm run dev opens Chromium with Porthole loaded, and that needs a display: this machine has none (DISPLAY and WAYLAND_DISPLAY are unset).',
    'Either run it on a virtual display:',
    '  xvfb-run npm run dev',
    'or build Porthole and load it into a browser yourself:',
    '  npm run build',
    '  then in chrome://extensions turn on Developer mode, click "Load unpacked" and pick .output/chrome-mv3',
  ].join('\n');
}

if (import.meta.main) {
  const problem = missingDisplay(process.env, process.platform);
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}
