package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestDefaults(t *testing.T) {
	c, err := Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	if c.DatabaseURL != "sqlite:./stormdesk.db" || c.Listen != "127.0.0.1:8080" || c.LogFormat != "text" || c.MaxBodyBytes != 16<<20 ||
		c.RemindNoUpdate != 30*time.Minute || c.RemindPostmortem != 24*time.Hour || c.Email.ApprovalThreshold != 50 || c.Email.ResendInDoubt {
		t.Fatalf("defaults: %+v", c)
	}
	c, err = Load([]string{"STORMDESK_REMIND_NO_UPDATE=off", "STORMDESK_EMAIL_APPROVAL_THRESHOLD=off", "STORMDESK_EMAIL_IN_DOUBT=resend"})
	if err != nil || c.RemindNoUpdate != 0 || c.Email.ApprovalThreshold != -1 || !c.Email.ResendInDoubt {
		t.Fatalf("off/resend: %+v %v", c, err)
	}
}

func TestErrorsNameTheVariable(t *testing.T) {
	for _, tc := range []struct {
		env  []string
		want string
	}{
		{[]string{"STORMDESK_DATABASE_URL=mysql://x"}, "STORMDESK_DATABASE_URL"},
		{[]string{"STORMDESK_DATABASE_URL=sqlite:"}, "STORMDESK_DATABASE_URL"},
		{[]string{"STORMDESK_LISTEN=8080"}, "STORMDESK_LISTEN"},
		{[]string{"STORMDESK_LISTEN=0.0.0.0:8080"}, "STORMDESK_API_TOKEN is not set"},
		{[]string{"STORMDESK_API_TOKEN=short"}, "STORMDESK_API_TOKEN"},
		{[]string{"STORMDESK_LOG_FORMAT=xml"}, "STORMDESK_LOG_FORMAT"},
		{[]string{"STORMDESK_LOG_LEVEL=loud"}, "STORMDESK_LOG_LEVEL"},
		{[]string{"STORMDESK_MAX_BODY_BYTES=lots"}, "STORMDESK_MAX_BODY_BYTES"},
		{[]string{"STORMDESK_SHUTDOWN_TIMEOUT=5"}, "STORMDESK_SHUTDOWN_TIMEOUT"},
		{[]string{"STORMDESK_API_TOKEN=a", "STORMDESK_API_TOKEN_FILE=/x"}, "not both"},
		{[]string{"STORMDESK_API_TOKEN_FILE=/does/not/exist"}, "STORMDESK_API_TOKEN_FILE"},
		{[]string{"STORMDESK_RATE_LIMIT=fast"}, "STORMDESK_RATE_LIMIT"},
		{[]string{"STORMDESK_RATE_LIMIT=-1"}, "STORMDESK_RATE_LIMIT"},
		{[]string{"STORMDESK_TRUSTED_PROXIES=10.0.0.0/8,lb.internal"}, "STORMDESK_TRUSTED_PROXIES"},
		{[]string{"STORMDESK_TRUSTED_PROXIES=10.0.0.0/33"}, "STORMDESK_TRUSTED_PROXIES"},
		{[]string{"STORMDESK_TRIAGE_INTERVAL=10ms"}, "STORMDESK_TRIAGE_INTERVAL"},
		{[]string{"STORMDESK_SLACK_SIGNING_SECRET=s"}, "STORMDESK_SLACK_BOT_TOKEN"},
		{[]string{"STORMDESK_DISCORD_PUBLIC_KEY=nothex"}, "STORMDESK_DISCORD_PUBLIC_KEY"},
		{[]string{"STORMDESK_DISCORD_PUBLIC_KEY=" + strings.Repeat("ab", 32)}, "STORMDESK_DISCORD_APP_ID"},
		{[]string{"STORMDESK_EMAIL_APPROVAL_THRESHOLD=many"}, "STORMDESK_EMAIL_APPROVAL_THRESHOLD"},
		{[]string{"STORMDESK_EMAIL_APPROVAL_THRESHOLD=0"}, "STORMDESK_EMAIL_APPROVAL_THRESHOLD"},
		{[]string{"STORMDESK_EMAIL_IN_DOUBT=maybe"}, "STORMDESK_EMAIL_IN_DOUBT"},
		{[]string{"STORMDESK_REMIND_NO_UPDATE=soon"}, "STORMDESK_REMIND_NO_UPDATE"},
		{[]string{"STORMDESK_REMIND_POSTMORTEM=5s"}, "STORMDESK_REMIND_POSTMORTEM"},
		{[]string{"STORMDESK_INBOUND_SECRET=short"}, "STORMDESK_INBOUND_SECRET"},
		{[]string{"STORMDESK_HELPSCOUT_WEBHOOK_SECRET=short"}, "STORMDESK_HELPSCOUT_WEBHOOK_SECRET"},
		{[]string{"STORMDESK_HELPSCOUT_WEBHOOK_SECRET=" + strings.Repeat("x", 41)}, "STORMDESK_HELPSCOUT_WEBHOOK_SECRET"},
		{[]string{"STORMDESK_FRESHDESK_WEBHOOK_SECRET=short"}, "STORMDESK_FRESHDESK_WEBHOOK_SECRET"},
		{[]string{"STORMDESK_ZENDESK_WEBHOOK_SECRET=a", "STORMDESK_ZENDESK_WEBHOOK_SECRET_FILE=/x"}, "not both"},
		{[]string{"STORMDESK_SENDGRID_API_KEY=k"}, "STORMDESK_EMAIL_FROM"},
		{[]string{"STORMDESK_SENDGRID_API_KEY=k", "STORMDESK_EMAIL_FROM=a@b.co"}, "STORMDESK_PUBLIC_URL"},
		{[]string{"STORMDESK_SENDGRID_API_KEY=k", "STORMDESK_EMAIL_FROM=a@b.co", "STORMDESK_PUBLIC_URL=https://x"}, "STORMDESK_UNSUBSCRIBE_SECRET"},
		{[]string{"STORMDESK_SENDGRID_API_KEY=k", "STORMDESK_EMAIL_FROM=a@b.co", "STORMDESK_PUBLIC_URL=https://x",
			"STORMDESK_UNSUBSCRIBE_SECRET=0123456789abcdef", "STORMDESK_EMAIL_AUTO=acknowledged,apology"}, "STORMDESK_EMAIL_AUTO"},
		{[]string{"STORMDESK_SENDGRID_API_KEY=k", "STORMDESK_EMAIL_FROM=a@b.c", "STORMDESK_PUBLIC_URL=https://x",
			"STORMDESK_UNSUBSCRIBE_SECRET=0123456789abcdef", "STORMDESK_EMAIL_APPROVE=resolve"}, "STORMDESK_EMAIL_APPROVE"},
	} {
		_, err := Load(tc.env)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: got %v, want an error mentioning %s", tc.env, err, tc.want)
		}
	}
}

