// Package app builds stormdesk from its configuration: the one place that
// wires the store, the desk, the chat front ends, the outbox dispatchers,
// the HTTP edge and the periodic work. `stormdesk serve` runs it with Run;
// the demo and replays build it with New and drive it in virtual time;
// the end-to-end tests run the real program through Run. Whatever comes
// from outside (the clock, the store, the HTTP client of feeds and probes)
// is a Dep, so each of them gets the same service.
package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"stormdesk"
	"stormdesk/bot"
	"stormdesk/bot/discord"
	"stormdesk/bot/slack"
	"stormdesk/config"
	"stormdesk/connectors"
	"stormdesk/connectors/freshdesk"
	"stormdesk/connectors/helpscout"
	"stormdesk/connectors/intercom"
	"stormdesk/connectors/zendesk"
	"stormdesk/desk"
	"stormdesk/httpserver"
	"stormdesk/notify"
	"stormdesk/schedule"
	"stormdesk/statuspage"
	"stormdesk/store/postgres"
	"stormdesk/store/sqlite"
	"stormdesk/store/sqlstore"
	"stormdesk/triage"
	"stormdesk/upstream"
)

// Deps are what the app takes from outside. The zero value is the real
// world: the wall clock, the store of cfg.DatabaseURL, the network.
type Deps struct {
	// Now is the clock (time.Now when nil).
	Now func() time.Time
	// Log receives the service's log (slog.Default when nil).
	Log *slog.Logger
	// Store replaces the store of cfg.DatabaseURL; the app does not close
	// it. GroupCommit then sizes its writers (one each when nil).
	Store       *sqlstore.Store
	GroupCommit *desk.GroupCommit
	// Upstream replaces cfg.ConfigFile's dependencies and probes.
	Upstream *upstream.Config
	// UpstreamClient fetches feeds and runs probes (defaults when nil).
	UpstreamClient *http.Client
	// Triage is the triage configuration before the upstream lexicon is
	// added (triage.DefaultConfig when nil).
	Triage *triage.Config
	// Posters, when set, stands between the chat dispatcher and the
	// platforms' posters (a replay notes what was posted when).
	Posters func(map[string]notify.ChatPoster) map[string]notify.ChatPoster
	// OwnFeedPolls: the caller polls status feeds itself (a replay reads
	// each update at the first poll slot after it), so Schedule adds no
	// feed jobs.
	OwnFeedPolls bool
	// Version names the build (logs, the feeds' User-Agent).
	Version string
}

// App is the service, built and not yet running.
type App struct {
	Desk  *desk.Service
	Store stormdesk.Store
	// Handler serves every route: the API, health, metrics, the chat
	// front ends, unsubscribe links, SendGrid's webhooks.
	Handler  http.Handler
	Registry *prometheus.Registry
	// Chat, Email and Helpdesk are the outbox dispatchers; nil when that
	// channel is not configured. Run runs them; a replay calls RunOnce.
	Chat, Email, Helpdesk *notify.Dispatcher
	// Upstream is what is watched (nil: nothing).
	Upstream *upstream.Config
	// StatusPage is the public status page's configuration (nil: the
	// defaults, overall state only).
	StatusPage *config.StatusPage

	cfg     config.Config
	deps    Deps
	log     *slog.Logger
	elector *postgres.Elector
	closers []func()
}

