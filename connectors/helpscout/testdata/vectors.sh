#!/bin/sh
# Computes Help Scout webhook signatures for the bodies in this directory
# with openssl, independently of the code under test:
#   X-HelpScout-Signature = base64(HMAC-SHA1(secret key, body))
# Run from this directory: sh vectors.sh > vectors.txt
# Each line: body file, "-" (Help Scout signs no timestamp), signature.
set -eu
secret='hs-test-secret-0123456789abcdef'
echo "# secret	$secret"
sign() { # file
	sig=$(openssl dgst -sha1 -hmac "$secret" -binary < "$1" | base64)
	printf '%s\t-\t%s\n' "$1" "$sig"
}
sign created.json
sign created_v2.json
sign missing_id.json
sign bad_created_at.json
