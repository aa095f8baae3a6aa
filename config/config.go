// Package config reads stormdesk's settings from STORMDESK_* environment
// variables (and, for secrets, from files named by *_FILE variables) and
// validates them. Every error names the variable and what is wrong.
package config

import (
	"encoding/hex"
	"fmt"
	"log/slog"
	"math"
	"net"
	"net/netip"
	"net/url"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Var documents one environment variable; README's table is written from
// the same list (see `stormdesk help env`).
type Var struct {
	Name, Default, Help string
}

// Vars lists every variable stormdesk reads.
var Vars = []Var{
	{"STORMDESK_DATABASE_URL", "sqlite:./stormdesk.db", "Store: sqlite:PATH (embedded, the default) or postgres://user@host:port/db (production, several replicas)."},
	{"STORMDESK_LISTEN", "127.0.0.1:8080", "Address the HTTP service listens on."},
	{"STORMDESK_API_TOKEN", "", "Bearer token required on /api/v1/ (the status page's /api/v2/ is public). Without it the service refuses to listen on anything but loopback. Also STORMDESK_API_TOKEN_FILE."},
	{"STORMDESK_LOG_FORMAT", "text", "Log format: text or json."},
	{"STORMDESK_LOG_LEVEL", "info", "Log level: debug, info, warn or error."},
	{"STORMDESK_MAX_BODY_BYTES", "16777216", "Largest accepted request body, in bytes."},
	{"STORMDESK_SHUTDOWN_TIMEOUT", "15s", "How long a graceful shutdown waits for in-flight requests."},
	{"STORMDESK_RATE_LIMIT", "100", "Requests per second allowed per client address in each route class, counted apart: intake API, chat webhooks (Slack, Discord), email webhooks (SendGrid), helpdesk webhooks (Zendesk, Intercom, Help Scout, Freshdesk), public pages (unsubscribe); bursts of 4x that; 0 turns the limit off."},
	{"STORMDESK_TRUSTED_PROXIES", "", "Comma-separated CIDRs (or addresses) of your reverse proxies. A request from one of them is charged to the client named in X-Forwarded-For (else Forwarded): the rightmost address that is not a trusted proxy. Unset: those headers are ignored and each request is charged to its peer address."},
	{"STORMDESK_CONFIG", "", "YAML file of upstream dependencies (status feeds), synthetic probes and the public status page; check it with `stormdesk config check FILE`."},
	{"STORMDESK_PRODUCT_NAME", "our service", "The product's name in customer emails."},
	{"STORMDESK_SLACK_SIGNING_SECRET", "", "Slack app signing secret (also _FILE); without it Slack is off."},
	{"STORMDESK_SLACK_BOT_TOKEN", "", "Slack bot token xoxb-… (also _FILE)."},
	{"STORMDESK_SLACK_OPS_CHANNEL", "", "Slack channel id for incident alerts; without it no Slack alerts."},
	{"STORMDESK_SLACK_API_URL", "", "Slack Web API base URL; set only to point at a local stand-in (tests, the demo)."},
	{"STORMDESK_SLACK_PIN_REACTION", "pushpin", "Reaction that adds a Slack message to an incident's timeline."},
	{"STORMDESK_SLACK_ALLOWED_USERS", "", "Comma-separated Slack user ids allowed to change incidents."},
	{"STORMDESK_SLACK_ALLOWED_USERGROUPS", "", "Comma-separated Slack user group ids (S…) allowed to change incidents."},
	{"STORMDESK_SLACK_ALLOWED_CHANNELS", "", "Comma-separated Slack channel ids where anyone may change incidents."},
	{"STORMDESK_DISCORD_PUBLIC_KEY", "", "Discord application public key (hex); without it Discord is off."},
	{"STORMDESK_DISCORD_BOT_TOKEN", "", "Discord bot token (also _FILE)."},
	{"STORMDESK_DISCORD_APP_ID", "", "Discord application id."},
	{"STORMDESK_DISCORD_ALERT_CHANNEL", "", "Discord channel id for incident alerts."},
	{"STORMDESK_DISCORD_GUILD_ID", "", "Register the /incident command in this server only (default: globally)."},
	{"STORMDESK_DISCORD_ALLOWED_USERS", "", "Comma-separated Discord user ids allowed to change incidents."},
	{"STORMDESK_DISCORD_ALLOWED_ROLES", "", "Comma-separated Discord role ids allowed to change incidents."},
	{"STORMDESK_INBOUND_SECRET", "", "Secret path segment of the SendGrid Inbound Parse webhook, POST /inbound/sendgrid/SECRET (also _FILE; at least 16 characters); without it inbound email is off."},
	{"STORMDESK_ZENDESK_WEBHOOK_SECRET", "", "Signing secret of the Zendesk webhook that posts tickets to POST /connectors/zendesk/webhook (also _FILE); without it the Zendesk webhook is off. See docs/helpdesks.md."},
	{"STORMDESK_ZENDESK_SUBDOMAIN", "", "Zendesk subdomain (acme for acme.zendesk.com) that `stormdesk connectors zendesk import` backfills from and, with credentials, that `serve` writes back to: one problem ticket per incident, each Zendesk report linked to it, updates as public comments, the resolution as its solve (see docs/helpdesks.md)."},
	{"STORMDESK_ZENDESK_EMAIL", "", "Email of the Zendesk user whose API token the backfill (an admin) and the write-back (an agent who may edit the tickets) use (basic auth EMAIL/token:TOKEN)."},
	{"STORMDESK_ZENDESK_API_TOKEN", "", "Zendesk API token for the backfill and the write-back, with STORMDESK_ZENDESK_EMAIL (also _FILE)."},
	{"STORMDESK_ZENDESK_OAUTH_TOKEN", "", "Zendesk OAuth access token (scopes tickets:read for the backfill, tickets:write for the write-back; read write for both) instead of an email and API token (also _FILE)."},
	{"STORMDESK_ZENDESK_API_URL", "", "Zendesk API base URL (default https://SUBDOMAIN.zendesk.com); set only to point at a local stand-in (tests)."},
	{"STORMDESK_INTERCOM_CLIENT_SECRET", "", "Client secret of the Intercom app whose webhooks post conversations to POST /connectors/intercom/webhook (also _FILE); without it the Intercom webhook is off."},
	{"STORMDESK_INTERCOM_ACCESS_TOKEN", "", "Intercom access token (also _FILE); with STORMDESK_INTERCOM_ADMIN_ID it turns the Intercom write-back on: each customer email about an incident is an admin reply in the conversation of each reporter who wrote in through Intercom, instead of an email (see docs/helpdesks.md)."},
	{"STORMDESK_INTERCOM_ADMIN_ID", "", "Id of the Intercom admin the write-back's replies are from (GET /admins)."},
	{"STORMDESK_INTERCOM_API_URL", "https://api.intercom.io", "Intercom API base URL: https://api.eu.intercom.io or https://api.au.intercom.io for EU- or Australia-hosted workspaces, or a local stand-in (tests)."},
	{"STORMDESK_HELPSCOUT_WEBHOOK_SECRET", "", "Secret key of the Help Scout webhook that posts conversations to POST /connectors/helpscout/webhook (also _FILE; 16 to 40 characters); without it the Help Scout webhook is off."},
	{"STORMDESK_HELPSCOUT_APP_ID", "", "App ID of the Help Scout app (Your Profile → My Apps) whose client credentials get the write-back's tokens, renewed before they expire; with STORMDESK_HELPSCOUT_APP_SECRET it turns the Help Scout write-back on: each customer email about an incident is a reply thread in the conversation of each reporter who wrote in through Help Scout, instead of an email (see docs/helpdesks.md). Needs STORMDESK_HELPSCOUT_WEBHOOK_SECRET."},
	{"STORMDESK_HELPSCOUT_APP_SECRET", "", "App secret of that Help Scout app (also _FILE)."},
	{"STORMDESK_HELPSCOUT_ACCESS_TOKEN", "", "Help Scout OAuth2 access token (also _FILE) instead of the app's id and secret: used as given, never renewed (a client credentials token lasts two days)."},
	{"STORMDESK_HELPSCOUT_API_URL", "https://api.helpscout.net", "Help Scout Mailbox API base URL; set only to point at a local stand-in (tests)."},
	{"STORMDESK_FRESHDESK_WEBHOOK_SECRET", "", "Secret the Freshdesk automation rule sends in the X-Stormdesk-Secret header to POST /connectors/freshdesk/webhook (also _FILE; at least 16 characters); without it the Freshdesk webhook is off."},
	{"STORMDESK_SENDGRID_API_KEY", "", "SendGrid API key (also _FILE); without it no customer email is sent."},
	{"STORMDESK_SENDGRID_URL", "https://api.sendgrid.com", "SendGrid API base URL (point at a local stand-in for tests and the demo)."},
	{"STORMDESK_EMAIL_FROM", "", "Sender address of customer emails (required with an API key)."},
	{"STORMDESK_EMAIL_FROM_NAME", "", "Sender name of customer emails."},
	{"STORMDESK_EMAIL_REPLY_TO", "", "Reply-To address of customer emails."},
	{"STORMDESK_EMAIL_FOOTER", "", "Footer line of customer emails."},
	{"STORMDESK_EMAIL_AUTO", "acknowledged,update,resolved", "Which customer emails go out by themselves: acknowledged (on ack), update (on a status change with a message), resolved."},
	{"STORMDESK_EMAIL_APPROVE", "", "Which automatic emails wait for an Approve press in chat instead (same names; wins over STORMDESK_EMAIL_AUTO). `/incident email ID update=approve` changes one incident."},
	{"STORMDESK_EMAIL_IN_DOUBT", "fail", "Recipients whose batch was with SendGrid when its sender died, unconfirmed by the event webhook after an hour: fail (recorded as failed, never sent twice) or resend (never lost, possibly twice; use with the event webhook on)."},
	{"STORMDESK_EMAIL_APPROVAL_THRESHOLD", "50", "An email to more recipients, automatic or not, waits for approval in chat (a manual one by a second person); `off` for no threshold."},
	{"STORMDESK_PUBLIC_URL", "", "This service's public base URL, for unsubscribe links (required with an API key)."},
	{"STORMDESK_UNSUBSCRIBE_SECRET", "", "Secret that signs unsubscribe links, at least 16 bytes (also _FILE; required with an API key)."},
	{"STORMDESK_SENDGRID_WEBHOOK_KEY", "", "SendGrid signed event webhook public key (base64); without it POST /sendgrid/events is off."},
	{"STORMDESK_TRIAGE_INTERVAL", "15m", "How often triage refines its clusters (when tickets came), refits its word vectors (every 500 tickets) and expires quiet ones; a snapshot of its state is saved every 5,000 tickets or 6 hours."},
	{"STORMDESK_REMIND_NO_UPDATE", "30m", "Nudge the ops channel when an acknowledged incident's status has not changed for this long (again after each such quiet spell); `off` turns it off."},
	{"STORMDESK_REMIND_POSTMORTEM", "24h", "Nudge the ops channel once when a resolved incident's post-mortem has not been exported this long after resolution; `off` turns it off."},
}

// Config is the validated configuration.
type Config struct {
	DatabaseURL     string
	Listen          string
	APIToken        string
	LogFormat       string
	LogLevel        slog.Level
	MaxBodyBytes    int64
	ShutdownTimeout time.Duration
	TriageInterval  time.Duration
	// RemindNoUpdate and RemindPostmortem: zero means off.
	RemindNoUpdate, RemindPostmortem time.Duration
	// ConfigFile is the YAML file of dependencies and probes ("" for none).
	ConfigFile string
	// RateLimit is requests per second per client in each route class
	// (0: no limit).
	RateLimit float64
	// TrustedProxies are the reverse proxies whose forwarding headers
	// name the client; empty means those headers are never read.
	TrustedProxies []netip.Prefix
	ProductName    string
	Email          Email
	// InboundSecret turns on the inbound email webhook.
	InboundSecret string
	Connectors    Connectors
	Slack         Slack
	Discord       Discord
	// Unknown lists STORMDESK_* variables that are set but not known:
	// usually a typo worth a warning.
	Unknown []string
}

// Email configures customer email through SendGrid; on when APIKey is set.
type Email struct {
	APIKey, URL, From, FromName, ReplyTo, Footer, PublicURL, UnsubscribeSecret, WebhookKey string
	Auto, Approve                                                                          []string
	// ApprovalThreshold: an email to more recipients waits for approval;
	// -1 means no threshold.
	ApprovalThreshold int
	// ResendInDoubt picks at-least-once over at-most-once for recipients
	// whose batch's fate is unknown.
	ResendInDoubt bool
}

// Connectors configures the helpdesks' intake webhooks; each is on when
// its secret is set.
type Connectors struct {
	ZendeskSecret, IntercomSecret, HelpScoutSecret, FreshdeskSecret string
	// Zendesk's REST API, for the backfill and the write-back.
	ZendeskSubdomain, ZendeskEmail, ZendeskAPIToken, ZendeskOAuthToken, ZendeskAPIURL string
	// Intercom's REST API, for the write-back (replies).
	IntercomAccessToken, IntercomAdminID, IntercomAPIURL string
	// Help Scout's Mailbox API 2.0, for the write-back (replies): an
	// app's client credentials, or an access token.
	HelpScoutAppID, HelpScoutAppSecret, HelpScoutAccessToken, HelpScoutAPIURL string
}

// HelpScoutWriteBack says whether the Help Scout write-back is on: it is
// opt-in, on when the app's id and secret, or an access token, are set
// (Validate refuses them without the webhook, whose conversations it
// answers).
func (c Connectors) HelpScoutWriteBack() bool {
	return c.HelpScoutAccessToken != "" || c.HelpScoutAppID != "" && c.HelpScoutAppSecret != ""
}

// IntercomWriteBack says whether the Intercom write-back is on: it is
// opt-in, on when the access token and the admin are set.
func (c Connectors) IntercomWriteBack() bool {
	return c.IntercomAccessToken != "" && c.IntercomAdminID != ""
}

// ZendeskAPI is the base URL of Zendesk's REST API: STORMDESK_ZENDESK_API_URL,
// or https://SUBDOMAIN.zendesk.com; "" when neither is set.
func (c Connectors) ZendeskAPI() string {
	if c.ZendeskAPIURL != "" {
		return strings.TrimRight(c.ZendeskAPIURL, "/")
	}
	if s := strings.TrimSuffix(strings.TrimSpace(c.ZendeskSubdomain), ".zendesk.com"); s != "" {
		return "https://" + s + ".zendesk.com"
	}
	return ""
}

// ZendeskWriteBack says whether the Zendesk write-back is on: it is
// opt-in, on when the subdomain (or API URL) and credentials are set.
func (c Connectors) ZendeskWriteBack() bool {
	return c.ZendeskAPI() != "" && (c.ZendeskAPIToken != "" || c.ZendeskOAuthToken != "")
}

// Slack configures the Slack app; it is on when SigningSecret is set.
type Slack struct {
	SigningSecret, BotToken, OpsChannel, PinReaction, APIURL string
	AllowedUsers, AllowedUserGroups, AllowedChannels         []string
}

// Discord configures the Discord app; it is on when PublicKey is set.
type Discord struct {
	PublicKey, BotToken, AppID, AlertChannel, GuildID string
	AllowedUsers, AllowedRoles                        []string
}

func list(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// Error is a configuration error naming the variable.
type Error struct {
	Var, Msg string
}

func (e *Error) Error() string { return fmt.Sprintf("config: %s: %s", e.Var, e.Msg) }

// Load reads the configuration from environ (os.Environ's shape).
func Load(environ []string) (Config, error) {
	env := map[string]string{}
	for _, kv := range environ {
		if k, v, ok := strings.Cut(kv, "="); ok {
			env[k] = v
		}
	}
	get := func(name string) string {
		if v, ok := env[name]; ok {
			return strings.TrimSpace(v)
		}
		for _, v := range Vars {
			if v.Name == name {
				return v.Default
			}
		}
		return ""
	}
	var c Config
	var err error
	c.DatabaseURL = get("STORMDESK_DATABASE_URL")
	c.Listen = get("STORMDESK_LISTEN")
	if c.APIToken, err = secret(env, "STORMDESK_API_TOKEN"); err != nil {
		return c, err
	}
	c.ConfigFile = get("STORMDESK_CONFIG")
	c.ProductName = get("STORMDESK_PRODUCT_NAME")
	c.Slack = Slack{OpsChannel: get("STORMDESK_SLACK_OPS_CHANNEL"), APIURL: get("STORMDESK_SLACK_API_URL"), PinReaction: strings.Trim(get("STORMDESK_SLACK_PIN_REACTION"), ":"),
		AllowedUsers: list(get("STORMDESK_SLACK_ALLOWED_USERS")), AllowedUserGroups: list(get("STORMDESK_SLACK_ALLOWED_USERGROUPS")),
		AllowedChannels: list(get("STORMDESK_SLACK_ALLOWED_CHANNELS"))}
	if c.Slack.SigningSecret, err = secret(env, "STORMDESK_SLACK_SIGNING_SECRET"); err != nil {
		return c, err
	}
	if c.Slack.BotToken, err = secret(env, "STORMDESK_SLACK_BOT_TOKEN"); err != nil {
		return c, err
	}
	c.Discord = Discord{PublicKey: get("STORMDESK_DISCORD_PUBLIC_KEY"), AppID: get("STORMDESK_DISCORD_APP_ID"), AlertChannel: get("STORMDESK_DISCORD_ALERT_CHANNEL"),
		GuildID: get("STORMDESK_DISCORD_GUILD_ID"), AllowedUsers: list(get("STORMDESK_DISCORD_ALLOWED_USERS")), AllowedRoles: list(get("STORMDESK_DISCORD_ALLOWED_ROLES"))}
	if c.Discord.BotToken, err = secret(env, "STORMDESK_DISCORD_BOT_TOKEN"); err != nil {
		return c, err
	}
	if c.InboundSecret, err = secret(env, "STORMDESK_INBOUND_SECRET"); err != nil {
		return c, err
	}
	for name, dst := range map[string]*string{"STORMDESK_ZENDESK_WEBHOOK_SECRET": &c.Connectors.ZendeskSecret,
		"STORMDESK_INTERCOM_CLIENT_SECRET": &c.Connectors.IntercomSecret, "STORMDESK_HELPSCOUT_WEBHOOK_SECRET": &c.Connectors.HelpScoutSecret,
		"STORMDESK_FRESHDESK_WEBHOOK_SECRET": &c.Connectors.FreshdeskSecret,
		"STORMDESK_ZENDESK_API_TOKEN":        &c.Connectors.ZendeskAPIToken, "STORMDESK_ZENDESK_OAUTH_TOKEN": &c.Connectors.ZendeskOAuthToken,
		"STORMDESK_INTERCOM_ACCESS_TOKEN": &c.Connectors.IntercomAccessToken, "STORMDESK_HELPSCOUT_ACCESS_TOKEN": &c.Connectors.HelpScoutAccessToken,
		"STORMDESK_HELPSCOUT_APP_SECRET": &c.Connectors.HelpScoutAppSecret} {
		if *dst, err = secret(env, name); err != nil {
			return c, err
		}
	}
	c.Connectors.ZendeskSubdomain = get("STORMDESK_ZENDESK_SUBDOMAIN")
	c.Connectors.ZendeskEmail = get("STORMDESK_ZENDESK_EMAIL")
	c.Connectors.ZendeskAPIURL = get("STORMDESK_ZENDESK_API_URL")
	c.Connectors.IntercomAdminID = get("STORMDESK_INTERCOM_ADMIN_ID")
	c.Connectors.IntercomAPIURL = get("STORMDESK_INTERCOM_API_URL")
	c.Connectors.HelpScoutAPIURL = get("STORMDESK_HELPSCOUT_API_URL")
	c.Connectors.HelpScoutAppID = get("STORMDESK_HELPSCOUT_APP_ID")
	c.Email = Email{URL: get("STORMDESK_SENDGRID_URL"), From: get("STORMDESK_EMAIL_FROM"), FromName: get("STORMDESK_EMAIL_FROM_NAME"),
		ReplyTo: get("STORMDESK_EMAIL_REPLY_TO"), Footer: get("STORMDESK_EMAIL_FOOTER"), PublicURL: get("STORMDESK_PUBLIC_URL"),
		WebhookKey: get("STORMDESK_SENDGRID_WEBHOOK_KEY"), Auto: list(get("STORMDESK_EMAIL_AUTO")),
		Approve: list(get("STORMDESK_EMAIL_APPROVE"))}
	if c.Email.APIKey, err = secret(env, "STORMDESK_SENDGRID_API_KEY"); err != nil {
		return c, err
	}
	if c.Email.UnsubscribeSecret, err = secret(env, "STORMDESK_UNSUBSCRIBE_SECRET"); err != nil {
		return c, err
	}
	switch v := strings.ToLower(strings.TrimSpace(get("STORMDESK_EMAIL_IN_DOUBT"))); v {
	case "fail":
	case "resend":
		c.Email.ResendInDoubt = true
	default:
		return c, &Error{"STORMDESK_EMAIL_IN_DOUBT", fmt.Sprintf("%q is not fail or resend", v)}
	}
	if v := strings.TrimSpace(get("STORMDESK_EMAIL_APPROVAL_THRESHOLD")); strings.EqualFold(v, "off") {
		c.Email.ApprovalThreshold = -1
	} else if c.Email.ApprovalThreshold, err = strconv.Atoi(v); err != nil || c.Email.ApprovalThreshold < 1 {
		return c, &Error{"STORMDESK_EMAIL_APPROVAL_THRESHOLD", fmt.Sprintf("%q is not a recipient count of at least 1 (or off)", v)}
	}
	if c.RateLimit, err = strconv.ParseFloat(get("STORMDESK_RATE_LIMIT"), 64); err != nil || c.RateLimit < 0 || math.IsInf(c.RateLimit, 0) || math.IsNaN(c.RateLimit) {
		return c, &Error{"STORMDESK_RATE_LIMIT", fmt.Sprintf("%q is not a number of requests per second (0 for no limit)", get("STORMDESK_RATE_LIMIT"))}
	}
	if c.TrustedProxies, err = prefixes(get("STORMDESK_TRUSTED_PROXIES")); err != nil {
		return c, err
	}
	c.LogFormat = get("STORMDESK_LOG_FORMAT")
	if err := c.LogLevel.UnmarshalText([]byte(get("STORMDESK_LOG_LEVEL"))); err != nil {
		return c, &Error{"STORMDESK_LOG_LEVEL", fmt.Sprintf("%q is not debug, info, warn or error", get("STORMDESK_LOG_LEVEL"))}
	}
	if c.MaxBodyBytes, err = strconv.ParseInt(get("STORMDESK_MAX_BODY_BYTES"), 10, 64); err != nil {
		return c, &Error{"STORMDESK_MAX_BODY_BYTES", fmt.Sprintf("%q is not a whole number of bytes", get("STORMDESK_MAX_BODY_BYTES"))}
	}
	if c.ShutdownTimeout, err = time.ParseDuration(get("STORMDESK_SHUTDOWN_TIMEOUT")); err != nil {
		return c, &Error{"STORMDESK_SHUTDOWN_TIMEOUT", fmt.Sprintf("%q is not a duration such as 15s", get("STORMDESK_SHUTDOWN_TIMEOUT"))}
	}
	if c.TriageInterval, err = time.ParseDuration(get("STORMDESK_TRIAGE_INTERVAL")); err != nil {
		return c, &Error{"STORMDESK_TRIAGE_INTERVAL", fmt.Sprintf("%q is not a duration such as 5m", get("STORMDESK_TRIAGE_INTERVAL"))}
	}
	for name, d := range map[string]*time.Duration{"STORMDESK_REMIND_NO_UPDATE": &c.RemindNoUpdate, "STORMDESK_REMIND_POSTMORTEM": &c.RemindPostmortem} {
		v := strings.TrimSpace(get(name))
		if strings.EqualFold(v, "off") {
			continue
		}
		if *d, err = time.ParseDuration(v); err != nil || *d < time.Minute {
			return c, &Error{name, fmt.Sprintf("%q is not a duration of at least 1m (such as 30m or 24h) or off", v)}
		}
	}
	known := map[string]bool{}
	for _, v := range Vars {
		known[v.Name], known[v.Name+"_FILE"] = true, true
	}
	for k := range env {
		if strings.HasPrefix(k, "STORMDESK_") && !known[k] && !strings.HasPrefix(k, "STORMDESK_TEST_") {
			c.Unknown = append(c.Unknown, k)
		}
	}
	sort.Strings(c.Unknown)
	return c, c.Validate()
}

// prefixes reads STORMDESK_TRUSTED_PROXIES: CIDRs, or single addresses
// (a /32 or /128).
func prefixes(s string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, f := range list(s) {
		p, err := netip.ParsePrefix(f)
		if err != nil {
			a, aerr := netip.ParseAddr(f)
			if aerr != nil {
				return nil, &Error{"STORMDESK_TRUSTED_PROXIES", fmt.Sprintf("%q is not a CIDR such as 10.0.0.0/8 or an IP address", f)}
			}
			a = a.Unmap()
			p = netip.PrefixFrom(a, a.BitLen())
		}
		out = append(out, p.Masked())
	}
	return out, nil
}

// secret reads NAME, or the file named by NAME_FILE (trailing newline
// trimmed); setting both is an error.
func secret(env map[string]string, name string) (string, error) {
	v, ok := env[name]
	f, fok := env[name+"_FILE"]
	switch {
	case ok && fok:
		return "", &Error{name, "set either " + name + " or " + name + "_FILE, not both"}
	case fok:
		b, err := os.ReadFile(f)
		if err != nil {
			return "", &Error{name + "_FILE", fmt.Sprintf("cannot read %q: %v", f, err)}
		}
		return strings.TrimRight(string(b), "\r\n"), nil
	}
	return strings.TrimSpace(v), nil
}

// Validate rejects values and combinations that cannot work.
func (c Config) Validate() error {
	if _, _, err := ParseDatabaseURL(c.DatabaseURL); err != nil {
		return err
	}
	host, _, err := net.SplitHostPort(c.Listen)
	if err != nil {
		return &Error{"STORMDESK_LISTEN", fmt.Sprintf("%q is not host:port (for example 127.0.0.1:8080)", c.Listen)}
	}
	if c.APIToken == "" && !IsLoopback(host) {
		return &Error{"STORMDESK_LISTEN", fmt.Sprintf("%q is not a loopback address and STORMDESK_API_TOKEN is not set: set a token before exposing the API", c.Listen)}
	}
	if c.APIToken != "" && len(c.APIToken) < 16 {
		return &Error{"STORMDESK_API_TOKEN", "shorter than 16 characters: use a long random token (openssl rand -hex 32)"}
	}
	if c.LogFormat != "text" && c.LogFormat != "json" {
		return &Error{"STORMDESK_LOG_FORMAT", fmt.Sprintf("%q is not text or json", c.LogFormat)}
	}
	if c.MaxBodyBytes < 1024 {
		return &Error{"STORMDESK_MAX_BODY_BYTES", fmt.Sprintf("%d is below the 1024-byte minimum", c.MaxBodyBytes)}
	}
	if c.ShutdownTimeout <= 0 {
		return &Error{"STORMDESK_SHUTDOWN_TIMEOUT", "must be positive"}
	}
	if c.Slack.SigningSecret != "" && c.Slack.BotToken == "" {
		return &Error{"STORMDESK_SLACK_BOT_TOKEN", "required when STORMDESK_SLACK_SIGNING_SECRET is set (the bot answers through the Web API)"}
	}
	if c.Discord.PublicKey != "" {
		if b, err := hex.DecodeString(c.Discord.PublicKey); err != nil || len(b) != 32 {
			return &Error{"STORMDESK_DISCORD_PUBLIC_KEY", "not a 64-character hex Ed25519 public key (Discord developer portal → General Information)"}
		}
		if c.Discord.AppID == "" {
			return &Error{"STORMDESK_DISCORD_APP_ID", "required when STORMDESK_DISCORD_PUBLIC_KEY is set"}
		}
	}
	if c.InboundSecret != "" && (len(c.InboundSecret) < 16 || strings.ContainsAny(c.InboundSecret, "/?#% ")) {
		return &Error{"STORMDESK_INBOUND_SECRET", "use at least 16 characters of letters and digits (openssl rand -hex 16)"}
	}
	if n := len(c.Connectors.HelpScoutSecret); n > 0 && (n < 16 || n > 40) {
		// Help Scout takes a secret of at most 40 characters.
		return &Error{"STORMDESK_HELPSCOUT_WEBHOOK_SECRET", "use 16 to 40 characters (openssl rand -hex 16), the same as the webhook's Secret Key in Help Scout"}
	}
	if n := len(c.Connectors.FreshdeskSecret); n > 0 && n < 16 {
		return &Error{"STORMDESK_FRESHDESK_WEBHOOK_SECRET", "use at least 16 characters (openssl rand -hex 16), the same as the automation rule's X-Stormdesk-Secret header"}
	}
	if z := c.Connectors; z.ZendeskAPIToken != "" && z.ZendeskOAuthToken != "" {
		return &Error{"STORMDESK_ZENDESK_OAUTH_TOKEN", "set either STORMDESK_ZENDESK_API_TOKEN (with STORMDESK_ZENDESK_EMAIL) or STORMDESK_ZENDESK_OAUTH_TOKEN, not both"}
	} else if z.ZendeskAPIToken != "" && z.ZendeskEmail == "" {
		return &Error{"STORMDESK_ZENDESK_EMAIL", "required with STORMDESK_ZENDESK_API_TOKEN (the token's owner: basic auth EMAIL/token:TOKEN)"}
	} else if s := z.ZendeskSubdomain; s != "" && strings.ContainsAny(strings.TrimSuffix(s, ".zendesk.com"), "./:@ ") {
		return &Error{"STORMDESK_ZENDESK_SUBDOMAIN", fmt.Sprintf("%q is not a subdomain such as acme (for acme.zendesk.com)", s)}
	} else if (z.ZendeskAPIToken != "" || z.ZendeskOAuthToken != "") && z.ZendeskAPI() == "" {
		return &Error{"STORMDESK_ZENDESK_SUBDOMAIN", "required with Zendesk credentials (acme for acme.zendesk.com): the backfill and the write-back call that Zendesk"}
	} else if u := z.ZendeskAPIURL; u != "" && !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
		return &Error{"STORMDESK_ZENDESK_API_URL", "an http(s) base URL"}
	}
	if z := c.Connectors; z.IntercomAccessToken != "" && z.IntercomAdminID == "" {
		return &Error{"STORMDESK_INTERCOM_ADMIN_ID", "required with STORMDESK_INTERCOM_ACCESS_TOKEN: the admin the replies are from"}
	} else if z.IntercomAdminID != "" && z.IntercomAccessToken == "" {
		return &Error{"STORMDESK_INTERCOM_ACCESS_TOKEN", "required with STORMDESK_INTERCOM_ADMIN_ID"}
	} else if u := z.IntercomAPIURL; !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
		return &Error{"STORMDESK_INTERCOM_API_URL", "an http(s) base URL such as https://api.eu.intercom.io"}
	}
	// The Help Scout write-back answers only conversations its webhook
	// stored (with their customer ids): a token without the webhook would
	// never reply.
	if z := c.Connectors; z.HelpScoutAppID != "" && z.HelpScoutAppSecret == "" {
		return &Error{"STORMDESK_HELPSCOUT_APP_SECRET", "required with STORMDESK_HELPSCOUT_APP_ID"}
	} else if z.HelpScoutAppSecret != "" && z.HelpScoutAppID == "" {
		return &Error{"STORMDESK_HELPSCOUT_APP_ID", "required with STORMDESK_HELPSCOUT_APP_SECRET"}
	} else if z.HelpScoutAppID != "" && z.HelpScoutAccessToken != "" {
		return &Error{"STORMDESK_HELPSCOUT_ACCESS_TOKEN", "set it or STORMDESK_HELPSCOUT_APP_ID and STORMDESK_HELPSCOUT_APP_SECRET, not both"}
	} else if z.HelpScoutWriteBack() && z.HelpScoutSecret == "" {
		return &Error{"STORMDESK_HELPSCOUT_WEBHOOK_SECRET", "required with the Help Scout write-back (STORMDESK_HELPSCOUT_APP_ID or STORMDESK_HELPSCOUT_ACCESS_TOKEN): the replies answer the conversations the webhook stores"}
	} else if u := z.HelpScoutAPIURL; !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
		return &Error{"STORMDESK_HELPSCOUT_API_URL", "an http(s) base URL such as https://api.helpscout.net"}
	}
	if c.Email.APIKey != "" {
		switch {
		case c.Email.From == "":
			return &Error{"STORMDESK_EMAIL_FROM", "required when STORMDESK_SENDGRID_API_KEY is set"}
		case c.Email.PublicURL == "" || !(strings.HasPrefix(c.Email.PublicURL, "http://") || strings.HasPrefix(c.Email.PublicURL, "https://")):
			return &Error{"STORMDESK_PUBLIC_URL", "an http(s) base URL is required when STORMDESK_SENDGRID_API_KEY is set (unsubscribe links point at it)"}
		case len(c.Email.UnsubscribeSecret) < 16:
			return &Error{"STORMDESK_UNSUBSCRIBE_SECRET", "at least 16 bytes are required when STORMDESK_SENDGRID_API_KEY is set"}
		}
		for name, l := range map[string][]string{"STORMDESK_EMAIL_AUTO": c.Email.Auto, "STORMDESK_EMAIL_APPROVE": c.Email.Approve} {
			for _, a := range l {
				if a != "acknowledged" && a != "update" && a != "resolved" {
					return &Error{name, fmt.Sprintf("%q is not acknowledged, update or resolved", a)}
				}
			}
		}
	}
	if c.TriageInterval < time.Second {
		return &Error{"STORMDESK_TRIAGE_INTERVAL", "must be at least 1s"}
	}
	return nil
}