// New builds the service: it opens (and migrates) the store unless one
// is given, rebuilds triage from it, and wires everything; nothing runs
// until Run (or the caller drives it). Close releases what New opened.
func New(ctx context.Context, cfg config.Config, deps Deps) (a *App, err error) {
	a = &App{cfg: cfg, deps: deps, log: deps.Log}
	if a.log == nil {
		a.log = slog.Default()
	}
	if deps.Now == nil {
		a.deps.Now = time.Now
	}
	// On an error New returns a nil App, so the deferred clean-up holds
	// its own pointer to what was opened (closing the named result
	// dereferenced nil: a bad STORMDESK_CONFIG made serve panic).
	opened := a
	defer func() {
		if err != nil {
			opened.Close()
		}
	}()
	gc := deps.GroupCommit
	if deps.Store != nil {
		a.Store = deps.Store
		if gc == nil {
			gc = &desk.GroupCommit{Writers: 1, NoteWriters: 1, Max: desk.GroupCommitMax}
		}
	} else {
		store, elector, writers, err := OpenStore(ctx, cfg)
		if err != nil {
			return nil, err
		}
		a.Store, a.elector = store, elector
		a.closers = append(a.closers, func() { store.Close() })
		if gc == nil {
			gc = &writers
		}
	}
	if a.Upstream = deps.Upstream; a.Upstream == nil && cfg.ConfigFile != "" {
		f, err := LoadConfigFile(cfg.ConfigFile, upstream.LoadOptions{})
		if err != nil {
			return nil, fmt.Errorf("STORMDESK_CONFIG: %w", err)
		}
		a.Upstream, a.StatusPage = f.Upstream, f.StatusPage
	}
	page := StatusPageConfig(cfg, a.StatusPage)
	opt := desk.Options{Now: a.deps.Now, Log: a.log, ProductName: cfg.ProductName, GroupCommit: gc, Components: page.Components,
		Maintenances: ConfigMaintenances(a.StatusPage), PublishOnAcknowledge: a.StatusPage != nil && a.StatusPage.Publish == config.PublishAcknowledged}
	if a.elector != nil {
		// Several replicas may share this database: one leads (triage,
		// polls, probes); a clean shutdown hands over at once.
		opt.Leader = a.elector
	}
	if a.Upstream != nil {
		client := deps.UpstreamClient
		if client == nil {
			client = &http.Client{Timeout: 60 * time.Second}
		}
		opt.Upstream = &desk.Upstream{Config: a.Upstream, Fetcher: &upstream.Fetcher{UserAgent: "stormdesk/" + deps.Version, Client: deps.UpstreamClient},
			ProbeClient: client}
	}
	tcfg := triage.DefaultConfig()
	if deps.Triage != nil {
		tcfg = *deps.Triage
	}
	tcfg = desk.TriageConfig(tcfg, a.Upstream)
	opt.Triage = &tcfg

	// The dispatchers exist before the desk, which wakes them; their
	// chat posters (the front ends) need the desk, so they come after.
	posters := map[string]notify.ChatPoster{}
	if platforms := chatPlatforms(cfg); len(platforms) > 0 {
		cs, ok := a.Store.(stormdesk.ChatOutboxStore)
		if !ok {
			return nil, stormdesk.Errorf(stormdesk.EINVALID, "chat alerts need a SQL store")
		}
		a.Chat = notify.NewChatDispatcher(cs.ChatOutbox(), &notify.Chat{Store: a.Store, Posters: posters})
		a.Chat.Now, a.Chat.Log = a.deps.Now, a.log.With("outbox", "chat")
		opt.Chat = &desk.Chat{Platforms: platforms, Kick: a.Chat.Kick}
	}
	if cfg.Connectors.ZendeskWriteBack() || cfg.Connectors.IntercomWriteBack() || cfg.Connectors.HelpScoutWriteBack() {
		if opt.Helpdesks, err = a.helpdesks(); err != nil {
			return nil, err
		}
	}
	var edge *httpserver.Email
	if cfg.Email.APIKey != "" {
		if opt.Email, edge, err = a.email(); err != nil {
			return nil, err
		}
	}
	if a.Desk, err = desk.New(ctx, a.Store, opt); err != nil {
		return nil, err
	}
	a.closers = append(a.closers, a.Desk.Close)
	a.Registry = prometheus.NewRegistry()
	a.Registry.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	srv := httpserver.New(a.Desk, cfg.APIToken, a.log, a.Registry)
	srv.MaxBodyBytes = cfg.MaxBodyBytes
	srv.StatusPage = page
	srv.StatusFresh = httpserver.DefaultStatusFresh
	if err := a.chatAdapters(srv, posters); err != nil {
		return nil, err
	}
	if deps.Posters != nil && a.Chat != nil {
		a.Chat.Sender.(*notify.Chat).Posters = deps.Posters(posters)
	}
	if edge != nil {
		if cfg.Email.WebhookKey != "" {
			edge.Events = notify.EventsHandler(cfg.Email.WebhookKey, a.Store, time.Now, notify.Apply(a.Desk), a.log)
		}
		srv.Email = edge
	}
	if cfg.InboundSecret != "" {
		srv.Inbound = &httpserver.Inbound{Secret: cfg.InboundSecret}
	}
	srv.Connectors = Connectors(cfg.Connectors, a.Store)
	// With STORMDESK_RATE_LIMIT=0 the limiter charges nothing but still
	// names each request's client (behind trusted proxies) for the access log.
	srv.RateLimit = &httpserver.RateLimit{Rate: cfg.RateLimit, Burst: 4 * cfg.RateLimit, Now: time.Now, TrustedProxies: cfg.TrustedProxies}
	a.Handler = srv.Handler(a.Registry)
	return a, nil
}

