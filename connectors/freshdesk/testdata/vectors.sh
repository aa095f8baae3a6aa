#!/bin/sh
# Freshdesk does not sign its webhooks: the automation rule sends a shared
# secret in the X-Stormdesk-Secret header. This script records, in the
# same format as the signing connectors' vectors, the header value each
# body is posted with (the secret itself).
# Run from this directory: sh vectors.sh > vectors.txt
set -eu
secret=$(printf 'freshdesk test secret' | openssl dgst -sha256 | sed 's/^.*= *//' | cut -c1-32)
echo "# secret	$secret"
for f in simple.json advanced.json missing_id.json bad_created_at.json unwrapped.json; do
	printf '%s\t-\t%s\n' "$f" "$secret"
done
