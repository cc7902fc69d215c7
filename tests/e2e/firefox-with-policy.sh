#!/bin/sh
# Starts Firefox ESR with a test's own enterprise policies: in a private mount
# namespace (so no other browser on the machine sees it, and no root is
# needed), $PORTHOLE_POLICY_ROOT is mounted over Firefox's distribution
# folder, where it reads policies.json. See tests/e2e/firefox-policy.test.ts.
exec unshare --user --map-root-user --mount sh -c 'mount --bind "$PORTHOLE_POLICY_ROOT" "$PORTHOLE_FIREFOX_DISTRIBUTION" && exec "$PORTHOLE_FIREFOX" "$@"' firefox "$@"