// StatusPageConfig is the public status page of cfg and the
// STORMDESK_CONFIG file's status_page section (nil: the defaults): named
// after the product, at STORMDESK_PUBLIC_URL/status.
func StatusPageConfig(cfg config.Config, sp *config.StatusPage) statuspage.Config {
	c := statuspage.Config{Name: cfg.ProductName + " status", Brand: config.DefaultBrandColour, Text: config.DefaultTextColour}
	if u := strings.TrimRight(cfg.Email.PublicURL, "/"); u != "" {
		c.URL = u + "/status"
	}
	if sp == nil {
		return c
	}
	if sp.Name != "" {
		c.Name = sp.Name
	}
	if sp.URL != "" {
		c.URL = sp.URL
	}
	c.LogoURL, c.Brand, c.Text = sp.LogoURL, sp.Colours.Brand, sp.Colours.Text
	for _, comp := range sp.Components {
		c.Components = append(c.Components, stormdesk.Component{ID: comp.ID, Name: comp.Name, Description: comp.Description, Features: comp.Features})
	}
	return c
}

// ConfigMaintenances are the scheduled maintenances of the
// STORMDESK_CONFIG file's status_page section: nil without a section
// (the stored ones are left alone), else a list, maybe empty (those the
// file held before and no longer does are cancelled).
func ConfigMaintenances(sp *config.StatusPage) []stormdesk.Maintenance {
	if sp == nil {
		return nil
	}
	out := []stormdesk.Maintenance{}
	for _, m := range sp.Maintenances {
		out = append(out, stormdesk.Maintenance{Key: m.Key(), Title: m.Name, Text: m.Text, Components: m.Components,
			StartsAt: m.Start, EndsAt: m.End, AlertAbove: m.AlertAbove})
	}
	return out
}

// Connectors is the helpdesk webhooks whose secrets c sets, checked
// against replays, shared by every replica on the store; nil when none is.
func Connectors(c config.Connectors, replays stormdesk.ReplayGuard) *httpserver.Connectors {
	var hooks []connectors.Webhook
	if c.ZendeskSecret != "" {
		hooks = append(hooks, &zendesk.Webhook{Secret: c.ZendeskSecret})
	}
	if c.IntercomSecret != "" {
		hooks = append(hooks, &intercom.Webhook{ClientSecret: c.IntercomSecret})
	}
	if c.HelpScoutSecret != "" {
		hooks = append(hooks, &helpscout.Webhook{Secret: c.HelpScoutSecret})
	}
	if c.FreshdeskSecret != "" {
		hooks = append(hooks, &freshdesk.Webhook{Secret: c.FreshdeskSecret})
	}
	if len(hooks) == 0 {
		return nil
	}
	return &httpserver.Connectors{Webhooks: hooks, Replays: replays, Now: time.Now}
}