// IsLoopback reports whether host (from host:port) only accepts local
// connections.
func IsLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// ParseDatabaseURL splits a STORMDESK_DATABASE_URL into its backend
// ("sqlite" or "postgres") and the path or URL that backend opens.
func ParseDatabaseURL(s string) (backend, target string, err error) {
	switch {
	case strings.HasPrefix(s, "postgres://"), strings.HasPrefix(s, "postgresql://"):
		if _, err := url.Parse(s); err != nil {
			return "", "", &Error{"STORMDESK_DATABASE_URL", "not a valid postgres:// URL"}
		}
		return "postgres", s, nil
	case strings.HasPrefix(s, "sqlite://"):
		target = strings.TrimPrefix(s, "sqlite://")
	case strings.HasPrefix(s, "sqlite:"):
		target = strings.TrimPrefix(s, "sqlite:")
	default:
		return "", "", &Error{"STORMDESK_DATABASE_URL", fmt.Sprintf("%q: want sqlite:PATH or postgres://…", redact(s))}
	}
	if target == "" {
		return "", "", &Error{"STORMDESK_DATABASE_URL", "sqlite: needs a file path, for example sqlite:./stormdesk.db"}
	}
	return "sqlite", target, nil
}

func redact(s string) string {
	if u, err := url.Parse(s); err == nil && u.User != nil {
		return u.Redacted()
	}
	return s
}

// MarkdownTable is the README's table of environment variables.
func MarkdownTable() string {
	var b strings.Builder
	b.WriteString("| variable | default | meaning |\n| --- | --- | --- |\n")
	for _, v := range Vars {
		def := "(none)"
		if v.Default != "" {
			def = "`" + v.Default + "`"
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s |\n", v.Name, def, strings.ReplaceAll(v.Help, "|", `\|`))
	}
	return b.String()
}