// TestTrustedProxies: off by default; CIDRs and single addresses of
// either family are read.
func TestTrustedProxies(t *testing.T) {
	c, err := Load(nil)
	if err != nil || len(c.TrustedProxies) != 0 {
		t.Fatalf("default: %v %v", c.TrustedProxies, err)
	}
	c, err = Load([]string{"STORMDESK_TRUSTED_PROXIES= 10.1.2.3/8, 192.0.2.7 ,2001:db8::/32"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range c.TrustedProxies {
		got = append(got, p.String())
	}
	if strings.Join(got, " ") != "10.0.0.0/8 192.0.2.7/32 2001:db8::/32" {
		t.Errorf("trusted proxies: %v", got)
	}
}

// TestConnectorSecrets: each helpdesk's secret is read, from the variable
// or its _FILE, and is known (not reported as a typo).
func TestConnectorSecrets(t *testing.T) {
	f := filepath.Join(t.TempDir(), "zendesk")
	os.WriteFile(f, []byte("dGhlIHNpZ25pbmcgc2VjcmV0\n"), 0o600)
	c, err := Load([]string{"STORMDESK_ZENDESK_WEBHOOK_SECRET_FILE=" + f, "STORMDESK_INTERCOM_CLIENT_SECRET=ic-secret",
		"STORMDESK_HELPSCOUT_WEBHOOK_SECRET=0123456789abcdef", "STORMDESK_FRESHDESK_WEBHOOK_SECRET=fedcba9876543210"})
	if err != nil {
		t.Fatal(err)
	}
	want := Connectors{ZendeskSecret: "dGhlIHNpZ25pbmcgc2VjcmV0", IntercomSecret: "ic-secret",
		HelpScoutSecret: "0123456789abcdef", FreshdeskSecret: "fedcba9876543210", IntercomAPIURL: "https://api.intercom.io", HelpScoutAPIURL: "https://api.helpscout.net"}
	if c.Connectors != want || len(c.Unknown) != 0 {
		t.Fatalf("got %+v, unknown %v", c.Connectors, c.Unknown)
	}
}

func TestTokenFileAndPublicListen(t *testing.T) {
	f := filepath.Join(t.TempDir(), "token")
	os.WriteFile(f, []byte("0123456789abcdef0123\n"), 0o600)
	c, err := Load([]string{"STORMDESK_API_TOKEN_FILE=" + f, "STORMDESK_LISTEN=0.0.0.0:9000", "STORMDESK_DATABASE_URL=postgres://u:p@h/db", "STORMDESK_LSITEN=typo"})
	if err != nil {
		t.Fatal(err)
	}
	if c.APIToken != "0123456789abcdef0123" || c.Listen != "0.0.0.0:9000" {
		t.Fatalf("got %+v", c)
	}
	if len(c.Unknown) != 1 || c.Unknown[0] != "STORMDESK_LSITEN" {
		t.Fatalf("unknown vars: %v", c.Unknown)
	}
}

func TestParseDatabaseURL(t *testing.T) {
	for in, want := range map[string]string{
		"sqlite:./x.db":                 "sqlite ./x.db",
		"sqlite:///tmp/x.db":            "sqlite /tmp/x.db",
		"postgres://u@h:5432/d":         "postgres postgres://u@h:5432/d",
		"postgresql://u@h/d?sslmode=no": "postgres postgresql://u@h/d?sslmode=no",
	} {
		b, tg, err := ParseDatabaseURL(in)
		if err != nil || b+" "+tg != want {
			t.Errorf("%s: got %s %s %v, want %s", in, b, tg, err, want)
		}
	}
	if _, _, err := ParseDatabaseURL("mysql://root:hunter2@h/d"); err == nil || strings.Contains(err.Error(), "hunter2") {
		t.Errorf("bad URL error must not leak the password: %v", err)
	}
}

// TestDocsListEveryVariable keeps the configuration page's table the one
// written from Vars.
func TestDocsListEveryVariable(t *testing.T) {
	b, err := os.ReadFile("../docs/configuration.md")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), MarkdownTable()) {
		t.Errorf("docs/configuration.md's table is not MarkdownTable(); paste it in:\n%s", MarkdownTable())
	}
}