// Close releases what New opened, last first.
func (a *App) Close() {
	for i := len(a.closers) - 1; i >= 0; i-- {
		a.closers[i]()
	}
	a.closers = nil
}

// chatPlatforms names the chat front ends cfg configures.
func chatPlatforms(cfg config.Config) []string {
	var ps []string
	if cfg.Discord.PublicKey != "" {
		ps = append(ps, bot.PlatformDiscord)
	}
	if cfg.Slack.SigningSecret != "" {
		ps = append(ps, bot.PlatformSlack)
	}
	return ps
}

// chatAdapters builds the configured Slack and Discord front ends, gives
// them to the chat dispatcher as posters and to srv as endpoints.
func (a *App) chatAdapters(srv *httpserver.Server, posters map[string]notify.ChatPoster) error {
	c := a.cfg
	policy := bot.Policy{SlackUsers: c.Slack.AllowedUsers, SlackUserGroups: c.Slack.AllowedUserGroups, SlackChannels: c.Slack.AllowedChannels,
		DiscordUsers: c.Discord.AllowedUsers, DiscordRoles: c.Discord.AllowedRoles}
	core := bot.NewCore(a.Desk, policy, a.log)
	core.Now = a.deps.Now
	// Alert messages and the replay guard live in the store, so that
	// every replica sees the same (issue 9).
	if c.Slack.SigningSecret != "" {
		s, err := slack.New(slack.Config{SigningSecret: c.Slack.SigningSecret, BotToken: c.Slack.BotToken, OpsChannel: c.Slack.OpsChannel,
			PinReaction: c.Slack.PinReaction, APIURL: c.Slack.APIURL,
			Alerts: bot.StoreAlerts{Store: a.Store, Platform: bot.PlatformSlack}, Replays: a.Store}, core, a.log)
		if err != nil {
			return fmt.Errorf("slack: %w", err)
		}
		srv.Slack = s
		posters[bot.PlatformSlack] = s
		a.closers = append(a.closers, func() { _ = s.Shutdown(context.Background()) })
	}
	if c.Discord.PublicKey != "" {
		d, err := DiscordAdapter(c, core, bot.StoreAlerts{Store: a.Store, Platform: bot.PlatformDiscord}, a.Store, a.log)
		if err != nil {
			return err
		}
		srv.Discord = d
		posters[bot.PlatformDiscord] = d
		a.closers = append(a.closers, func() { _ = d.Shutdown(context.Background()) })
	}
	return nil
}

// DiscordAdapter builds the Discord front end of cfg.
func DiscordAdapter(c config.Config, core *bot.Core, alerts bot.AlertStore, replays bot.ReplayGuard, log *slog.Logger) (*discord.Adapter, error) {
	a, err := discord.New(discord.Config{PublicKey: c.Discord.PublicKey, BotToken: c.Discord.BotToken, AppID: c.Discord.AppID,
		AlertChannel: c.Discord.AlertChannel, GuildID: c.Discord.GuildID, Alerts: alerts, Replays: replays}, core, log)
	if err != nil {
		return nil, fmt.Errorf("discord: %w", err)
	}
	return a, nil
}

