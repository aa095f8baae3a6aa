#!/bin/sh
# storm.sh: watch triage group a storm into an incident, against a running
# stormdesk (`make run` in another terminal).
#
# It posts a quiet stretch of 30 ordinary tickets (billing, exports,
# passwords: the desk's usual mix, which a storm is measured against),
# then 12 reports of a login outage from 12 customers, each worded in its
# own way, and shows the incident triage opened and why each ticket joined.
# Every run posts new tickets (external ids carry the time), so it can be
# run again; on a store that already has the login incident the new
# reports join it.
#
#   STORMDESK_URL        the service (default http://127.0.0.1:8080)
#   STORMDESK_API_TOKEN  its bearer token, if it has one
set -eu

url=${STORMDESK_URL:-http://127.0.0.1:8080}
run=$(date +%s)

api() { # api METHOD PATH [JSON]
	if [ -n "${STORMDESK_API_TOKEN:-}" ]; then
		curl -sS -X "$1" "$url$2" -H 'Content-Type: application/json' -H "Authorization: Bearer $STORMDESK_API_TOKEN" ${3:+-d "$3"}
	else
		curl -sS -X "$1" "$url$2" -H 'Content-Type: application/json' ${3:+-d "$3"}
	fi
}

if ! api GET /healthz >/dev/null 2>&1; then
	echo "storm.sh: no stormdesk at $url: start it with 'make run' in another terminal (the first build takes a few minutes)" >&2
	exit 1
fi

n=0
ticket() { # ticket EMAIL SUBJECT BODY
	n=$((n + 1))
	api POST /api/v1/tickets "{\"external_id\":\"storm-$run-$n\",\"customer_email\":\"$1\",\"subject\":\"$2\",\"body\":\"$3\"}" >/dev/null
}

echo "posting 30 ordinary tickets (the desk's usual mix)..."
i=0
for subject in "Invoice shows the wrong VAT number" "How do I export my contacts?" "Please update our billing address" \
	"Password reset email never arrived" "Can I add a second admin?" "Refund for a duplicate charge" \
	"Where do I find the API key?" "Dark mode, please" "Cancel my subscription" "Change the company name on invoices"; do
	for k in 1 2 3; do
		i=$((i + 1))
		ticket "customer$i@example.com" "$subject" "Hello, $subject. Thanks!"
	done
done

echo "posting 12 reports of a login outage from 12 customers..."
ticket ana@acme.example "Can't log in" "The sign-in page spins, then shows an SSO error."
ticket bo@globex.example "Login broken?" "Since a few minutes none of us can log in."
ticket cy@initech.example "SSO error when signing in" "We get 'authentication failed' from the login page."
ticket di@umbrella.example "cannot sign in" "Login keeps failing with an error, tried two browsers."
ticket ed@hooli.example "Unable to log in to the dashboard" "The login page times out."
ticket fa@stark.example "Login not working" "Our whole team is locked out, login errors."
ticket gu@wayne.example "Sign-in fails" "Sign in says 'something went wrong' every time."
ticket hu@wonka.example "Can't log in to my account" "Login spins forever."
ticket io@tyrell.example "Authentication error" "Is login down? Error at sign in."
ticket ju@soylent.example "login down?" "Nobody here can log in since 10 minutes."
ticket ka@cyberdyne.example "Locked out" "Login fails with an SSO error."
ticket li@gringotts.example "Cannot log in" "The login page shows an error after I enter my password."

# Triage runs behind intake, a batch at a time: wait (at most 20 s) for
# the incident and for all 12 reports to join it.
id="" count=0
for _ in $(seq 20); do
	incidents=$(api GET '/api/v1/incidents?status=open')
	id=$(printf '%s' "$incidents" | sed -n 's/^{"incidents":\[{"id":\([0-9]*\),.*/\1/p')
	count=$(printf '%s' "$incidents" | sed -n 's/^{"incidents":\[{[^}]*"ticket_count":\([0-9]*\)}.*/\1/p')
	[ -n "$count" ] && [ "$count" -ge 12 ] && break
	sleep 1
done
if [ -z "$id" ]; then
	echo "no incident opened; what triage sees:"
	api GET /api/v1/clusters
	exit 1
fi
echo
echo "incident #$id:"
printf '%s\n' "$incidents" | sed 's/},{/}\n{/g' | sed -n "s/.*\"id\":$id,\"title\":\"\([^\"]*\)\".*\"ticket_count\":\([0-9]*\).*/  \"\1\", \2 tickets/p"
echo "why its tickets joined:"
api GET "/api/v1/incidents/$id/tickets" | sed -n 's/^{"reasons":\[\(.*\)\],"tickets".*/\1/p' | sed 's/},{/}\n{/g' |
	sed 's/{"reason":"\(.*\)","tickets":\([0-9]*\)}/  \2 tickets: \1/'
echo
echo "its post-mortem so far:  curl -s '$url/api/v1/incidents/$id/timeline?format=md'"
