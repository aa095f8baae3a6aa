#!/bin/sh
# Computes Intercom webhook signatures for the bodies in this directory
# with openssl, independently of the code under test:
#   X-Hub-Signature = sha1=<hex HMAC-SHA1(client secret, body)>
# Run from this directory: sh vectors.sh > vectors.txt
# Each line: body file, "-" (Intercom signs no timestamp), signature.
set -eu
secret='5e1f0c2a9b7d4e3f8a6c1b2d3e4f5a6b7c8d9e0f'
echo "# secret	$secret"
sign() { # file
	sig=$(openssl dgst -sha1 -hmac "$secret" < "$1" | sed 's/^.*= *//')
	printf '%s\t-\tsha1=%s\n' "$1" "$sig"
}
sign created.json
sign replied.json
sign ping.json
sign bad_created_at.json
sign missing_id.json
sign created_email.json
