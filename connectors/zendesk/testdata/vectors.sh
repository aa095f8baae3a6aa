#!/bin/sh
# Computes Zendesk webhook signatures for the bodies in this directory
# with openssl, independently of the code under test:
#   X-Zendesk-Webhook-Signature = base64(HMAC-SHA256(secret, timestamp + body))
# Run from this directory: sh vectors.sh > vectors.txt
# Each line: body file, timestamp, signature (tab-separated).
set -eu
secret='dGhpcyBpcyBub3QgYSByZWFsIHNpZ25pbmcgc2VjcmV0'
echo "# secret	$secret"
sign() { # file timestamp
	sig=$( { printf '%s' "$2"; cat "$1"; } | openssl dgst -sha256 -hmac "$secret" -binary | base64)
	printf '%s\t%s\t%s\n' "$1" "$2" "$sig"
}
sign created.json 2026-12-03T09:00:00Z
sign updated.json 2026-12-03T09:20:00Z
sign numeric_id.json 2026-12-03T09:02:00Z
sign bad_id_type.json 2026-12-03T09:03:00Z
sign missing_id.json 2026-12-03T09:03:00Z
sign bad_created_at.json 2026-12-03T09:03:00Z
sign bad_event.json 2026-12-03T09:03:00Z
sign tags.json 2026-12-03T09:05:00Z
# A Unix timestamp, which Zendesk does not send: signed, but refused.
sign numeric_id.json 1764752400