// helpdesks turns the helpdesk write-back on for Zendesk (problem
// tickets), Intercom and Help Scout (replies), as configured: the desk queues its
// writes in the outbox and one dispatcher makes them through their APIs.
func (a *App) helpdesks() (*desk.Helpdesks, error) {
	hs, ok := a.Store.(stormdesk.HelpdeskOutboxStore)
	if !ok {
		return nil, stormdesk.Errorf(stormdesk.EINVALID, "the helpdesk write-back needs a SQL store")
	}
	c := a.cfg.Connectors
	sender := &notify.Helpdesk{Store: a.Store, Writers: map[string]notify.HelpdeskWriter{}, Repliers: map[string]notify.Replier{}}
	h := &desk.Helpdesks{}
	if c.ZendeskWriteBack() {
		sender.Writers[stormdesk.SourceZendesk] = zendesk.Desk{Client: &zendesk.Client{BaseURL: c.ZendeskAPI(),
			Email: c.ZendeskEmail, APIToken: c.ZendeskAPIToken, OAuthToken: c.ZendeskOAuthToken}}
		h.Names = append(h.Names, stormdesk.SourceZendesk)
	}
	if c.IntercomWriteBack() {
		sender.Repliers[stormdesk.SourceIntercom] = intercom.Desk{Client: &intercom.Client{BaseURL: c.IntercomAPIURL, Token: c.IntercomAccessToken,
			AdminID: c.IntercomAdminID, Now: a.deps.Now}}
		h.Replies = append(h.Replies, stormdesk.SourceIntercom)
	}
	if c.HelpScoutWriteBack() {
		sender.Repliers[stormdesk.SourceHelpScout] = helpscout.Desk{Client: &helpscout.Client{BaseURL: c.HelpScoutAPIURL, Token: c.HelpScoutAccessToken,
			AppID: c.HelpScoutAppID, AppSecret: c.HelpScoutAppSecret, Now: a.deps.Now}}
		h.Replies = append(h.Replies, stormdesk.SourceHelpScout)
	}
	a.Helpdesk = notify.NewHelpdeskDispatcher(hs.HelpdeskOutbox(), sender)
	a.Helpdesk.Now, a.Helpdesk.Log = a.deps.Now, a.log.With("outbox", "helpdesk")
	h.Kick = a.Helpdesk.Kick
	if u := strings.TrimRight(a.cfg.Email.PublicURL, "/"); u != "" {
		h.IncidentURL = func(id int64) string { return fmt.Sprintf("%s/api/v1/incidents/%d", u, id) }
	}
	return h, nil
}

// email turns customer email on: the desk queues emails in the outbox, a
// dispatcher sends them through SendGrid, and the unsubscribe and
// event-webhook endpoints feed suppressions back (through the desk).
func (a *App) email() (*desk.Email, *httpserver.Email, error) {
	c := a.cfg
	outbox, ok := a.Store.(stormdesk.Outbox)
	if !ok {
		return nil, nil, stormdesk.Errorf(stormdesk.EINVALID, "customer email needs a SQL store")
	}
	secret := []byte(c.Email.UnsubscribeSecret)
	unsubBase := strings.TrimRight(c.Email.PublicURL, "/") + "/unsubscribe"
	links, err := notify.UnsubscribeLinks(unsubBase, secret, a.deps.Now)
	if err != nil {
		return nil, nil, err
	}
	// Status page subscriptions are confirmed through links signed with
	// the same secret, under their own domain (notify.ConfirmLinks).
	confirm, err := notify.ConfirmLinks(strings.TrimRight(c.Email.PublicURL, "/")+"/status/confirm", secret, a.deps.Now)
	if err != nil {
		return nil, nil, err
	}
	inDoubt := notify.InDoubtFail
	if c.Email.ResendInDoubt {
		inDoubt = notify.InDoubtResend
	}
	a.Email = &notify.Dispatcher{Outbox: outbox, Now: a.deps.Now, Log: a.log, UnsubscribeURL: links, InDoubt: inDoubt,
		Sender: &notify.SendGrid{APIKey: c.Email.APIKey, BaseURL: c.Email.URL, FromEmail: c.Email.From, FromName: c.Email.FromName, ReplyTo: c.Email.ReplyTo}}
	set := func(l []string) map[string]bool {
		m := map[string]bool{}
		for _, a := range l {
			m[a] = true
		}
		return m
	}
	email := &desk.Email{Auto: set(c.Email.Auto), Approve: set(c.Email.Approve), ApprovalThreshold: c.Email.ApprovalThreshold,
		FromName: c.Email.FromName, Footer: c.Email.Footer, Placeholder: notify.UnsubscribeTag, Kick: a.Email.Kick}
	email.ConfirmURL = confirm
	edge := &httpserver.Email{VerifyUnsubscribe: func(token string) (string, []string, error) { return notify.VerifyUnsubscribeScope(secret, token) },
		VerifyConfirm: func(token string) (string, []string, time.Time, error) {
			return notify.VerifyConfirm(secret, token, a.deps.Now())
		}}
	return email, edge, nil
}