// TestZendeskWriteBackOptIn: the write-back is on only with a subdomain
// (or API URL) and credentials; credentials without a Zendesk to call are
// refused.
func TestZendeskWriteBackOptIn(t *testing.T) {
	for _, tc := range []struct {
		env     []string
		on      bool
		api     string
		problem string
	}{
		{nil, false, "", ""},
		{[]string{"STORMDESK_ZENDESK_SUBDOMAIN=acme"}, false, "https://acme.zendesk.com", ""},
		{[]string{"STORMDESK_ZENDESK_SUBDOMAIN=acme.zendesk.com", "STORMDESK_ZENDESK_EMAIL=a@acme.com", "STORMDESK_ZENDESK_API_TOKEN=t"}, true, "https://acme.zendesk.com", ""},
		{[]string{"STORMDESK_ZENDESK_SUBDOMAIN=acme", "STORMDESK_ZENDESK_OAUTH_TOKEN=o"}, true, "https://acme.zendesk.com", ""},
		{[]string{"STORMDESK_ZENDESK_API_URL=http://127.0.0.1:9/", "STORMDESK_ZENDESK_OAUTH_TOKEN=o"}, true, "http://127.0.0.1:9", ""},
		{[]string{"STORMDESK_ZENDESK_OAUTH_TOKEN=o"}, false, "", "STORMDESK_ZENDESK_SUBDOMAIN"},
		{[]string{"STORMDESK_ZENDESK_API_URL=127.0.0.1:9", "STORMDESK_ZENDESK_OAUTH_TOKEN=o"}, false, "", "STORMDESK_ZENDESK_API_URL"},
	} {
		c, err := Load(tc.env)
		if tc.problem != "" {
			if err == nil || !strings.Contains(err.Error(), tc.problem) {
				t.Errorf("%v: err %v, want one naming %s", tc.env, err, tc.problem)
			}
			continue
		}
		if err != nil {
			t.Errorf("%v: %v", tc.env, err)
			continue
		}
		if c.Connectors.ZendeskWriteBack() != tc.on || c.Connectors.ZendeskAPI() != tc.api {
			t.Errorf("%v: write-back %v at %q, want %v at %q", tc.env, c.Connectors.ZendeskWriteBack(), c.Connectors.ZendeskAPI(), tc.on, tc.api)
		}
	}
}

// TestIntercomWriteBackOptIn: the Intercom write-back is on with an
// access token and an admin, not with one of them.
func TestIntercomWriteBackOptIn(t *testing.T) {
	f := filepath.Join(t.TempDir(), "intercom")
	os.WriteFile(f, []byte("ic-access-token\n"), 0o600)
	c, err := Load([]string{"STORMDESK_INTERCOM_ACCESS_TOKEN_FILE=" + f, "STORMDESK_INTERCOM_ADMIN_ID=814860", "STORMDESK_INTERCOM_API_URL=https://api.eu.intercom.io"})
	if err != nil || !c.Connectors.IntercomWriteBack() || c.Connectors.IntercomAccessToken != "ic-access-token" || c.Connectors.IntercomAPIURL != "https://api.eu.intercom.io" {
		t.Fatalf("on: %+v %v", c.Connectors, err)
	}
	if c, err := Load(nil); err != nil || c.Connectors.IntercomWriteBack() {
		t.Fatalf("off by default: %+v %v", c.Connectors, err)
	}
	for _, tc := range []struct{ env, problem string }{
		{"STORMDESK_INTERCOM_ACCESS_TOKEN=x", "STORMDESK_INTERCOM_ADMIN_ID"},
		{"STORMDESK_INTERCOM_ADMIN_ID=1", "STORMDESK_INTERCOM_ACCESS_TOKEN"},
		{"STORMDESK_INTERCOM_API_URL=api.eu.intercom.io", "STORMDESK_INTERCOM_API_URL"},
	} {
		if _, err := Load([]string{tc.env}); err == nil || !strings.Contains(err.Error(), tc.problem) {
			t.Errorf("%s: %v, want a problem naming %s", tc.env, err, tc.problem)
		}
	}
}

