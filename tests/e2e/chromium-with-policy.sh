#!/bin/sh
# Starts Chromium with a test's own policy directory: in a private mount
# namespace (so no other browser on the machine sees it, and no root is
# needed), $PORTHOLE_POLICY_ROOT is mounted over /etc/chromium, where Debian's
# Chromium reads policies/managed/*.json. See tests/e2e/harness.ts.
exec unshare --user --map-root-user --mount sh -c 'mount --bind "$PORTHOLE_POLICY_ROOT" /etc/chromium && exec "$PORTHOLE_CHROMIUM" "$@"' chromium "$@"