// Schedule adds the periodic work to jobs: triage maintenance, the
// maintenance windows' starts and ends, reminders, delivery reports, and a job per status feed and probe.
func (a *App) Schedule(jobs schedule.Jobs) error {
	d, c := a.Desk, a.cfg
	if err := jobs.Every("triage-maintain", c.TriageInterval, d.MaintainTriage); err != nil {
		return err
	}
	// Each maintenance window's start and end on its timeline, once
	// whichever replica records it.
	if err := jobs.Every("maintenance", time.Minute, func(ctx context.Context) error { _, err := d.MaintenanceRound(ctx); return err }); err != nil {
		return err
	}
	if r := (desk.Reminders{NoUpdate: c.RemindNoUpdate, NoPostmortem: c.RemindPostmortem}); r != (desk.Reminders{}) {
		if err := jobs.Every("reminders", time.Minute, func(ctx context.Context) error { _, err := d.Remind(ctx, r); return err }); err != nil {
			return err
		}
	}
	if a.Helpdesk != nil {
		if err := jobs.Every("helpdesk-failures", 30*time.Second, func(ctx context.Context) error { _, err := d.ReportHelpdesk(ctx); return err }); err != nil {
			return err
		}
	}
	if a.Email != nil {
		if err := jobs.Every("email-deliveries", 30*time.Second, func(ctx context.Context) error { _, err := d.ReportDeliveries(ctx); return err }); err != nil {
			return err
		}
	}
	if a.Upstream == nil {
		return nil
	}
	if !a.deps.OwnFeedPolls {
		for _, dep := range a.Upstream.Dependencies {
			name := dep.Name
			if err := jobs.EveryJitter("feed:"+name, dep.Interval, func(ctx context.Context) error {
				_, err := d.PollFeed(ctx, name, false)
				if stormdesk.ErrorCode(err) == stormdesk.EUNAVAILABLE {
					return nil // recorded as unreadable, logged, retried with backoff
				}
				return err
			}); err != nil {
				return err
			}
		}
	}
	for _, p := range a.Upstream.Probes {
		name := p.Name
		if err := jobs.EveryJitter("probe:"+name, p.Interval, func(ctx context.Context) error {
			_, err := d.PollProbe(ctx, name)
			return err
		}); err != nil {
			return err
		}
	}
	return nil
}

// OpenStore opens and migrates the store of cfg.DatabaseURL. On Postgres
// it also returns the elector that picks the one replica that runs
// scheduled work (nil for SQLite: one process). The store package says
// how many group-commit writers its engine wants.
func OpenStore(ctx context.Context, c config.Config) (*sqlstore.Store, *postgres.Elector, desk.GroupCommit, error) {
	backend, target, err := config.ParseDatabaseURL(c.DatabaseURL)
	if err != nil {
		return nil, nil, desk.GroupCommit{}, err
	}
	if backend == "postgres" {
		tickets, notes := postgres.GroupCommitWriters()
		gc := desk.GroupCommit{Writers: tickets, NoteWriters: notes, Max: desk.GroupCommitMax}
		db, err := postgres.OpenDB(ctx, target)
		if err != nil {
			return nil, nil, gc, err
		}
		d := postgres.Dialect()
		if _, _, err := sqlstore.Migrate(ctx, db, d, time.Now()); err != nil {
			db.Close()
			return nil, nil, gc, err
		}
		key, err := postgres.LeaderKey(ctx, db)
		if err != nil {
			db.Close()
			return nil, nil, gc, err
		}
		return sqlstore.New(db, d), postgres.NewElector(db, key), gc, nil
	}
	tickets, notes := sqlite.GroupCommitWriters()
	gc := desk.GroupCommit{Writers: tickets, NoteWriters: notes, Max: desk.GroupCommitMax}
	s, err := sqlite.Open(ctx, target, time.Now())
	return s, nil, gc, err
}