// TestHelpScoutWriteBackOptIn: the Help Scout write-back is on with an
// access token or the app's id and secret (from files too) and the
// webhook whose conversations it answers; either without the webhook, an
// app id without its secret or the other way round, both ways at once,
// and a URL that is not http(s) are refused.
func TestHelpScoutWriteBackOptIn(t *testing.T) {
	f := filepath.Join(t.TempDir(), "helpscout")
	os.WriteFile(f, []byte("hs-access-token\n"), 0o600)
	c, err := Load([]string{"STORMDESK_HELPSCOUT_ACCESS_TOKEN_FILE=" + f, "STORMDESK_HELPSCOUT_WEBHOOK_SECRET=0123456789abcdef"})
	if err != nil || !c.Connectors.HelpScoutWriteBack() || c.Connectors.HelpScoutAccessToken != "hs-access-token" || c.Connectors.HelpScoutAPIURL != "https://api.helpscout.net" {
		t.Fatalf("on: %+v %v", c.Connectors, err)
	}
	os.WriteFile(f, []byte("hs-app-secret\n"), 0o600)
	c, err = Load([]string{"STORMDESK_HELPSCOUT_APP_ID=hs-app", "STORMDESK_HELPSCOUT_APP_SECRET_FILE=" + f, "STORMDESK_HELPSCOUT_WEBHOOK_SECRET=0123456789abcdef"})
	if err != nil || !c.Connectors.HelpScoutWriteBack() || c.Connectors.HelpScoutAppSecret != "hs-app-secret" || c.Connectors.HelpScoutAccessToken != "" {
		t.Fatalf("on with the app: %+v %v", c.Connectors, err)
	}
	if c, err := Load([]string{"STORMDESK_HELPSCOUT_WEBHOOK_SECRET=0123456789abcdef"}); err != nil || c.Connectors.HelpScoutWriteBack() {
		t.Fatalf("off without a token: %+v %v", c.Connectors, err)
	}
	for _, tc := range []struct {
		env     []string
		problem string
	}{
		{[]string{"STORMDESK_HELPSCOUT_ACCESS_TOKEN=x"}, "STORMDESK_HELPSCOUT_WEBHOOK_SECRET: required with the Help Scout write-back"},
		{[]string{"STORMDESK_HELPSCOUT_APP_ID=a", "STORMDESK_HELPSCOUT_APP_SECRET=s"}, "STORMDESK_HELPSCOUT_WEBHOOK_SECRET: required with the Help Scout write-back"},
		{[]string{"STORMDESK_HELPSCOUT_APP_ID=a", "STORMDESK_HELPSCOUT_WEBHOOK_SECRET=0123456789abcdef"}, "STORMDESK_HELPSCOUT_APP_SECRET: required with STORMDESK_HELPSCOUT_APP_ID"},
		{[]string{"STORMDESK_HELPSCOUT_APP_SECRET=s", "STORMDESK_HELPSCOUT_WEBHOOK_SECRET=0123456789abcdef"}, "STORMDESK_HELPSCOUT_APP_ID: required with STORMDESK_HELPSCOUT_APP_SECRET"},
		{[]string{"STORMDESK_HELPSCOUT_APP_ID=a", "STORMDESK_HELPSCOUT_APP_SECRET=s", "STORMDESK_HELPSCOUT_ACCESS_TOKEN=x", "STORMDESK_HELPSCOUT_WEBHOOK_SECRET=0123456789abcdef"}, "not both"},
		{[]string{"STORMDESK_HELPSCOUT_ACCESS_TOKEN=x", "STORMDESK_HELPSCOUT_WEBHOOK_SECRET=0123456789abcdef", "STORMDESK_HELPSCOUT_API_URL=api.helpscout.net"}, "STORMDESK_HELPSCOUT_API_URL"},
	} {
		if _, err := Load(tc.env); err == nil || !strings.Contains(err.Error(), tc.problem) {
			t.Errorf("%s: %v, want a problem naming %s", tc.env, err, tc.problem)
		}
	}
}