// Poll intervals of the loops that wake at once on this process's own
// work and poll for the work of other processes: the triage worker
// (tickets stored by imports or other replicas), the chat and email
// dispatchers (rows queued by other replicas, or left by one that died).
const (
	TriagePoll   = time.Second
	ChatPoll     = time.Second
	EmailPoll    = 5 * time.Second
	HelpdeskPoll = time.Second
)

// Run serves cfg until ctx ends: it builds the app, starts the triage
// worker, the dispatchers and the scheduler, listens on cfg.Listen (or
// listener), and shuts down in order: in-flight requests finish, then the
// background work stops, then the store closes. ready, when set, is told
// the address it listens on.
func Run(ctx context.Context, cfg config.Config, deps Deps, ready func(addr string)) error {
	a, err := New(ctx, cfg, deps)
	if err != nil {
		return err
	}
	defer a.Close()
	log := a.log
	var elector schedule.Elector
	if a.elector != nil {
		elector = a.elector
		defer a.elector.Resign(context.WithoutCancel(ctx))
	}
	sched, err := schedule.New(log, elector)
	if err != nil {
		return err
	}
	if err := a.Schedule(sched); err != nil {
		return err
	}
	// The loops every replica runs: the triage worker (only the leader
	// triages) and the dispatchers (claims never overlap, so each row
	// goes out once).
	if err := sched.Loop("triage", TriagePoll, a.Desk.TriageWake(), desk.TriageDebounce, a.Desk.TriageRound); err != nil {
		return err
	}
	if a.Chat != nil {
		if err := sched.Loop("chat-outbox", ChatPoll, a.Chat.Wake(), 0, a.Chat.Round); err != nil {
			return err
		}
	}
	if a.Helpdesk != nil {
		if err := sched.Loop("helpdesk-outbox", HelpdeskPoll, a.Helpdesk.Wake(), 0, a.Helpdesk.Round); err != nil {
			return err
		}
	}
	if a.Email != nil {
		if err := sched.Loop("email-outbox", EmailPoll, a.Email.Wake(), 0, a.Email.Round); err != nil {
			return err
		}
	}
	if a.Upstream != nil {
		log.Info("watching upstream", slog.Int("dependencies", len(a.Upstream.Dependencies)), slog.Int("probes", len(a.Upstream.Probes)))
	}
	// Deferred calls run last-in first-out: the jobs and loops stop after
	// the HTTP server has finished its requests, and before the store
	// closes.
	sched.Start()
	defer sched.Stop()

	ln, err := net.Listen("tcp", cfg.Listen)
	if err != nil {
		return fmt.Errorf("listen on %s (STORMDESK_LISTEN): %w", cfg.Listen, err)
	}
	hs := &http.Server{
		Handler:           a.Handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	log.Info("stormdesk serving", slog.String("addr", ln.Addr().String()), slog.String("store", a.Store.Backend()),
		slog.Bool("auth", cfg.APIToken != ""), slog.Bool("zendesk_write_back", cfg.Connectors.ZendeskWriteBack()), slog.Bool("intercom_write_back", cfg.Connectors.IntercomWriteBack()),
		slog.Bool("helpscout_write_back", cfg.Connectors.HelpScoutWriteBack()), slog.String("version", deps.Version))
	if ready != nil {
		ready(ln.Addr().String())
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	log.Info("shutting down: finishing in-flight requests", slog.Duration("timeout", cfg.ShutdownTimeout))
	sctx, cancel := context.WithTimeout(context.Background(), cfg.ShutdownTimeout)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	log.Info("stopped")
	return nil
}
